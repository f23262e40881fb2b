import { makeFinding } from './make';
import type { Finding } from './types';
import type { Plan, Ref, UnknownFigure, UnknownWhat } from '../model/plan';

/**
 * Unknown is unknown: a figure that could not be read was reported once at its cell. A check it feeds is not
 * made at all — never with the figure taken as 0 — and each declared figure that check would have compared is
 * told, as one info, which cell blocks it.
 */

type Of<T extends UnknownWhat['table']> = Extract<UnknownWhat, { table: T }>;

/** The unknown figures of one table that `matches` says a check depends on. */
export function unknownsOf<T extends UnknownWhat['table']>(plan: Plan, table: T, matches: (what: Of<T>) => boolean): UnknownFigure[] {
  return plan.unknowns.filter((u) => u.what.table === table && matches(u.what as Of<T>));
}

/** A year key matches the checked year, or could be any year. */
export function inYear(key: number | null, year: number): boolean {
  return key === null || key === year;
}

export interface CheckName {
  nb: string;
  en: string;
}

/**
 * The info for one declared figure whose check `blocking` prevents; none when the figure's own cell is among
 * them (that cell was reported already, once).
 */
export function notChecked(at: Ref, blocking: readonly UnknownFigure[], what: CheckName): Finding[] {
  const cells = blocking.filter((b) => !(b.sheet === at.sheet && b.cell === at.cell));
  const first = cells[0];
  if (first === undefined || cells.length < blocking.length) return [];
  const name = `${first.sheet}!${first.cell}`;
  const more = cells.length - 1;
  const blockingText = more > 0 ? `${name} (og ${more} ${more === 1 ? 'annen celle' : 'andre celler'})` : name;
  const blockingEn = more > 0 ? `${name} (and ${more} other ${more === 1 ? 'cell' : 'cells'})` : name;
  const finding = makeFinding('values.not-checked', at, { what: what.nb, whatEn: what.en, blocking: blockingText }, { actual: name });
  // The English text names the blocking cells in English.
  finding.message.en = finding.message.en.replace(blockingText, blockingEn);
  return [finding];
}
