import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkbookFileError, WorkbookOperationError } from '../../adapters/port';
import { openXlsxPort } from '../../adapters/xlsx/port';
import type { Lang } from '../../core/findings/types';
import { nextYearProblemText, nextYearSummary, prepareNextYear } from '../../core/nextYear';
import { cliError } from '../errors';
import { EXIT_OK, type CliIo } from '../io';
import { checkExtension, checkFree } from './write';

export interface NextYearOptions {
  file: string;
  out: string;
  force: boolean;
  year?: number;
}

/**
 * `handlingsplan neste-aar <file.xlsx> -o <out.xlsx> [--year ÅÅÅÅ]`: the pane's *Forbered {år}* on a file. Writes
 * a copy with the coming year's proposed rows appended (and the Forslag column added to an older file's tables);
 * the input is never written. A year that cannot be prepared (outside the period, the first year, a table that
 * cannot take the Forslag column) is one line and status 2, and nothing is written.
 */
export async function nextYearCommand(options: NextYearOptions, io: CliIo, lang: Lang): Promise<number> {
  const source = resolve(io.cwd, options.file);
  const output = resolve(io.cwd, options.out);
  checkExtension(options.out);
  if (source === output) throw cliError(`${options.out} er arbeidsboka det leses fra; velg et annet filnavn`, `${options.out} is the workbook being read; choose another file name`);
  await checkFree(output, { out: options.out, force: options.force });
  const bytes = await readFile(source).catch(() => {
    throw cliError(`${options.file}: finner ikke fila`, `${options.file}: file not found`);
  });
  try {
    const port = await openXlsxPort(new Uint8Array(bytes));
    const outcome = await prepareNextYear(port, options.year ?? null);
    if (!outcome.ok) {
      const text = nextYearProblemText(outcome.problem);
      throw cliError(`${options.file}: ${text.nb}`, `${options.file}: ${text.en}`);
    }
    await writeFile(output, port.toBytes());
    const lines = nextYearSummary(outcome).map((line) => line[lang]);
    lines.push(lang === 'nb' ? `Skrev ${options.out}.` : `Wrote ${options.out}.`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof WorkbookOperationError) {
      throw cliError(`${options.file}: ${error.nb}`, `${options.file}: ${error.en}`);
    }
    throw error;
  }
}
