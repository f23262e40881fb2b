import type { CellStyle } from './types';

/** The look of generated sheets, in one place: light header fills, thin borders, bold totals. */
export const KRONER = '#,##0';
export const MILLIONS = '0.0';
export const COUNT = '0';

export const STYLE = {
  title: { bold: true, size: 16 } satisfies CellStyle,
  section: { bold: true, size: 12, color: '1F4E79' } satisfies CellStyle,
  header: { bold: true, fill: 'DDEBF7', border: true, wrap: true, vertical: 'middle', horizontal: 'center' } satisfies CellStyle,
  group: { bold: true, fill: 'EDEDED', border: true, wrap: true, vertical: 'middle' } satisfies CellStyle,
  label: { bold: true, fill: 'F2F2F2', border: true, wrap: true, vertical: 'top' } satisfies CellStyle,
  text: { border: true, wrap: true, vertical: 'top' } satisfies CellStyle,
  kroner: { border: true, numberFormat: KRONER, horizontal: 'right', vertical: 'top' } satisfies CellStyle,
  count: { border: true, numberFormat: COUNT, horizontal: 'center', vertical: 'top' } satisfies CellStyle,
  millions: { border: true, numberFormat: MILLIONS, horizontal: 'right', vertical: 'top' } satisfies CellStyle,
  totalKroner: { bold: true, fill: 'F2F2F2', border: true, numberFormat: KRONER, horizontal: 'right', vertical: 'top' } satisfies CellStyle,
  totalCount: { bold: true, fill: 'F2F2F2', border: true, numberFormat: COUNT, horizontal: 'center', vertical: 'top' } satisfies CellStyle,
  totalMillions: {
    bold: true,
    fill: 'F2F2F2',
    border: true,
    numberFormat: MILLIONS,
    horizontal: 'right',
    vertical: 'top',
  } satisfies CellStyle,
  totalLabel: { bold: true, fill: 'F2F2F2', border: true, wrap: true, vertical: 'top' } satisfies CellStyle,
  note: { italic: true, size: 9, wrap: true, vertical: 'top' } satisfies CellStyle,
  bannerOk: { bold: true, fill: 'E2EFDA', color: '375623', vertical: 'middle' } satisfies CellStyle,
  bannerDraft: { bold: true, fill: 'FCE4D6', color: '9C0006', vertical: 'middle' } satisfies CellStyle,
  /** cells behind an input error */
  marked: { fill: 'FFC7CE', color: '9C0006' } satisfies CellStyle,
} as const;
