import { resolve } from 'node:path';
import { WorkbookFileError } from '../../adapters/port';
import { openXlsxFile } from '../../adapters/xlsx/file';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { Lang } from '../../core/findings/types';
import { validateUseCase } from '../../core/usecase';
import { cliError } from '../errors';
import { formatJson, formatReport } from '../format';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { checkYearOption } from './year';

export interface ValidateOptions {
  file: string;
  year?: number;
  json: boolean;
  /** every finding on a line of its own instead of groups */
  all?: boolean;
}

/**
 * `handlingsplan validate <file.xlsx>`: reads the workbook, runs the core, prints the findings.
 * A file that cannot be used becomes a CliError naming the file, which `run` turns into exit status 2.
 */
export async function validateCommand(options: ValidateOptions, io: CliIo, lang: Lang): Promise<number> {
  const snapshot = await readWorkbook(resolve(io.cwd, options.file), options.file);
  const result = validateUseCase({ snapshot, year: options.year ?? null, today: io.today ?? null });
  checkYearOption(options.year, result.plan.program);
  if (options.json) {
    io.stdout(formatJson(result.findings, result.summary, lang));
  } else {
    io.stdout(
      formatReport({
        file: options.file,
        year: result.year,
        findings: result.findings,
        groups: result.groups,
        all: options.all === true,
        summary: result.summary,
        lang,
        color: io.color,
      }),
    );
  }
  return result.summary.feil > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export async function readWorkbook(path: string, shown: string): Promise<WorkbookSnapshot> {
  try {
    const workbook = await openXlsxFile(path);
    return await workbook.readSnapshot();
  } catch (error) {
    if (error instanceof WorkbookFileError) throw aboutFile(error, path, shown);
    throw error;
  }
}

/**
 * The adapter's reasons ("the workbook is damaged") do not always say which file; with several files in a
 * script the user needs to know, so the name is put in front unless the reason already names it.
 */
function aboutFile(error: WorkbookFileError, path: string, shown: string): Error {
  const named = (text: string): string => (text.includes(path) || text.includes(shown) ? text : `${shown}: ${text}`);
  return cliError(named(error.nb), named(error.en));
}
