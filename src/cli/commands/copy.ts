import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkbookFileError, WorkbookOperationError } from '../../adapters/port';
import { OutputFileError } from '../../adapters/xlsx/errors';
import { openXlsxPort, type XlsxPort } from '../../adapters/xlsx/port';
import type { Lang, Localized } from '../../core/findings/types';
import { cliError } from '../errors';
import { EXIT_OK, type CliIo } from '../io';
import { checkExtension, checkFree, type WriteTarget } from './write';

/** A command that reads `file` and writes a changed copy to `out` (never to `file` itself). */
export interface CopyTarget extends WriteTarget {
  file: string;
}

/** Both paths resolved, the output's name checked before anything is read: an .xlsx (or .xlsm) and not the input. */
export function copyPaths(target: CopyTarget, io: CliIo, extension: { macros?: boolean } = {}): { source: string; output: string } {
  const source = resolve(io.cwd, target.file);
  const output = resolve(io.cwd, target.out);
  checkExtension(target.out, extension);
  if (source === output)
    throw cliError(
      `${target.out} er arbeidsboka det leses fra; velg et annet filnavn`,
      `${target.out} is the workbook being read; choose another file name`,
    );
  return { source, output };
}

/** An error that carries its own text for the user, in both languages. */
type ErrorWithText = abstract new (...args: never[]) => Error & Localized;

/**
 * Opens the workbook in memory, lets `edit` change it, writes the copy and prints what `edit` says followed
 * by "Skrev <out>.". The input is never written, and nothing is written when `edit` throws. A failure of the
 * workbook (or one of `userErrors`, such as SSB being offline) is one line naming the file.
 */
export async function editCopy(
  target: CopyTarget,
  io: CliIo,
  lang: Lang,
  edit: (port: XlsxPort) => Promise<readonly Localized[]>,
  userErrors: readonly ErrorWithText[] = [],
): Promise<number> {
  const { source, output } = copyPaths(target, io);
  await checkFree(output, target);
  const bytes = await readFile(source).catch(() => {
    throw cliError(`${target.file}: finner ikke fila`, `${target.file}: file not found`);
  });
  try {
    const port = await openXlsxPort(new Uint8Array(bytes));
    const said = await edit(port);
    await writeFile(output, port.toBytes());
    const lines = said.map((line) => line[lang]);
    lines.push(lang === 'nb' ? `Skrev ${target.out}.` : `Wrote ${target.out}.`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    if ([WorkbookFileError, WorkbookOperationError, ...userErrors].some((kind) => error instanceof kind)) {
      const { nb, en } = error as Localized;
      throw cliError(`${target.file}: ${nb}`, `${target.file}: ${en}`);
    }
    throw error;
  }
}

/** The file adapter's refusals (a workbook it cannot read, an output it cannot write) as one line for the user. */
export function fileFailure(error: unknown): never {
  if (error instanceof OutputFileError || error instanceof WorkbookFileError) throw cliError(error.nb, error.en);
  throw error;
}
