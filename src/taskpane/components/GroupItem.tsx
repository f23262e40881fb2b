import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FindingGroup } from '../../core/findings/group';
import { GROUP_PREVIEW_CELLS } from '../../core/findings/preview';
import type { Finding } from '../../core/findings/types';
import { cellRef } from '../format';
import type { Texts } from '../i18n';
import type { RowItemProps } from './rowStyles';
import { useRowStyles } from './rowStyles';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  toggle: {
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  title: { overflowWrap: 'anywhere', flexGrow: 1 },
  more: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorBrandForegroundLink,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
  },
  cells: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
});

/** How many cells a closed group shows (as the CLI does); the rest come with "Vis alle". */
export const FIRST_CELLS = GROUP_PREVIEW_CELLS;

export interface GroupItemProps {
  item: RowItemProps;
  t: Texts;
  group: FindingGroup;
  open: boolean;
  tabIndex: number;
  disabled: boolean;
  onToggle: () => void;
  onSelect: (finding: Finding) => void;
  onFixAll: (group: FindingGroup) => void;
}

/**
 * A group of many findings of one rule in one table column: its title with count and place, the first few
 * cells (each shows its cell), the title itself opens the list of every finding under it, and "Rett opp alle" when the
 * findings have quick fixes — one write for the whole group, only on click.
 */
export function GroupItem({ item, t, group, open, tabIndex, disabled, onToggle, onSelect, onFixAll }: GroupItemProps) {
  const row = useRowStyles();
  const styles = useStyles();
  const title = t.lang === 'nb' ? group.title.nb : group.title.en;
  const first = group.findings.slice(0, FIRST_CELLS);
  const rest = group.findings.length - first.length;
  return (
    <li {...item} className={mergeClasses(row.item, item.className)}>
      <button
        type="button"
        data-row-main=""
        tabIndex={tabIndex}
        className={mergeClasses(row.main, styles.toggle, row.focus)}
        aria-expanded={open}
        disabled={disabled}
        onClick={onToggle}
      >
        <SeverityIcon severity={group.severity} />
        <span className={styles.title}>
          {title}
          <span className={styles.more}>{open ? t.showFewer : t.showAll(group.findings.length)}</span>
        </span>
      </button>
      {!open && (
        <div className={styles.cells}>
          {first.map((finding) => (
            <Button
              key={finding.cell}
              size="small"
              appearance="transparent"
              tabIndex={tabIndex}
              disabled={disabled}
              aria-label={`${t.goTo} ${cellRef(finding.sheet, finding.cell)}`}
              onClick={() => onSelect(finding)}
            >
              {cellRef(finding.sheet, finding.cell)}
            </Button>
          ))}
          {rest > 0 && <span>{t.moreCells(rest)}</span>}
        </div>
      )}
      {group.fixes.length > 0 && (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="primary"
            tabIndex={tabIndex}
            disabled={disabled}
            aria-label={t.fixAllLabel(group.fixes.length, title)}
            onClick={() => onFixAll(group)}
          >
            {t.fixAll(group.fixes.length)}
          </Button>
        </div>
      )}
    </li>
  );
}
