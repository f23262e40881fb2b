/**
 * `generate … --pdf` and `report … --pdf` as a process: the generated sheet alone, as a PDF next to the copy
 * when LibreOffice is there; a clear way to get it (Excel: Fil → Eksporter) when it is not. Skipped with a
 * message where LibreOffice or poppler is missing (CI installs both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'hp-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
const available = (onPath('soffice') || onPath('libreoffice')) && onPath('pdftotext');
if (!available) console.warn('--pdf test SKIPPED: LibreOffice (soffice) or poppler-utils (pdftotext) is missing');

/** Bokmål whatever the machine's locale (an English LANG switches the CLI to English); LibreOffice gets UTF-8. */
const NB: Record<string, string> = { LANG: 'C.UTF-8' };

function cli(args: string[], env: Record<string, string> = NB) {
  return runCli(args, { cwd: dir, timeout: 240_000, env });
}

beforeAll(async () => {
  await writeWorkbookDataFile(hallingdalSample(), join(dir, 'sats.xlsx'));
});

(available ? test : test.skip).each([
  ['generate', 'Handlingsplan 2022', 'styret'],
  ['report', 'Styrerapport 2022', 'rapport'],
])(
  '%s --pdf writes the sheet alone as a PDF next to the workbook',
  (command, sheet, name) => {
    const run = cli([command, 'sats.xlsx', '-o', `${name}.xlsx`, '--pdf']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Skrev arket «${sheet}» alene som PDF til ${join(dir, `${name}.pdf`)}`);
    const text = spawnSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    // every page is the generated sheet's (its title rows repeat), and nothing of the input sheets is printed
    for (const page of pages) expect(page).toContain(`${sheet} – Sats på Hallingdal`);
    expect(text).not.toContain('Programnavn');
    expect(text).not.toContain('Handlingsplanår');
    // without --force an existing PDF is not overwritten
    const again = cli([command, 'sats.xlsx', '-o', `${name}-2.xlsx`, '--pdf']);
    expect(again.status).toBe(0);
    const blocked = cli([command, 'sats.xlsx', '-o', `${name}.xlsx`, '--pdf']);
    expect(blocked.status).toBe(2);
  },
  240_000,
);

test('without LibreOffice the workbook is written and the user is told how to get the PDF', () => {
  const run = cli(['generate', 'sats.xlsx', '-o', 'uten.xlsx', '--pdf'], { ...NB, HANDLINGSPLAN_SOFFICE: join(dir, 'no-soffice-here') });
  expect(run.status).toBe(0);
  expect(existsSync(join(dir, 'uten.xlsx'))).toBe(true);
  expect(existsSync(join(dir, 'uten.pdf'))).toBe(false);
  expect(run.stderr).toContain('LibreOffice er ikke installert');
  expect(run.stderr).toContain('Fil → Eksporter');
  const english = cli(['generate', 'sats.xlsx', '-o', 'without.xlsx', '--pdf', '--lang', 'en'], {
    ...NB,
    HANDLINGSPLAN_SOFFICE: join(dir, 'no-soffice-here'),
  });
  expect(english.stderr).toContain('File → Export');
});

test('--pdf is refused for the commands that write no sheet', () => {
  const run = cli(['validate', 'sats.xlsx', '--pdf']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--pdf');
});
