import type { Program } from '../../core/model/plan';
import { cliError } from '../errors';

/**
 * A `--year` outside the programme period is a wrong command line, not a fault of the workbook: one line and
 * exit status 2 in every command, before any rule could blame a correct cell (Oppsett's Første år) for it.
 * When the period itself cannot be read, the rules say so at its cells and the year is left to them.
 */
export function checkYearOption(year: number | undefined, program: Program): void {
  if (year === undefined) return;
  const first = program.firstYear?.value;
  const last = program.lastYear?.value;
  if (first === undefined || last === undefined || last < first) return;
  if (year < first || year > last) {
    throw cliError(
      `--year ${year} ligger utenfor programperioden ${first}–${last} (Første år og Siste år i tabellen Program); velg et år i perioden`,
      `--year ${year} is outside the programme period ${first}–${last} (Første år and Siste år in the Program table); choose a year in the period`,
    );
  }
}
