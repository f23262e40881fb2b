import { createFocusOutlineStyle, makeStyles, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';

/**
 * What every row of the findings list looks like, a single finding (FindingItem) or a group (GroupItem): the
 * list item's rule above it, and its main button — full width, no border of its own, the subtle hover and
 * press backgrounds, the focus outline.
 */
export const useRowStyles = makeStyles({
  item: {
    listStyleType: 'none',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: {
    display: 'flex',
    width: '100%',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':disabled': { cursor: 'default', color: tokens.colorNeutralForeground2 },
  },
  focus: createFocusOutlineStyle(),
  /** read by screen readers, not shown */
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

/** What the list gives each of its rows: position, measuring ref and the list's size for screen readers. */
export interface RowItemProps {
  'data-index': number;
  'data-row': number;
  ref: (element: HTMLElement | null) => void;
  className: string;
  style: CSSProperties;
  'aria-setsize': number;
  'aria-posinset': number;
  onFocus: () => void;
}
