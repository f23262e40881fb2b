import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { WorkbookData } from '../../core/contract/tableData';
import type { Lang } from '../../core/findings/types';
import { hallingdalDemo } from '../../core/sample/demo';
import { hallingdalSample } from '../../core/sample/hallingdal';
import { SAMPLE_REGION } from '../../core/sample/names';
import { templateWorkbook, type TemplateOptions } from '../../core/template/template';
import { writeWorkbookDataFile } from '../../adapters/xlsx/file';
import { cliError, nodeErrorCode } from '../errors';
import { EXIT_OK, type CliIo } from '../io';

/** Where to write and whether the user explicitly allowed replacing what is there. */
export interface WriteTarget {
  out: string;
  force: boolean;
}

/**
 * `handlingsplan sample <out.xlsx>`: the sample programme's published plan, as a workbook. With
 * `--demo`, the plan plus a fictional project register.
 */
export async function sampleCommand(target: WriteTarget & { demo?: boolean }, io: CliIo, lang: Lang): Promise<number> {
  const demo = target.demo === true;
  const path = await writeNewWorkbook(demo ? hallingdalDemo() : hallingdalSample(), target, io);
  if (demo)
    io.stdout(
      lang === 'nb'
        ? `Skrev demoarbeidsboka (${SAMPLE_REGION} med oppdiktede eksempelprosjekter) til ${path}\n`
        : `Wrote the demo workbook (${SAMPLE_REGION} with fictional example projects) to ${path}\n`,
    );
  else
    io.stdout(
      lang === 'nb'
        ? `Skrev eksempelarbeidsboka (${SAMPLE_REGION}) til ${path}\n`
        : `Wrote the sample workbook (${SAMPLE_REGION}) to ${path}\n`,
    );
  return EXIT_OK;
}

/** `handlingsplan init <out.xlsx>`: the contract's tables, empty, for the given period. */
export async function initCommand(target: WriteTarget, options: TemplateOptions, io: CliIo, lang: Lang): Promise<number> {
  const path = await writeNewWorkbook(buildTemplate(options), target, io);
  io.stdout(lang === 'nb' ? `Skrev en tom arbeidsbok til ${path}\n` : `Wrote an empty template to ${path}\n`);
  return EXIT_OK;
}

/**
 * The CLI checked the years already; the template still refuses a period it cannot lay out (say longer
 * than it supports), and that is the user's input, not an internal failure.
 */
function buildTemplate(options: TemplateOptions): WorkbookData {
  try {
    return templateWorkbook(options);
  } catch (error) {
    if (error instanceof RangeError) throw cliError(error.message, error.message);
    throw error;
  }
}

/**
 * Writes `data` to the target unless something is already there. Nothing the user has is ever replaced
 * without `--force`; a directory is never replaced at all.
 */
async function writeNewWorkbook(data: WorkbookData, target: WriteTarget, io: CliIo): Promise<string> {
  const path = resolve(io.cwd, target.out);
  checkExtension(target.out);
  await checkFree(path, target);
  try {
    await writeWorkbookDataFile(data, path);
  } catch (error) {
    throw writeFailure(error, target.out);
  }
  return path;
}

/**
 * The file is an .xlsx whatever its name; a different name would only confuse Excel and `validate`. A copy of
 * a macro-enabled workbook (`generate`, `report`) is .xlsm, which the renderer checks against the package.
 */
export function checkExtension(out: string, options: { macros?: boolean } = {}): void {
  if (options.macros === true && /\.xlsm$/i.test(out)) return;
  if (!/\.xlsx$/i.test(out)) {
    const also = options.macros === true ? ' (eller .xlsm for en arbeidsbok med makroer)' : '';
    const alsoEn = options.macros === true ? ' (or .xlsm for a workbook with macros)' : '';
    throw cliError(`filnavnet må slutte på .xlsx${also}: ${out}`, `the file name must end in .xlsx${alsoEn}: ${out}`);
  }
}

export async function checkFree(path: string, target: WriteTarget): Promise<void> {
  const existing = await lstat(path).catch((error: unknown) => {
    if (nodeErrorCode(error) === 'ENOENT' || nodeErrorCode(error) === 'ENOTDIR') return null;
    throw writeFailure(error, target.out);
  });
  if (existing === null) return;
  if (existing.isDirectory()) {
    throw cliError(`${target.out} er en mappe`, `${target.out} is a directory`);
  }
  if (!target.force) {
    throw cliError(
      `${target.out} finnes allerede; bruk --force for å overskrive den`,
      `${target.out} already exists; use --force to overwrite it`,
    );
  }
}

/** File-system failures are the user's to fix (a missing folder, no permission), so they get a plain reason. */
function writeFailure(error: unknown, out: string): unknown {
  const code = nodeErrorCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return cliError(`kan ikke skrive ${out}: mappen finnes ikke`, `cannot write ${out}: the folder does not exist`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return cliError(`kan ikke skrive ${out}: ingen tilgang`, `cannot write ${out}: permission denied`);
    case 'ENOSPC':
      return cliError(`kan ikke skrive ${out}: disken er full`, `cannot write ${out}: the disk is full`);
    case 'EISDIR':
      return cliError(`${out} er en mappe`, `${out} is a directory`);
    default:
      return error;
  }
}
