import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { RowContext } from '../../adapters/port';
import type { FindingGroup } from '../../core/findings/group';
import { SEVERITIES, type Finding, type Severity } from '../../core/findings/types';
import { findingKey } from '../findingKey';
import type { Texts } from '../i18n';
import { FindingItem } from './FindingItem';
import { GroupItem } from './GroupItem';
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
  list: {
    margin: 0,
    padding: 0,
    position: 'relative',
    width: '100%',
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
  },
  sheetRow: {
    listStyleType: 'none',
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
  panel: {
    marginLeft: 0,
    marginRight: 0,
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export { findingKey };

export interface FindingsProps {
  t: Texts;
  groups: readonly FindingGroup[];
  disabled: boolean;
  contexts: ReadonlyMap<string, RowContext | null>;
  selected: string | null;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  onFixAll: (group: FindingGroup) => void;
}

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
  const present = SEVERITIES.filter((s) => groups.some((g) => g.severity === s));
  if (present.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading">
        {t.findingsHeading}
      </Subtitle2>
      <p id="findings-hint" className={styles.hidden}>
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

/** One row of a severity's list: a group of many, or one finding (alone, or one of an opened group). */
type Row =
  | { kind: 'sheet'; key: string; sheet: string; count: number }
  | { kind: 'group'; key: string; group: FindingGroup }
  | { kind: 'finding'; key: string; finding: Finding };

/** The rows: under a heading per sheet (in the order the core gives), its groups, and the findings of open groups. */
function rowsOf(groups: readonly FindingGroup[], open: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const perSheet = new Map<string, number>();
  for (const group of groups) perSheet.set(group.sheet, (perSheet.get(group.sheet) ?? 0) + group.findings.length);
  let sheet: string | undefined;
  for (const group of groups) {
    if (group.sheet !== sheet) {
      sheet = group.sheet;
      rows.push({ kind: 'sheet', key: `sheet|${sheet}|${rows.length}`, sheet, count: perSheet.get(sheet) ?? 0 });
    }
    const [only] = group.findings;
    if (group.findings.length === 1 && only) {
      rows.push({ kind: 'finding', key: group.key, finding: only });
      continue;
    }
    rows.push({ kind: 'group', key: group.key, group });
    if (open.has(group.key)) group.findings.forEach((finding, i) => rows.push({ kind: 'finding', key: `${group.key}#${i}`, finding }));
  }
  return rows;
}

/** An estimate before a row is measured; the virtualizer measures each row as it is drawn. */
const ESTIMATED_ROW_PX = 92;
/** Rows drawn above and below the window, so a quick scroll or an arrow key never meets an empty list. */
const OVERSCAN = 6;
/** How long, in frames of about 16 ms, a row asked for by the keyboard may take to be drawn before the focus gives up. */
const FOCUS_RETRY_FRAMES = 30;
const FRAME_MS = 16;

interface GroupListProps extends Omit<FindingsProps, 'groups'> {
  label: string;
  groups: readonly FindingGroup[];
}

/**
 * A list that stays light: only the rows in or near the window are in the DOM (@tanstack/react-virtual, over
 * the page's own scrolling, so the pane has one scroll bar). The list says its size to screen readers (its
 * label, and aria-setsize/aria-posinset on each row). Keyboard: one row is in the Tab order at a time (roving
 * tabindex); the arrow keys, Home and End move between rows, scrolling the one asked for into the DOM first.
 */
/** The row at `index` if it has controls, else the next one that has in `direction` (or back the other way at an end). */
function nearestControlRow(rows: readonly Row[], index: number, direction: 1 | -1): number {
  for (let i = index; i >= 0 && i < rows.length; i += direction) if (rows[i]?.kind !== 'sheet') return i;
  for (let i = index; i >= 0 && i < rows.length; i -= direction) if (rows[i]?.kind !== 'sheet') return i;
  return index;
}

function GroupList({ t, label, groups, disabled, contexts, selected, onSelect, onFix, onFixAll }: GroupListProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => rowsOf(groups, open), [groups, open]);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  /** the row whose main control should take the focus once it is drawn */
  const pendingFocus = useRef<number | null>(null);

  // Where the list starts on the page: the window virtualizer counts from the top of the document.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  // The active row is one with controls (a sheet heading has none); the first such row to begin with.
  const activeRow = nearestControlRow(rows, Math.min(active, Math.max(rows.length - 1, 0)), 1);

  const focusRow = useCallback((index: number) => {
    const control = listRef.current?.querySelector<HTMLElement>(`[data-row="${index}"] [data-row-main]`);
    if (control) {
      control.focus();
      pendingFocus.current = null;
    } else {
      pendingFocus.current = index;
    }
  }, []);

  // A row asked for by the keyboard may only be drawn after the scroll: focus it once it is there.
  useEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });

  // When the scroll draws nothing new (the row was estimated in view), no render comes to focus the row: ask
  // again on the next frames, scrolling once more, so a key press is never lost.
  const retryFocus = (index: number, frames: number) => {
    window.setTimeout(() => {
      if (pendingFocus.current !== index || frames === 0) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      focusRow(index);
      if (pendingFocus.current === index) retryFocus(index, frames - 1);
    }, FRAME_MS);
  };

  const moveTo = (index: number, direction: 1 | -1) => {
    const next = nearestControlRow(rows, Math.max(0, Math.min(rows.length - 1, index)), direction);
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusRow(next);
    if (pendingFocus.current === next) retryFocus(next, FOCUS_RETRY_FRAMES);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    // A row asked for but not drawn yet still holds the focus's place: keys pressed quickly must not be lost.
    const current = pendingFocus.current ?? (row ? Number(row.dataset['row']) : activeRow);
    const moves: Record<string, [number, 1 | -1]> = {
      ArrowDown: [current + 1, 1],
      ArrowUp: [current - 1, -1],
      Home: [0, 1],
      End: [rows.length - 1, -1],
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(...target);
  };

  const toggle = (key: string) => {
    setOpen((old) => {
      const next = new Set(old);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  const items = virtualizer.getVirtualItems();
  return (
    <ul
      ref={listRef}
      className={styles.list}
      aria-label={label}
      aria-describedby="findings-hint"
      style={{ height: `${virtualizer.getTotalSize()}px` }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const common = {
          'data-index': item.index,
          'data-row': item.index,
          ref: virtualizer.measureElement,
          className: styles.row,
          style: { transform: `translateY(${item.start - scrollMargin}px)` },
          'aria-setsize': rows.length,
          'aria-posinset': item.index + 1,
          onFocus: () => setActive(item.index),
        };
        const tabIndex = item.index === activeRow ? 0 : -1;
        if (row.kind === 'sheet') {
          return (
            <li key={row.key} {...common} className={mergeClasses(styles.row, styles.sheetRow)}>
              <Text as="h4" className={styles.sheet}>
                {t.countIn(row.count, row.sheet)}
              </Text>
            </li>
          );
        }
        if (row.kind === 'group') {
          return (
            <GroupItem
              key={row.key}
              item={common}
              t={t}
              group={row.group}
              open={open.has(row.group.key)}
              tabIndex={tabIndex}
              disabled={disabled}
              onToggle={() => toggle(row.group.key)}
              onSelect={onSelect}
              onFixAll={onFixAll}
            />
          );
        }
        const key = findingKey(row.finding);
        return (
          <FindingItem
            key={row.key}
            item={common}
            t={t}
            finding={row.finding}
            tabIndex={tabIndex}
            disabled={disabled}
            context={contexts.get(key)}
            selected={selected === key}
            onSelect={onSelect}
            onFix={onFix}
          />
        );
      })}
    </ul>
  );
}
