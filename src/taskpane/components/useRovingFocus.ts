import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { nearestControlRow, type Row } from './findingRows';

export interface RovingFocus {
  /** the row in the Tab order (its controls have tabindex 0, every other row's -1) */
  activeRow: number;
  /** a row's controls took the focus (by Tab or a click): it becomes the active row */
  onRowFocus: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Keyboard for a virtualized list: one row is in the Tab order at a time (roving tabindex); the arrow keys,
 * Home and End move between rows with controls (sheet headings have none), scrolling the row asked for into
 * the DOM first and focusing its main control (`[data-row-main]` inside `[data-row]`) once it is drawn.
 */
export function useRovingFocus(
  rows: readonly Row[],
  listRef: RefObject<HTMLElement | null>,
  scrollTo: (index: number) => void,
): RovingFocus {
  const [active, setActive] = useState(0);
  /** the row whose main control should take the focus once it is drawn */
  const pendingFocus = useRef<number | null>(null);
  const activeRow = nearestControlRow(rows, Math.min(active, Math.max(rows.length - 1, 0)), 1);

  const focusRow = useCallback(
    (index: number) => {
      const control = listRef.current?.querySelector<HTMLElement>(`[data-row="${index}"] [data-row-main]`);
      if (control) {
        control.focus();
        pendingFocus.current = null;
      } else {
        pendingFocus.current = index;
      }
    },
    [listRef],
  );

  // A row asked for by the keyboard may only be drawn after the scroll: focus it once it is there.
  useEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });

  const moveTo = (index: number, direction: 1 | -1) => {
    const next = nearestControlRow(rows, Math.max(0, Math.min(rows.length - 1, index)), direction);
    setActive(next);
    scrollTo(next);
    focusRow(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
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

  return { activeRow, onRowFocus: setActive, onKeyDown };
}
