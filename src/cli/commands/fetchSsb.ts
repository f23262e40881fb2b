import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkbookFileError, WorkbookOperationError } from '../../adapters/port';
import { SsbPort } from '../../adapters/ssb/port';
import { openXlsxPort } from '../../adapters/xlsx/port';
import { fetchFromSsb } from '../../core/effekt/fetch';
import { StatisticsError } from '../../core/effekt/ssb';
import type { Lang } from '../../core/findings/types';
import { cliError } from '../errors';
import { EXIT_OK, type CliIo } from '../io';
import { checkExtension, checkFree } from './write';

export interface FetchSsbOptions {
  file: string;
  out: string;
  force: boolean;
}

/**
 * `handlingsplan hent-ssb <file.xlsx> -o <out.xlsx>`: the pane's *Hent fra SSB* on a file. Reads the workbook,
 * fetches the region's figures from SSB and writes a copy with them in Effektindikatorer. The input is never
 * written; offline, a timeout or an error from SSB is one line and status 2, and nothing is written.
 */
export async function fetchSsbCommand(options: FetchSsbOptions, io: CliIo, lang: Lang): Promise<number> {
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
    const statistics = new SsbPort(io.ssbApi === undefined ? {} : { api: io.ssbApi });
    const summary = await fetchFromSsb(port, statistics, io.today ?? new Date().toISOString().slice(0, 10));
    await writeFile(output, port.toBytes());
    const lines = summary.lines.map((line) => line[lang]);
    lines.push(lang === 'nb' ? `Skrev ${options.out}.` : `Wrote ${options.out}.`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StatisticsError || error instanceof WorkbookFileError || error instanceof WorkbookOperationError) {
      throw cliError(`${options.file}: ${error.nb}`, `${options.file}: ${error.en}`);
    }
    throw error;
  }
}
