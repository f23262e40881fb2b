import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RowContext } from '../../adapters/port';
import type { Finding } from '../../core/findings/types';
import { cellRef, formatValue } from '../format';
import type { Texts } from '../i18n';
import { RowContextView } from './RowContextView';
import { useRowStyles, type RowItemProps } from './rowStyles';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  target: {
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    position: 'relative',
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  ref: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    textDecorationColor: tokens.colorNeutralStroke1,
    textUnderlineOffset: '2px',
  },
  /** on the selected background the link blue is too faint in the dark theme (WCAG AA) */
  refSelected: {
    color: tokens.colorNeutralForeground1,
  },
  message: {
    overflowWrap: 'anywhere',
  },
  values: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  value: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  fix: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  fixLabel: { color: tokens.colorNeutralForeground2 },
  context: {
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
});

export interface FindingItemProps {
  /** the list row's own attributes; absent outside a virtual list */
  item?: RowItemProps;
  /** -1 for every row but the list's active one (roving tabindex) */
  tabIndex?: number;
  t: Texts;
  finding: Finding;
  disabled: boolean;
  /** the row around the cell, once shown (standalone page); null when the cell is in no table */
  context: RowContext | null | undefined;
  selected: boolean;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

/**
 * One finding: where (a link-like button that shows the cell), what (the message in the chosen language)
 * and the expected and actual values; a quick fix where the core offers one, applied only on click.
 * Everything from the workbook is rendered as text.
 */
export function FindingItem({ item, tabIndex, t, finding, disabled, context, selected, onSelect, onFix }: FindingItemProps) {
  const row = useRowStyles();
  const styles = useStyles();
  const where = cellRef(finding.sheet, finding.cell);
  const message = t.lang === 'nb' ? finding.message.nb : finding.message.en;
  const hasValues = finding.expected !== null || finding.actual !== null;
  return (
    <li {...item} className={mergeClasses(row.item, item?.className)}>
      <button
        type="button"
        data-row-main=""
        tabIndex={tabIndex}
        className={mergeClasses(row.main, styles.target, row.focus, selected && styles.selected)}
        disabled={disabled}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(finding)}
      >
        <span className={row.hidden}>{t.goTo}</span>
        <span className={styles.head}>
          <SeverityIcon severity={finding.severity} />
          <span className={mergeClasses(styles.ref, selected && styles.refSelected)}>{where}</span>
        </span>
        <span className={styles.message}>{message}</span>
        {hasValues && (
          <span className={styles.values}>
            <span>
              {t.expected}: <span className={styles.value}>{formatValue(finding.expected, t.empty)}</span>
            </span>
            <span>
              {t.actual}: <span className={styles.value}>{formatValue(finding.actual, t.empty)}</span>
            </span>
          </span>
        )}
      </button>
      {finding.fix && (
        <div className={styles.fix}>
          <Button
            size="small"
            appearance="primary"
            disabled={disabled}
            tabIndex={tabIndex}
            aria-label={t.fixLabel(
              t.lang === 'nb' ? finding.fix.label.nb : finding.fix.label.en,
              cellRef(finding.fix.sheet, finding.fix.cell),
            )}
            onClick={() => onFix(finding)}
          >
            {t.fix}
          </Button>
          <Caption1 className={styles.fixLabel}>{t.lang === 'nb' ? finding.fix.label.nb : finding.fix.label.en}</Caption1>
        </div>
      )}
      {context !== undefined && (
        <div className={styles.context}>
          <RowContextView t={t} context={context} />
        </div>
      )}
    </li>
  );
}
