/**
 * `npm run bench`: every figure the README quotes, as one markdown report. Each figure is the median of
 * several runs (BENCH_RUNS, default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OfficeWorkbook } from '../src/adapters/office';
import { writeWorkbookDataFile } from '../src/adapters/xlsx/file';
import { openXlsx } from '../src/adapters/xlsx/read';
import { renderLayoutIntoPackage } from '../src/adapters/xlsx/render';
import { writeWorkbookData } from '../src/adapters/xlsx/write';
import { TABLES, type RowValues } from '../src/core/contract/contract';
import type { WorkbookData } from '../src/core/contract/tableData';
import { inputDigest } from '../src/core/digest';
import { buildHandlingsplan } from '../src/core/layout/handlingsplan';
import { buildStyrerapport } from '../src/core/layout/styrerapport';
import { hallingdalSample } from '../src/core/sample/hallingdal';
import { templateWorkbook, typedRowOf } from '../src/core/template/template';
import { validateWorkbook } from '../src/core/validate';
import { createExcelDouble, measure } from '../src/adapters/office/double';
import { pageTable } from './page';
import { median, validationTable } from './validate';

const ROOT = resolve(__dirname, '..', '..');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

/** The sample with `count` example projects in its register. */
function withProjects(count: number): WorkbookData {
  const data = hallingdalSample();
  const projects = data.tables.find((t) => t.name === TABLES.projects.name);
  if (projects) {
    projects.rows = Array.from({ length: count }, (_, i) => {
      const project: RowValues<'projects'> = {
        id: `P${i + 1}`,
        name: `Eksempelprosjekt ${i + 1}`,
        owner: 'Eksempel AS',
        strategy: 'A',
        naering: 'Industri',
        phase: 'forprosjekt',
        status: 'aktiv',
        decisionDate: '2022-05-01',
        granted: 100000,
        ownFinancing: 20000,
        otherFinancing: 0,
      };
      return typedRowOf(projects, TABLES.projects, project);
    });
  }
  return data;
}

async function roundTrips(projects: number): Promise<string[]> {
  const data = withProjects(projects);
  const fresh = () => {
    const double = createExcelDouble({ data });
    return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
  };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: string[] = [];
  const a = fresh();
  const validate = await measure(a.double, () => a.port.readSnapshot());
  rows.push(
    `| validate (read all tables) | ${projects.toLocaleString('en-US')} | ${validate.stats.syncs} | ${kb(validate.stats.requestBytes)} | ${kb(validate.stats.responseBytes)} |`,
  );
  const result = validateWorkbook(validate.result);
  const layout = buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(validate.result),
    generatedAt: '2026-01-01T00:00:00Z',
  });
  const generate = await measure(a.double, () => a.port.renderLayout(layout));
  rows.push(
    `| generate (render Handlingsplan 2022) | ${projects.toLocaleString('en-US')} | ${generate.stats.syncs} | ${kb(generate.stats.requestBytes)} | ${kb(generate.stats.responseBytes)} |`,
  );
  const report = buildStyrerapport({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(validate.result),
    generatedAt: '2026-01-01T00:00:00Z',
  });
  const board = await measure(a.double, () => a.port.renderLayout(report));
  rows.push(
    `| board report (render Styrerapport 2022) | ${projects.toLocaleString('en-US')} | ${board.stats.syncs} | ${kb(board.stats.requestBytes)} | ${kb(board.stats.responseBytes)} |`,
  );
  const again = await measure(a.double, () => a.port.renderLayout(layout));
  rows.push(
    `| generate again (replace own sheet) | ${projects.toLocaleString('en-US')} | ${again.stats.syncs} | ${kb(again.stats.requestBytes)} | ${kb(again.stats.responseBytes)} |`,
  );
  const row = await measure(a.double, () =>
    a.port.appendRow('Rapporter', { ProsjektID: 'P1', Rapportdato: { date: '2023-06-30' }, Næring: 'Industri', 'Nye arbeidsplasser': 1 }),
  );
  rows.push(
    `| append a report row (form, after its check reads the workbook) | ${projects.toLocaleString('en-US')} | ${row.stats.syncs} (+ ${validate.stats.syncs}) | ${kb(row.stats.requestBytes)} | ${kb(row.stats.responseBytes)} |`,
  );
  const b = fresh();
  const template = await measure(b.double, () => b.port.createTemplate(templateWorkbook()));
  rows.push(
    `| template (nothing missing) | ${projects.toLocaleString('en-US')} | ${template.stats.syncs} | ${kb(template.stats.requestBytes)} | ${kb(template.stats.responseBytes)} |`,
  );
  return rows;
}

async function roundTripTable(): Promise<string[]> {
  const lines = ['| operation | projects | syncs | request | response |', '|---|---:|---:|---:|---:|'];
  for (const projects of [10, 10_000]) lines.push(...(await roundTrips(projects)));
  const empty = createExcelDouble({});
  const port = new OfficeWorkbook(empty.run, { isSupported: empty.supports });
  const created = await measure(empty, () => port.createTemplate(templateWorkbook()));
  lines.push(
    `| template (empty workbook: all tables) | 0 | ${created.stats.syncs} | ${(created.stats.requestBytes / 1024).toFixed(1)} KB | ${(created.stats.responseBytes / 1024).toFixed(1)} KB |`,
  );
  return lines;
}

function timeCli(args: string[], cwd: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [join(ROOT, 'bin', 'handlingsplan.js'), ...args], { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

async function cliTable(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-'));
  await writeWorkbookDataFile(hallingdalSample(), join(dir, 'sample.xlsx'));
  return [
    '| command (on the sample) | ms |',
    '|---|---:|',
    `| \`handlingsplan validate sample.xlsx\` | ${timeCli(['validate', 'sample.xlsx'], dir).toFixed(0)} |`,
    `| \`handlingsplan generate sample.xlsx -o out.xlsx --force\` | ${timeCli(['generate', 'sample.xlsx', '-o', 'out.xlsx', '--force'], dir).toFixed(0)} |`,
  ];
}

/** Gzipped sizes of what the pane loads at start and of each lazy chunk, from the web build. */
function bundleTable(): string[] {
  const web = join(ROOT, 'dist', 'web');
  if (!existsSync(join(web, 'taskpane.html'))) return ['(no web build: run `npm run build` first)'];
  const html = readFileSync(join(web, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)]
    .map((m) => m[1] ?? '')
    .filter((src) => !src.startsWith('http'));
  const gzKb = (file: string) => gzipSync(readFileSync(join(web, file))).length / 1024;
  const lines = ['| bundle | gzipped |', '|---|---:|'];
  lines.push(`| pane, initial JavaScript (${initial.join(', ')}) | ${initial.reduce((n, f) => n + gzKb(f), 0).toFixed(1)} KB |`);
  for (const file of readdirSync(web)
    .filter((f) => f.endsWith('.js') && !initial.includes(f))
    .sort()) {
    lines.push(`| lazy chunk ${file} | ${gzKb(file).toFixed(1)} KB |`);
  }
  return lines;
}

/** The sample with its 2022 rows repeated for 2023 and 2024: 13 strategies × 4 næringer × 3 years. */
function threeYears(): WorkbookData {
  const data = hallingdalSample();
  for (const name of ['Resultatmal', 'ResultatmalSum', 'Delmal', 'Tiltak', 'Budsjett', 'Rammer', 'Finansiering']) {
    const table = data.tables.find((t) => t.name === name);
    if (!table) continue;
    const yearColumn = table.header.indexOf('År');
    const base = table.rows.filter((r) => r[yearColumn] === 2022);
    for (const year of [2023, 2024]) table.rows.push(...base.map((r) => r.map((c, i) => (i === yearColumn ? year : c))));
  }
  return data;
}

async function timeGeneration(label: string, data: WorkbookData): Promise<string> {
  const bytes = await writeWorkbookData(data);
  const snapshot = await (await openXlsx(bytes)).readSnapshot();
  const core: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = validateWorkbook(snapshot, { year: 2022 });
    const layout = buildHandlingsplan({
      plan: result.plan,
      year: 2022,
      findings: result.findings,
      inputDigest: inputDigest(snapshot),
      generatedAt: '2026-01-01T00:00:00Z',
    });
    const built = process.hrtime.bigint();
    await renderLayoutIntoPackage(bytes, layout);
    const done = process.hrtime.bigint();
    core.push(Number(built - start) / 1e6);
    render.push(Number(done - built) / 1e6);
  }
  return `| ${label} | ${median(core).toFixed(1)} | ${median(render).toFixed(1)} |`;
}

async function generationTable(): Promise<string[]> {
  return [
    '| input | validate + layout ms (core) | render into the .xlsx package ms |',
    '|---|---:|---:|',
    await timeGeneration('the sample (2022)', hallingdalSample()),
    await timeGeneration('13 strategies × 4 næringer × 3 years', threeYears()),
  ];
}

/** The installed size of node_modules (what `npm ci` leaves), by walking it. */
function nodeModulesSize(): string {
  const du = spawnSync('du', ['-sm', join(ROOT, 'node_modules')], { encoding: 'utf8' });
  const mb = Number(du.stdout.split(/\s/)[0]);
  return Number.isFinite(mb) ? `${mb} MB` : 'unknown';
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(1))
      .join(' ');
  console.log(
    `Handlingsplan benchmarks — node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; median of ${RUNS} runs; load average ${load()} at start\n`,
  );
  // BENCH_ONLY=page runs only the pane in Chromium (the figures that take longest and vary most with load).
  if (process.env['BENCH_ONLY'] === 'page') {
    console.log((await pageTable(Number(process.env['BENCH_PAGE_RUNS'] ?? 3))).join('\n'));
    console.log(`\nload average ${load()} at the end`);
    console.log('\nBundles:\n');
    console.log(bundleTable().join('\n'));
    return;
  }
  console.log('Core validation per table rows:\n');
  console.log(validationTable(RUNS).join('\n'));
  console.log('\nGenerating Handlingsplan 2022:\n');
  console.log((await generationTable()).join('\n'));
  console.log('\nRound trips to Excel per operation (Office adapter over the strict Excel double):\n');
  console.log((await roundTripTable()).join('\n'));
  console.log('\nThe pane in Chromium at 350 px, cache off (median of BENCH_PAGE_RUNS, default 3):\n');
  console.log((await pageTable(Number(process.env['BENCH_PAGE_RUNS'] ?? 3))).join('\n'));
  console.log('\nCLI end to end:\n');
  console.log((await cliTable()).join('\n'));
  console.log('\nBundles:\n');
  console.log(bundleTable().join('\n'));
  console.log(`\nnode_modules after npm ci: ${nodeModulesSize()} (the official React add-in template: 1.1 GB)`);
  console.log(`\nload average ${load()} at the end`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
