#!/usr/bin/env node
'use strict';
/**
 * `npm run preview:sheet -- out.xlsx [--sheet "Handlingsplan 2022"] [--out-dir dir]`
 * Turns one sheet of a workbook into PNG pages, as it prints, through LibreOffice and poppler — to look at a
 * generated sheet as the board will see it. Prints as `handlingsplan generate --pdf` does (the sheet alone, in
 * the nb-NO locale, Calibri as Carlito) in a temporary folder it removes; the workbook itself is not touched.
 * Needs Debian's libreoffice-calc, fonts-crosextra-carlito and poppler-utils.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, readdirSync, mkdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, join, resolve } = require('node:path');
const { WORKBOOK, readPackageParts } = require('../dist/adapters/xlsx/package.js');
const { sheetEntries } = require('../dist/adapters/xlsx/workbookXml.js');
const { findSoffice, sheetToPdf } = require('../dist/cli/pdf.js');

function parseArgs(argv) {
  const args = { file: undefined, sheet: undefined, outDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sheet') args.sheet = argv[++i];
    else if (argv[i] === '--out-dir') args.outDir = argv[++i];
    else args.file = argv[i];
  }
  if (!args.file) fail('usage: npm run preview:sheet -- <file.xlsx> [--sheet NAME] [--out-dir DIR]');
  return args;
}

function fail(message) {
  console.error(`preview-sheet: ${message}`);
  process.exit(2);
}

function requireTool(command, pkg) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) fail(`${command} is missing; install it with: apt-get install -y ${pkg}`);
}

/** The sheet to show: the one asked for, else the last generated-looking one, else the last sheet. */
function pickSheet(entries, wanted) {
  if (wanted !== undefined) {
    const found = entries.find((e) => e.name === wanted);
    if (!found) fail(`no sheet "${wanted}"; the workbook has: ${entries.map((e) => e.name).join(', ')}`);
    return found;
  }
  const generated = entries.filter((e) => /^(Handlingsplan|Styrerapport) \d{4}/.test(e.name));
  return generated[generated.length - 1] ?? entries[entries.length - 1];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const soffice = await findSoffice();
  if (soffice === undefined) fail('LibreOffice is missing; install it with: apt-get install -y libreoffice-calc fonts-crosextra-carlito');
  requireTool('pdftoppm', 'poppler-utils');
  const input = resolve(args.file);
  const { parts } = await readPackageParts(new Uint8Array(readFileSync(input)));
  const sheet = pickSheet(sheetEntries(new TextDecoder().decode(parts.get(WORKBOOK))), args.sheet);
  // The same print as `--pdf` (the sheet alone, nb-NO, Carlito), in a folder removed whatever happens.
  const work = mkdtempSync(join(tmpdir(), 'preview-sheet-'));
  try {
    const pdf = join(work, 'preview.pdf');
    await sheetToPdf(input, sheet.name, pdf, { soffice });
    const outDir = resolve(args.outDir ?? 'test-results/preview');
    mkdirSync(outDir, { recursive: true });
    const prefix = join(outDir, `${basename(input, '.xlsx')}-${sheet.name.replace(/[^\w-]+/g, '_')}`);
    for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${basename(prefix)}-`) && f.endsWith('.png')))
      rmSync(join(outDir, old));
    const pages = spawnSync('pdftoppm', ['-png', '-r', '80', pdf, prefix], { encoding: 'utf8' });
    if (pages.status !== 0) fail(`pdftoppm failed: ${pages.stderr.trim()}`);
    const written = readdirSync(outDir)
      .filter((f) => f.startsWith(`${basename(prefix)}-`) && f.endsWith('.png'))
      .sort();
    console.log(`"${sheet.name}" → ${written.length} page(s):`);
    for (const file of written) console.log(`  ${join(outDir, file)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
