/**
 * Core validation time per table row count. Builds a consistent plan with N rows in its tables (strategies
 * and budget lines over the three years), validates the snapshot several times and reports the median and
 * the growth per 10× rows (linear growth is about 10×).
 */
import { TABLES } from '../src/core/contract/contract';
import type { CellInput, WorkbookData } from '../src/core/contract/tableData';
import { snapshotFromData } from '../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../src/core/validate';

const AREAS = 6;
const YEARS = [2022, 2023, 2024];

function planWithRows(rows: number): WorkbookData {
  const strategyCount = Math.max(AREAS, Math.floor(rows / (1 + YEARS.length)));
  const strategies: CellInput[][] = [];
  const budget: CellInput[][] = [];
  const frameOf = new Map<string, number>();
  for (let i = 0; i < strategyCount; i++) {
    const area = (i % AREAS) + 1;
    strategies.push([`S${i}`, `Strategi ${i}`, area, `Beskrivelse ${i}`]);
    for (const year of YEARS) {
      const amount = 1000 * ((i % 7) + 1);
      budget.push([year, `S${i}`, amount]);
      frameOf.set(`${year}|${area}`, (frameOf.get(`${year}|${area}`) ?? 0) + amount);
    }
  }
  const frames: CellInput[][] = [];
  const financing: CellInput[][] = [];
  for (const year of YEARS) {
    let sum = 0;
    for (let area = 1; area <= AREAS; area++) {
      const amount = frameOf.get(`${year}|${area}`) ?? 0;
      sum += amount;
      frames.push([year, `Område ${area}`, amount]);
    }
    frames.push([year, 'Sum innsatsområder', sum], [year, 'Administrasjon', 0], [year, 'Sum totalt', sum]);
    financing.push([year, 'Fylket', sum]);
  }
  const table = (spec: { name: string; sheet: string }, header: string[], body: CellInput[][]) => ({
    name: spec.name,
    sheet: spec.sheet,
    header,
    rows: body,
  });
  return {
    sheets: ['Oppsett', 'Mål', 'Budsjett'],
    tables: [
      table(
        TABLES.program,
        ['Felt', 'Verdi'],
        [
          ['Programnavn', 'Bench'],
          ['Første år', 2022],
          ['Siste år', 2024],
          ['Handlingsplanår', 2022],
        ],
      ),
      table(
        TABLES.areas,
        ['Nr', 'Innsatsområde', 'Type'],
        Array.from({ length: AREAS }, (_, i) => [i + 1, `Område ${i + 1}`, 'Tematisk']),
      ),
      table(TABLES.strategies, ['Kode', 'Strategi', 'Innsatsområde', 'Beskrivelse'], strategies),
      table(TABLES.naeringer, ['Nr', 'Næring'], [[1, 'Industri']]),
      table(TABLES.jobTargets, ['Næring', '2022', '2023', '2024', 'Sum'], [['Industri', 1, 1, 1, 3]]),
      table(TABLES.resultatmal, ['År', 'Næring', 'Sum'], []),
      table(TABLES.resultatmalSum, ['År', 'Innsatsområde', 'Arbeidsplasser'], []),
      table(TABLES.budget, ['År', 'Strategi', 'Beløp'], budget),
      table(TABLES.frames, ['År', 'Post', 'Beløp'], frames),
      table(TABLES.financing, ['År', 'Kilde', 'Beløp'], financing),
    ],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeValidation(rows: number, runs: number): { ms: number; rows: number; findings: number } {
  const data = planWithRows(rows);
  const snapshot = snapshotFromData(data);
  const actualRows = snapshot.tables.reduce((n, t) => n + t.rows.length, 0);
  const times: number[] = [];
  let findings = 0;
  validateWorkbook(snapshot, { year: 2022 }); // warm-up: JIT
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    findings = validateWorkbook(snapshot, { year: 2022 }).findings.length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), rows: actualRows, findings };
}

/** Markdown lines of the core validation table. */
export function validationTable(runs: number): string[] {
  const lines = ['| table rows | validation ms | growth per 10× rows |', '|---:|---:|---:|'];
  let previous: number | undefined;
  for (const rows of [1000, 10000, 100000]) {
    const r = timeValidation(rows, runs);
    const growth = previous === undefined ? '–' : `${(r.ms / previous).toFixed(1)}×`;
    lines.push(`| ${r.rows.toLocaleString('en-US')} | ${r.ms.toFixed(1)} | ${growth} |`);
    previous = r.ms;
  }
  return lines;
}

export { planWithRows, median };
