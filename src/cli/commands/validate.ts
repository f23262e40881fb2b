import { resolve } from 'node:path';
import { openXlsxFile } from '../../adapters/xlsx/file';
import type { Lang } from '../../core/findings/types';
import type { ValidationSettings } from '../../core/settings';
import { validateWorkbook } from '../../core/validate';
import { formatJson, formatReport } from '../format';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';

export interface ValidateOptions {
  file: string;
  year?: number;
  json: boolean;
}

/**
 * `handlingsplan validate <file.xlsx>`: reads the workbook, runs the core, prints the findings.
 * A file that cannot be used throws WorkbookFileError, which `run` turns into exit status 2.
 */
export async function validateCommand(options: ValidateOptions, io: CliIo, lang: Lang): Promise<number> {
  const workbook = await openXlsxFile(resolve(io.cwd, options.file));
  const snapshot = await workbook.readSnapshot();
  const result = validateWorkbook(snapshot, settingsFor(options, io));
  if (options.json) {
    io.stdout(formatJson(result.findings, result.summary, lang));
  } else {
    io.stdout(formatReport({ file: options.file, year: result.year, findings: result.findings, summary: result.summary, lang, color: io.color }));
  }
  return result.summary.feil > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Only what the user or the shell decided; everything else stays at the core's defaults. */
function settingsFor(options: ValidateOptions, io: CliIo): Partial<ValidationSettings> {
  const settings: Partial<ValidationSettings> = {};
  if (options.year !== undefined) settings.year = options.year;
  if (io.today !== undefined) settings.today = io.today;
  return settings;
}
