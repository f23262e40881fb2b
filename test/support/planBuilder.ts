import { PROGRAM_FIELDS, TABLES, type TableSpec } from '../../src/core/contract/contract';
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';
import { rowOf, templateWorkbook } from '../../src/core/template/template';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateWorkbook, type ValidationResult } from '../../src/core/validate';
import type { ValidationSettings } from '../../src/core/settings';

/** A contract table's headers, in the contract's order (the one definition a new column is added to). */
export function headersOf(spec: TableSpec): string[] {
  return spec.columns.map((column) => column.header);
}

/**
 * A small plan that adds up everywhere, as the tables a finance officer would type. Tests change one cell
 * and assert which rule fires where.
 *   areas: 1 Kompetanse (A 300 000, B 200 000), 2 Innovasjon (C 500 000), 3 Attraktivitet, support (D 100 000)
 *   frames 500 000 + 500 000 + 100 000 = 1 100 000; Administrasjon 100 000; total 1 200 000 = financing
 *   targets 2022–2024: Industri 2/3/5 = 10, Reiseliv 3/3/4 = 10; 20 in all; programme goal 20
 *   resultatmål 2022: Industri A1 C1 = 2, Reiseliv B2 C1 = 3; area sums 1: 3, 2: 2, total 5
 *   region: kommuner 1001 Nordby, 1002 Sørby; Folkemengde for 1001 from the baseline 2021, Kommune-NM for the region
 */
export function consistentPlan(): WorkbookData {
  const t = (spec: { name: string; sheet: string }, header: string[], rows: CellInput[][], totalRow?: CellInput[]): TableData => {
    const table: TableData = { name: spec.name, sheet: spec.sheet, header, rows };
    if (totalRow) table.totalRow = totalRow;
    return table;
  };
  return {
    sheets: ['Oppsett', 'Mål', 'Budsjett', 'Prosjekter', 'Effektmål'],
    tables: [
      t(
        TABLES.program,
        ['Felt', 'Verdi'],
        [
          ['Programnavn', 'Testprogrammet'],
          ['Region', 'Testdal'],
          ['Første år', 2022],
          ['Siste år', 2024],
          ['Handlingsplanår', 2022],
          ['Arbeidsplassmål', 20],
        ],
      ),
      t(
        TABLES.areas,
        ['Nr', 'Innsatsområde', 'Type'],
        [
          [1, 'Kompetanse', 'Tematisk'],
          [2, 'Innovasjon', 'Tematisk'],
          [3, 'Attraktivitet', 'Støtteområde'],
        ],
      ),
      t(
        TABLES.strategies,
        ['Kode', 'Strategi', 'Innsatsområde', 'Beskrivelse'],
        [
          ['A', 'Rekruttering', 1, 'Rekruttere'],
          ['B', 'Kompetanse', 1, 'Lære'],
          ['C', 'Nettverk', 2, 'Samarbeide'],
          ['D', 'Omdømme', 3, 'Fortelle'],
        ],
      ),
      t(
        TABLES.naeringer,
        ['Nr', 'Næring'],
        [
          [1, 'Industri'],
          [2, 'Reiseliv'],
        ],
      ),
      t(
        TABLES.jobTargets,
        ['Næring', '2022', '2023', '2024', 'Sum'],
        [
          ['Industri', 2, 3, 5, 10],
          ['Reiseliv', 3, 3, 4, 10],
        ],
        ['Sum', 5, 6, 9, 20],
      ),
      t(
        TABLES.resultatmal,
        ['År', 'Næring', 'A', 'B', 'C', 'Sum'],
        [
          [2022, 'Industri', 1, null, 1, 2],
          [2022, 'Reiseliv', null, 2, 1, 3],
        ],
      ),
      t(
        TABLES.resultatmalSum,
        ['År', 'Innsatsområde', 'Arbeidsplasser'],
        [
          [2022, 1, 3],
          [2022, 2, 2],
          [2022, 'Sum', 5],
        ],
      ),
      t(
        TABLES.delmal,
        ['År', 'Strategier', 'Delmål', 'Prosjekter igangsatt', 'Prosjekter gjennomført', 'Bedrifter involvert', 'Nye bedrifter'],
        [
          [2022, 'A-B', 'To prosjekter igangsatt', 2, null, null, null],
          [2022, 'C', 'Ett nettverk', 1, 1, 4, null],
        ],
      ),
      t(
        TABLES.tiltak,
        ['År', 'Strategier', 'Tiltak'],
        [
          [2022, 'A, B', 'Kartlegge behov'],
          [2022, 'C', 'Starte nettverk'],
          [2022, 'D', 'Lage film'],
        ],
      ),
      t(
        TABLES.budget,
        ['År', 'Strategi', 'Beløp'],
        [
          [2022, 'A', 300000],
          [2022, 'B', 200000],
          [2022, 'C', 500000],
          [2022, 'D', 100000],
        ],
      ),
      t(
        TABLES.frames,
        ['År', 'Post', 'Beløp'],
        [
          [2022, 'Kompetanse', 500000],
          [2022, 'Innovasjon', 500000],
          [2022, 'Attraktivitet', 100000],
          [2022, 'Sum innsatsområder', 1100000],
          [2022, 'Administrasjon', 100000],
          [2022, 'Sum totalt', 1200000],
        ],
      ),
      t(
        TABLES.financing,
        ['År', 'Kilde', 'Beløp'],
        [
          [2022, 'Fylket', 1000000],
          [2022, 'Kommunene', 200000],
          [2022, 'Sum', 1200000],
        ],
      ),
      t(TABLES.reallocations, ['Dato', 'Fra', 'Til', 'Beløp', 'Vedtak'], []),
      t(TABLES.projects, headersOf(TABLES.projects), []),
      t(TABLES.reports, headersOf(TABLES.reports), []),
      t(
        TABLES.kommuner,
        ['Kommunenummer', 'Kommune'],
        [
          ['1001', 'Nordby'],
          ['1002', 'Sørby'],
        ],
      ),
      t(
        TABLES.indicators,
        ['År', 'Indikator', 'Kommune', 'Verdi', 'Kilde', 'Hentet'],
        [
          [2021, 'Folkemengde', '1001', 1000, 'SSB tabell 07459', { date: '2025-01-10' }],
          [2022, 'Folkemengde', '1001', 1010, 'SSB tabell 07459', { date: '2025-01-10' }],
          [2021, 'Kommune-NM-plassering', null, 120, 'NHO Kommune-NM 2021', null],
          [2022, 'Kommune-NM-plassering', null, 110, 'NHO Kommune-NM 2022', null],
        ],
      ),
    ],
  };
}

export interface FilledTemplateOptions {
  /** The first financing source, to break the plan on purpose. */
  fylkeskommunen?: number;
}

/**
 * The other kind of fixture: the `init` template (its sheets, headers and extra columns) filled in as a user
 * would, where consistentPlan types the tables from scratch. A small plan that adds up everywhere: programme
 * 2022–2024, two thematic areas, three strategies, two næringer, job targets and resultatmål with correct sums,
 * strategy budgets equal to the area frames, and financing equal to the total frame (administration 100 000 of
 * 1 100 000, under the 12 % limit).
 */
export function filledTemplate(options: FilledTemplateOptions = {}): WorkbookData {
  const workbook = templateWorkbook({ firstYear: 2022, lastYear: 2024, strategyCodes: ['A', 'B', 'C'] });
  const add = (name: keyof typeof TABLES, cells: Record<string, CellInput>, dynamic: Record<string, CellInput> = {}): void => {
    const t = table(workbook, TABLES[name].name);
    t.rows.push(rowOf(t, TABLES[name], cells, dynamic));
  };

  const program: [string, CellInput][] = [
    [PROGRAM_FIELDS.name, 'Omstilling Testdal'],
    [PROGRAM_FIELDS.region, 'Testdal'],
    [PROGRAM_FIELDS.firstYear, 2022],
    [PROGRAM_FIELDS.lastYear, 2024],
    [PROGRAM_FIELDS.planYear, 2022],
    [PROGRAM_FIELDS.jobGoal, 60],
  ];
  for (const [field, value] of program) add('program', { field, value });

  add('areas', { nr: 1, name: 'Kompetanse', type: 'Tematisk' });
  add('areas', { nr: 2, name: 'Innovasjon', type: 'Tematisk' });
  add('strategies', { code: 'A', name: 'Rekruttering', area: 1, description: 'Skaffe folk' });
  add('strategies', { code: 'B', name: 'Nettverk', area: 2, description: 'Samarbeid' });
  add('strategies', { code: 'C', name: 'Gründere', area: 2, description: 'Nye bedrifter' });
  add('naeringer', { nr: 1, name: 'Reiseliv' });
  add('naeringer', { nr: 2, name: 'Industri' });

  add('jobTargets', { naering: 'Reiseliv', sum: 30 }, { '2022': 5, '2023': 10, '2024': 15 });
  add('jobTargets', { naering: 'Industri', sum: 30 }, { '2022': 5, '2023': 10, '2024': 15 });
  const jobTargets = table(workbook, TABLES.jobTargets.name);
  jobTargets.totalRow = rowOf(jobTargets, TABLES.jobTargets, { naering: 'Sum', sum: 60 }, { '2022': 10, '2023': 20, '2024': 30 });

  add('resultatmal', { year: 2022, naering: 'Reiseliv', sum: 5 }, { A: 2, B: 2, C: 1 });
  add('resultatmal', { year: 2022, naering: 'Industri', sum: 5 }, { A: 1, B: 2, C: 2 });
  add('resultatmalSum', { year: 2022, area: 1, jobs: 3 });
  add('resultatmalSum', { year: 2022, area: 2, jobs: 7 });
  add('resultatmalSum', { year: 2022, area: 'Sum', jobs: 10 });

  add('tiltak', { year: 2022, strategies: 'A', text: 'Rekrutteringskampanje' });

  add('budget', { year: 2022, strategy: 'A', amount: 400_000 });
  add('budget', { year: 2022, strategy: 'B', amount: 300_000 });
  add('budget', { year: 2022, strategy: 'C', amount: 300_000 });
  add('frames', { year: 2022, post: 'Kompetanse', amount: 400_000 });
  add('frames', { year: 2022, post: 'Innovasjon', amount: 600_000 });
  add('frames', { year: 2022, post: 'Sum innsatsområder', amount: 1_000_000 });
  add('frames', { year: 2022, post: 'Administrasjon', amount: 100_000 });
  add('frames', { year: 2022, post: 'Sum totalt', amount: 1_100_000 });
  add('financing', { year: 2022, source: 'Fylkeskommunen', amount: options.fylkeskommunen ?? 800_000 });
  add('financing', { year: 2022, source: 'Kommunene', amount: 300_000 });
  add('financing', { year: 2022, source: 'Sum', amount: (options.fylkeskommunen ?? 800_000) + 300_000 });
  return workbook;
}

function table(data: WorkbookData, name: string): TableData {
  const found = data.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** Sets one cell: the row whose first cells equal `key` (e.g. [2022, 'A']), the column by header. */
export function setCell(data: WorkbookData, tableName: string, key: CellInput[], column: string, value: CellInput): WorkbookData {
  const t = table(data, tableName);
  const col = t.header.indexOf(column);
  if (col < 0) throw new Error(`no column ${column} in ${tableName}`);
  const row = t.rows.find((r) => key.every((k, i) => r[i] === k));
  if (!row) throw new Error(`no row ${JSON.stringify(key)} in ${tableName}`);
  row[col] = value;
  return data;
}

export function setTotal(data: WorkbookData, tableName: string, column: string, value: CellInput): WorkbookData {
  const t = table(data, tableName);
  const col = t.header.indexOf(column);
  if (!t.totalRow || col < 0) throw new Error(`no total ${column} in ${tableName}`);
  t.totalRow[col] = value;
  return data;
}

export function addRow(data: WorkbookData, tableName: string, row: CellInput[]): WorkbookData {
  table(data, tableName).rows.push(row);
  return data;
}

export function removeTable(data: WorkbookData, tableName: string): WorkbookData {
  data.tables = data.tables.filter((t) => t.name !== tableName);
  return data;
}

export function renameHeader(data: WorkbookData, tableName: string, from: string, to: string): WorkbookData {
  const t = table(data, tableName);
  t.header = t.header.map((h) => (h === from ? to : h));
  return data;
}

export function validate(data: WorkbookData, settings: Partial<ValidationSettings> = {}): ValidationResult {
  return validateWorkbook(snapshotFromData(data), settings);
}

export function snapshot(data: WorkbookData): WorkbookSnapshot {
  return snapshotFromData(data);
}

/** The address a table's cell gets once placed, for asserting where a finding points. */
export function addressOf(data: WorkbookData, tableName: string, key: CellInput[], column: string): { sheet: string; cell: string } {
  const snap = snapshotFromData(data).tables.find((t) => t.name === tableName);
  const t = table(data, tableName);
  const rowIndex = t.rows.findIndex((r) => key.every((k, i) => r[i] === k));
  const col = t.header.indexOf(column);
  const cell = snap?.rows[rowIndex]?.[col];
  if (!snap || !cell) throw new Error(`no cell ${column} ${JSON.stringify(key)} in ${tableName}`);
  return { sheet: snap.sheet, cell: cell.address };
}

export function totalAddressOf(data: WorkbookData, tableName: string, column: string): { sheet: string; cell: string } {
  const snap = snapshotFromData(data).tables.find((t) => t.name === tableName);
  const col = table(data, tableName).header.indexOf(column);
  const cell = snap?.totalRow?.[col];
  if (!snap || !cell) throw new Error(`no total ${column} in ${tableName}`);
  return { sheet: snap.sheet, cell: cell.address };
}
