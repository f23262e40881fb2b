import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, makeStyles, Subtitle2, Text, tokens,
} from '@fluentui/react-components';
import type { RowContext } from '../../adapters/port';
import { SEVERITIES, type Finding, type Severity } from '../../core/findings/types';
import type { Texts } from '../i18n';
import { FindingItem } from './FindingItem';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  headerContent: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  sheet: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
  },
  list: {
    margin: 0,
    padding: 0,
  },
  panel: {
    marginLeft: 0,
    marginRight: 0,
  },
});

/** A finding's identity within one validation: its rule and place. */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}`;
}

export interface FindingsProps {
  t: Texts;
  findings: readonly Finding[];
  disabled: boolean;
  contexts: ReadonlyMap<string, RowContext | null>;
  selected: string | null;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

const COUNT_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  feil: 'danger',
  advarsel: 'warning',
  info: 'informative',
};

/** Sheets in the order the findings (sorted by the core) name them, each with its findings. */
function bySheet(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sheet, [...(groups.get(f.sheet) ?? []), f]);
  return [...groups];
}

/** The findings grouped by severity, then by sheet, with counts; every group starts open. */
export function Findings({ t, findings, disabled, contexts, selected, onSelect, onFix }: FindingsProps) {
  const styles = useStyles();
  const present = SEVERITIES.filter((s) => findings.some((f) => f.severity === s));
  if (present.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading">{t.findingsHeading}</Subtitle2>
      <Accordion multiple collapsible defaultOpenItems={[...present]}>
        {present.map((severity) => {
          const own = findings.filter((f) => f.severity === severity);
          return (
            <AccordionItem key={severity} value={severity}>
              <AccordionHeader as="h3" size="medium" expandIconPosition="end">
                <span className={styles.headerContent}>
                  <SeverityIcon severity={severity} />
                  <span>{t.severity[severity]}</span>
                  <Badge appearance="filled" color={COUNT_COLOR[severity]} size="medium">{own.length}</Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                {bySheet(own).map(([sheet, items]) => (
                  <div key={sheet}>
                    <Text as="h4" className={styles.sheet}>{t.countIn(items.length, sheet)}</Text>
                    <ul className={styles.list}>
                      {items.map((f, i) => {
                        const key = findingKey(f);
                        return (
                          <FindingItem
                            key={`${key}#${i}`}
                            t={t}
                            finding={f}
                            disabled={disabled}
                            context={contexts.get(key)}
                            selected={selected === key}
                            onSelect={onSelect}
                            onFix={onFix}
                          />
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
