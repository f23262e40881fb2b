import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { SEVERITIES, type Severity } from '../../core/findings/types';
import { findingKey } from '../findingKey';
import { GroupList, type GroupListProps } from './GroupList';
import { useRowStyles } from './rowStyles';
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
  panel: {
    marginLeft: 0,
    marginRight: 0,
  },
});

export { findingKey };

export type FindingsProps = Omit<GroupListProps, 'label'>;

const COUNT_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  feil: 'danger',
  advarsel: 'warning',
  info: 'informative',
};

/**
 * The findings by severity (collapsible, with counts), each severity a list of groups: findings of one rule in
 * one table column are one row with "Rett opp alle"; a group of one is shown as the finding itself. Every group
 * starts open.
 */
export function Findings({ t, groups, disabled, contexts, selected, onSelect, onFix, onFixAll }: FindingsProps) {
  const styles = useStyles();
  const row = useRowStyles();
  const present = SEVERITIES.filter((s) => groups.some((g) => g.severity === s));
  if (present.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading">
        {t.findingsHeading}
      </Subtitle2>
      <p id="findings-hint" className={row.hidden}>
        {t.listHint}
      </p>
      <Accordion multiple collapsible defaultOpenItems={[...present]}>
        {present.map((severity) => {
          const own = groups.filter((g) => g.severity === severity);
          const count = own.reduce((sum, g) => sum + g.findings.length, 0);
          return (
            <AccordionItem key={severity} value={severity}>
              <AccordionHeader as="h3" size="medium" expandIconPosition="end">
                <span className={styles.headerContent}>
                  <SeverityIcon severity={severity} />
                  <span>{t.severity[severity]}</span>
                  <Badge appearance="filled" color={COUNT_COLOR[severity]} size="medium">
                    {count}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <GroupList
                  t={t}
                  label={t.listLabel(t.severity[severity], count, own.length)}
                  groups={own}
                  disabled={disabled}
                  contexts={contexts}
                  selected={selected}
                  onSelect={onSelect}
                  onFix={onFix}
                  onFixAll={onFixAll}
                />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
