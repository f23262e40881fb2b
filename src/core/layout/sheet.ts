import type { Finding } from '../findings/types';
import type { Plan } from '../model/plan';
import { formatDate } from '../text/dates';
import type { Grid } from './grid';
import { STYLE } from './styles';

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
