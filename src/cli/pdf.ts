import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sheetOnlyPackage } from '../adapters/xlsx/sheetOnly';

/**
 * The generated sheet alone as a PDF, through LibreOffice (`soffice --headless --convert-to pdf`): what the
 * board mails and publishes. LibreOffice runs with a profile of its own in a temporary folder, set to the
 * Norwegian locale (numbers print `400 000` and `4,0`), so it neither touches the user's profile nor clashes
 * with a LibreOffice already running; Calibri is printed in Carlito, its metric twin, when Calibri is missing.
 */

/** Where LibreOffice is: `HANDLINGSPLAN_SOFFICE`, else `soffice` or `libreoffice` on the PATH; undefined without it. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const given = env['HANDLINGSPLAN_SOFFICE'];
  if (given !== undefined && given !== '') return (await executable(given)) ? given : undefined;
  for (const folder of (env['PATH'] ?? '').split(delimiter).filter((p) => p !== '')) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(folder, name);
      if (await executable(candidate)) return candidate;
    }
  }
  return undefined;
}

async function executable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The LibreOffice settings of the temporary profile: Norwegian (bokmål) number and date formats. */
const LOCALE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nb-NO</value></prop></item>
</oor:items>
`;

export class PdfError extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'PdfError';
  }
}

export interface PdfOptions {
  soffice: string;
  /** milliseconds LibreOffice may take (default 3 minutes) */
  timeout?: number;
}

/**
 * Writes `sheet` of the workbook at `workbookPath` alone to `pdfPath`. Works on a copy in a temporary
 * folder, removed afterwards whatever happens; the workbook is not touched.
 */
export async function sheetToPdf(workbookPath: string, sheet: string, pdfPath: string, options: PdfOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'handlingsplan-pdf-'));
  try {
    const copy = join(work, `ark${extname(workbookPath) || '.xlsx'}`);
    await writeFile(copy, await sheetOnlyPackage(new Uint8Array(await readFile(workbookPath)), sheet));
    const profile = join(work, 'profil');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), LOCALE_SETTINGS);
    const out = join(work, 'pdf');
    await runSoffice(
      options.soffice,
      ['-env:UserInstallation=' + pathToFileURL(profile).href, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, copy],
      options.timeout ?? 180_000,
    );
    const made = join(out, `${basename(copy, extname(copy))}.pdf`);
    if (!(await executableOrFile(made))) throw new PdfError('LibreOffice laget ingen PDF', 'LibreOffice made no PDF');
    await rename(made, pdfPath).catch(async () => copyFile(made, pdfPath));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function executableOrFile(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

function runSoffice(soffice: string, args: string[], timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PdfError(`kunne ikke starte LibreOffice (${error.message})`, `could not start LibreOffice (${error.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const why = signal !== null ? `stoppet (${signal})` : `avsluttet med status ${code ?? '?'}`;
        const whyEn = signal !== null ? `stopped (${signal})` : `exited with status ${code ?? '?'}`;
        const detail =
          stderr
            .trim()
            .split('\n')
            .filter((l) => !/javaldx/.test(l))
            .pop() ?? '';
        reject(new PdfError(`LibreOffice ${why}${detail ? `: ${detail}` : ''}`, `LibreOffice ${whyEn}${detail ? `: ${detail}` : ''}`));
      }
    });
  });
}

/** The PDF's path: the output workbook's, with .pdf for its extension. */
export function pdfPathFor(workbookPath: string): string {
  const ext = extname(workbookPath);
  return `${ext === '' ? workbookPath : workbookPath.slice(0, -ext.length)}.pdf`;
}
