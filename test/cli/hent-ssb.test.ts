import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { parsePlan } from '../../src/core/parse/plan';
import { consistentPlan } from '../support/planBuilder';
import { fileKept, runCliAsync, type CliResult } from '../support/cli';

/**
 * `handlingsplan hent-ssb` as a process. The network is closed here, so SSB is a local server answering with
 * the recorded fixtures (HANDLINGSPLAN_SSB_API points the CLI at it); the same command without it asks
 * data.ssb.no itself.
 */
const FIXTURES = resolve(__dirname, '../adapters/ssb');
let dir = '';
let server: Server;
let api = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hent-ssb-'));
  server = createServer((request, response) => {
    const url = request.url ?? '';
    const name = url.includes('/codelists/')
      ? 'codelist-agg_KommSummer.json'
      : url.includes('/07459/')
        ? 'data-07459.json'
        : url.includes('/11616/')
          ? 'data-11616.json'
          : null;
    response.writeHead(name === null ? 404 : 200, { 'content-type': 'application/json' });
    response.end(name === null ? '{}' : readFileSync(join(FIXTURES, name)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2`;
  const data = consistentPlan();
  const kommuner = data.tables.find((t) => t.name === 'Kommuner');
  if (kommuner)
    kommuner.rows = [
      ['3320', 'Flå'],
      ['3041', 'Gol'],
    ];
  const indicators = data.tables.find((t) => t.name === 'Effektindikatorer');
  if (indicators) indicators.rows = [];
  await writeWorkbookDataFile(data, join(dir, 'region.xlsx'));
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

/** Not blocking: this process serves the CLI's requests meanwhile. */
function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runCliAsync(args, { cwd: dir, env });
}

test('hent-ssb writes a copy with the figures, says which codes SSB used, and leaves the input alone', async () => {
  const kept = fileKept(join(dir, 'region.xlsx'));
  const result = await cli(['hent-ssb', 'region.xlsx', '-o', 'med-ssb.xlsx'], { HANDLINGSPLAN_SSB_API: api });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^Hentet fra SSB fra 2021: 14 nye rader, 0 oppdatert, 0 uendret\.$/m);
  expect(result.stdout).toMatch(/3041: SSB brukte K-3324 \(Gol/);
  expect(result.stdout).toMatch(/Tabell 12972 kunne ikke hentes/);
  expect(kept.untouched()).toBe(true);
  const { plan } = parsePlan(await (await openXlsxFile(join(dir, 'med-ssb.xlsx'))).readSnapshot());
  expect(plan.indicators).toHaveLength(14);
  expect(
    plan.indicators.find((r) => r.year.value === 2022 && r.indicator.value === 'Folkemengde' && r.kommune?.value === '3320')?.value.value,
  ).toBe(318);
}, 60_000);

test('offline: one Norwegian line, status 2, nothing written', async () => {
  const result = await cli(['hent-ssb', 'region.xlsx', '-o', 'ingen.xlsx'], {
    HANDLINGSPLAN_SSB_API: 'http://127.0.0.1:9/api/pxwebapi/v2',
  });
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(
    /^handlingsplan: region\.xlsx: Får ikke kontakt med SSB \(data\.ssb\.no\)\. Sjekk nettforbindelsen og prøv igjen\.\n$/,
  );
  expect(() => readFileSync(join(dir, 'ingen.xlsx'))).toThrow();
}, 60_000);

test('without -o it refuses, since the input is never overwritten', async () => {
  const result = await cli(['hent-ssb', 'region.xlsx'], {});
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/trenger -o/);
}, 60_000);
