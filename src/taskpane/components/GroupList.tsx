import { makeStyles } from '@fluentui/react-components';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RowContext } from '../../adapters/port';
import type { FindingGroup } from '../../core/findings/group';
import type { Finding } from '../../core/findings/types';
import { findingKey } from '../findingKey';
import type { Texts } from '../i18n';
import { FindingItem } from './FindingItem';
import { rowsOf } from './findingRows';
import { GroupItem } from './GroupItem';
import { SheetHeading } from './SheetHeading';
import { useRovingFocus } from './useRovingFocus';

const useStyles = makeStyles({
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
});

/** An estimate before a row is measured; the virtualizer measures each row as it is drawn. */
const ESTIMATED_ROW_PX = 92;
/** Rows drawn above and below the window, so a quick scroll or an arrow key never meets an empty list. */
const OVERSCAN = 6;

export interface GroupListProps {
  t: Texts;
  /** the list's accessible name: its severity, how many findings and groups */
  label: string;
  groups: readonly FindingGroup[];
  disabled: boolean;
  contexts: ReadonlyMap<string, RowContext | null>;
  selected: string | null;
  onSelect: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  onFixAll: (group: FindingGroup) => void;
}

/**
 * A list that stays light: only the rows in or near the window are in the DOM (@tanstack/react-virtual, over
 * the page's own scrolling, so the pane has one scroll bar). The list says its size to screen readers (its
 * label, and aria-setsize/aria-posinset on each row). Keyboard: one row is in the Tab order at a time (roving
 * tabindex); the arrow keys, Home and End move between rows, scrolling the one asked for into the DOM first.
 */
export function GroupList({ t, label, groups, disabled, contexts, selected, onSelect, onFix, onFixAll }: GroupListProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => rowsOf(groups, open), [groups, open]);
  const listRef = useRef<HTMLUListElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

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
  const { activeRow, onRowFocus, onKeyDown } = useRovingFocus(rows, listRef, (index) =>
    virtualizer.scrollToIndex(index, { align: 'auto' }),
  );

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
          onFocus: () => onRowFocus(item.index),
        };
        const tabIndex = item.index === activeRow ? 0 : -1;
        if (row.kind === 'sheet') {
          return <SheetHeading key={row.key} item={common} text={t.countIn(row.count, row.sheet)} />;
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
