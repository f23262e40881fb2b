import type { Finding } from '../findings/types';
import type { Plan } from '../model/plan';
import { formatDate } from '../text/dates';
import { fitColumnWidths, fitRowHeights, pageBreaks, spreadColumns } from './fit';
import type { Grid } from './grid';
import { STYLE } from './styles';
import type { SheetLayout } from './types';

/** What every generated sheet (Handlingsplan, Styrerapport) is built from. */
export interface SheetInput {
  plan: Plan;
  year: number;
  /** the findings of validating the same input: errors make the sheet a draft and mark their cells */
  findings: readonly Finding[];
  inputDigest: string;
  /** ISO date-time of generation, passed in: the core reads no clock */
  generatedAt: string;
  /** sheet name; defaults to the sheet kind's name for the year */
  sheet?: string;
}

/** Row 2 of every generated sheet: a draft warning with the error count, or when it was validated. */
export function banner(grid: Grid, errorCount: number, generatedAt: string, lastColumn: number): void {
  const date = formatDate(generatedAt);
  const text = errorCount > 0 ? `Utkast – ${errorCount} feil i grunnlaget (${date})` : `Validert ${date}`;
  grid.text(2, 1, text, errorCount > 0 ? STYLE.bannerDraft : STYLE.bannerOk);
  grid.styleBlock(2, 1, 2, lastColumn, errorCount > 0 ? STYLE.bannerDraft : STYLE.bannerOk);
  grid.merge(2, 1, 2, lastColumn);
  grid.height(2, 20);
}

/** A section's title row, above its table. */
export function sectionTitle(grid: Grid, row: number, title: string): void {
  grid.text(row, 1, title, STYLE.section);
  grid.height(row, 18);
}

/**
 * The fitted, printable part of every generated sheet: each column as wide as its text and at least its
 * `minimum`, columns 2 to `lastColumn` spread over `width`; rows as tall as their text; the two title rows frozen
 * and repeated on every printed page (A4 landscape, fit to width); pages broken between `blocks` (and at
 * `forced` rows); the page header and footer given.
 */
export function printedSheet(
  grid: Grid,
  fit: { minimum: Map<number, number>; lastColumn: number; width: number },
  pages: { blocks: readonly { top: number; bottom: number }[]; forced?: readonly number[] },
  print: { header: string; footer: string },
): Pick<SheetLayout, 'cells' | 'merges' | 'columnWidths' | 'rowHeights' | 'freeze' | 'rowBreaks' | 'print'> {
  const cells = grid.sortedCells();
  const widths = fitColumnWidths(cells, grid.merges, fit.minimum);
  spreadColumns(widths, 2, fit.lastColumn, fit.width);
  const heights = fitRowHeights(cells, grid.merges, widths, grid.rowHeights);
  return {
    cells,
    merges: grid.merges,
    columnWidths: [...widths].map(([column, width]) => ({ column, width })).sort((a, b) => a.column - b.column),
    rowHeights: [...heights].map(([row, height]) => ({ row, height })).sort((a, b) => a.row - b.row),
    freeze: { rows: 2, columns: 0 },
    rowBreaks: pageBreaks(pages.blocks, heights, (heights.get(1) ?? 0) + (heights.get(2) ?? 0), pages.forced),
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: { from: 1, to: 2 }, ...print },
  };
}
