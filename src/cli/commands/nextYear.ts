import type { Lang } from '../../core/findings/types';
import { nextYearProblemText, nextYearSummary, prepareNextYear } from '../../core/nextYear';
import { cliError } from '../errors';
import type { CliIo } from '../io';
import { editCopy, type CopyTarget } from './copy';

export interface NextYearOptions extends CopyTarget {
  year?: number;
}

/**
 * `handlingsplan neste-aar <file.xlsx> -o <out.xlsx> [--year ÅÅÅÅ]`: the pane's *Forbered {år}* on a file. Writes
 * a copy with the coming year's proposed rows appended (and the Forslag column added to an older file's tables);
 * the input is never written. A year that cannot be prepared (outside the period, the first year, a table that
 * cannot take the Forslag column) is one line and status 2, and nothing is written.
 */
export function nextYearCommand(options: NextYearOptions, io: CliIo, lang: Lang): Promise<number> {
  return editCopy(options, io, lang, async (port) => {
    const outcome = await prepareNextYear(port, options.year ?? null);
    if (!outcome.ok) {
      const text = nextYearProblemText(outcome.problem);
      throw cliError(`${options.file}: ${text.nb}`, `${options.file}: ${text.en}`);
    }
    return nextYearSummary(outcome);
  });
}
