#!/usr/bin/env node
'use strict';
/**
 * `npm run preview:sheet -- out.xlsx [--sheet "Handlingsplan 2022"] [--out-dir dir]`
 * Turns one sheet of a workbook into PNG pages, as it would print, through LibreOffice and poppler — to look
 * at a generated sheet as the board will see it. Works on a copy in a temporary folder from which every
 * other sheet is taken out (LibreOffice prints hidden sheets too); the workbook itself is not touched.
 * Needs Debian's libreoffice-calc and poppler-utils (`apt-get install -y libreoffice-calc poppler-utils`).
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, join, resolve } = require('node:path');
const { readPackageParts, packParts, WORKBOOK } = require('../dist/adapters/xlsx/package.js');
const { sheetEntries, removeSheet } = require('../dist/adapters/xlsx/workbookXml.js');

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

/** Takes every sheet but `keep` out of the workbook (their parts stay, unreferenced). */
function onlySheet(workbookXml, keep) {
  let xml = workbookXml;
  // From the last entry back, so the positions of the ones still to remove stay valid.
  for (const entry of [...sheetEntries(xml)].reverse()) {
    if (entry.index !== keep.index) xml = removeSheet(xml, entry.index);
  }
  return xml;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  requireTool('libreoffice', 'libreoffice-calc');
  requireTool('pdftoppm', 'poppler-utils');
  const input = resolve(args.file);
  const { parts } = await readPackageParts(new Uint8Array(readFileSync(input)));
  const workbookXml = new TextDecoder().decode(parts.get(WORKBOOK));
  const sheet = pickSheet(sheetEntries(workbookXml), args.sheet);
  parts.set(WORKBOOK, new TextEncoder().encode(onlySheet(workbookXml, sheet)));
  const work = mkdtempSync(join(tmpdir(), 'preview-sheet-'));
  const copy = join(work, 'preview.xlsx');
  writeFileSync(copy, await packParts(parts));
  const converted = spawnSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, copy], { encoding: 'utf8', timeout: 180_000 });
  if (converted.status !== 0) fail(`LibreOffice could not convert the workbook: ${converted.stderr.trim()}`);
  const outDir = resolve(args.outDir ?? 'test-results/preview');
  mkdirSync(outDir, { recursive: true });
  const prefix = join(outDir, `${basename(input, '.xlsx')}-${sheet.name.replace(/[^\w-]+/g, '_')}`);
  const pages = spawnSync('pdftoppm', ['-png', '-r', '80', join(work, 'preview.pdf'), prefix], { encoding: 'utf8' });
  if (pages.status !== 0) fail(`pdftoppm failed: ${pages.stderr.trim()}`);
  const written = readdirSync(outDir).filter((f) => f.startsWith(basename(prefix)) && f.endsWith('.png')).sort();
  console.log(`"${sheet.name}" → ${written.length} page(s):`);
  for (const file of written) console.log(`  ${join(outDir, file)}`);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
