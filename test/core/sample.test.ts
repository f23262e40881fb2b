import { AREA_TYPES, PROGRAM_FIELDS, SHEETS, TABLES, type TableSpec } from '../../src/core/contract/contract';
import { placeTables, type CellInput, type TableData, type TablePlacement, type WorkbookData } from '../../src/core/contract/tableData';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { templateWorkbook } from '../../src/core/template/template';

const SPECS: TableSpec[] = Object.values(TABLES);
const THEMATIC = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

function table(workbook: WorkbookData, spec: TableSpec): TableData {
  const found = workbook.tables.find((t) => t.name === spec.name);
  if (!found) throw new Error(`no table ${spec.name}`);
  return found;
}

function h(spec: TableSpec, key: string): string {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key} in ${spec.name}`);
  return column.header;
}

/** The column of a table as an array of cells, by header text. */
function column(t: TableData, header: string): CellInput[] {
  const index = t.header.indexOf(header);
  if (index < 0) throw new Error(`no header ${header} in ${t.name}`);
  return t.rows.map((r) => r[index] ?? null);
}

/** Rows as objects keyed by header. */
function records(t: TableData): Record<string, CellInput>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((header, i) => [header, r[i] ?? null])));
}

function num(value: CellInput | undefined): number {
  if (typeof value !== 'number') throw new Error(`not a number: ${JSON.stringify(value)}`);
  return value;
}

function text(value: CellInput | undefined): string {
  if (typeof value !== 'string') throw new Error(`not text: ${JSON.stringify(value)}`);
  return value;
}

/** A header matches a contract header exactly or with a unit in parentheses ("Beløp (mill. kr)"). */
function matches(header: string, contractHeader: string): boolean {
  return header === contractHeader || header.startsWith(`${contractHeader} (`);
}

/** "E-F" → E, F; "G-H" → G, H; "A" → A; "E, F" → E, F. */
function expandCodes(text: string): string[] {
  return text.split(',').flatMap((part) => {
    const range = /^\s*([A-Z])\s*-\s*([A-Z])\s*$/.exec(part);
    if (!range) return [part.trim()];
    const from = range[1]!.charCodeAt(0);
    const to = range[2]!.charCodeAt(0);
    const codes: string[] = [];
    for (let c = from; c <= to; c++) codes.push(String.fromCharCode(c));
    return codes;
  });
}

describe('hallingdalSample', () => {
  const sample = hallingdalSample();
  const S = TABLES;

  it('has exactly the contract tables, in contract order, on the contract sheets', () => {
    expect(sample.tables.map((t) => t.name)).toEqual(SPECS.map((s) => s.name));
    expect(sample.sheets).toEqual(['Oppsett', 'Mål', 'Budsjett', 'Prosjekter', 'Effektmål']);
    expect(sample.sheets).toEqual(Object.values(SHEETS));
    for (const spec of SPECS) expect(table(sample, spec).sheet).toBe(spec.sheet);
  });

  it("lists Hallingdal's six kommuner with their numbers since 2024 (Buskerud again), and no invented indicator values", () => {
    expect(table(sample, TABLES.kommuner).rows).toEqual([
      ['3320', 'Flå'],
      ['3322', 'Nesbyen'],
      ['3324', 'Gol'],
      ['3326', 'Hemsedal'],
      ['3328', 'Ål'],
      ['3330', 'Hol'],
    ]);
    expect(table(sample, TABLES.indicators).rows).toEqual([]);
  });

  it('has every required column of each spec in its header', () => {
    for (const spec of SPECS) {
      const t = table(sample, spec);
      for (const c of spec.columns.filter((col) => col.required)) {
        expect(t.header.some((header) => matches(header, c.header))).toBe(true);
      }
    }
  });

  it('keeps rows, formats, widths and lists aligned with the header', () => {
    for (const t of sample.tables) {
      expect(t.caption).toBeTruthy();
      expect(new Set(t.header).size).toBe(t.header.length);
      for (const row of t.rows) expect(row).toHaveLength(t.header.length);
      if (t.totalRow) expect(t.totalRow).toHaveLength(t.header.length);
      expect(t.numberFormats).toHaveLength(t.header.length);
      expect(t.widths).toHaveLength(t.header.length);
      if (t.lists) expect(t.lists).toHaveLength(t.header.length);
    }
  });

  it('takes number formats and widths from the column specs', () => {
    const budget = table(sample, S.budget);
    const amount = budget.header.indexOf(h(S.budget, 'amount'));
    expect(budget.numberFormats?.[amount]).toBe(S.budget.columns.find((c) => c.key === 'amount')?.numberFormat);
    expect(budget.widths?.[amount]).toBe(S.budget.columns.find((c) => c.key === 'amount')?.width);
  });

  it('points list validations at existing tables and columns', () => {
    for (const t of sample.tables) {
      for (const list of t.lists ?? []) {
        if (list && 'tableColumn' in list) {
          const target = sample.tables.find((x) => x.name === list.tableColumn.table);
          expect(target?.header).toContain(list.tableColumn.column);
        }
      }
    }
    const listOf = (spec: TableSpec, key: string) => {
      const t = table(sample, spec);
      return t.lists?.[t.header.indexOf(h(spec, key))];
    };
    expect(listOf(S.strategies, 'area')).toEqual({ tableColumn: { table: 'Innsatsomrader', column: 'Nr' } });
    expect(listOf(S.areas, 'type')).toEqual({ values: ['Tematisk', 'Støtteområde'] });
    expect(listOf(S.budget, 'strategy')).toEqual({ tableColumn: { table: 'Strategier', column: 'Kode' } });
    expect(listOf(S.projects, 'strategy')).toEqual({ tableColumn: { table: 'Strategier', column: 'Kode' } });
    for (const spec of [S.jobTargets, S.resultatmal, S.reports, S.projects]) {
      expect(listOf(spec, 'naering')).toEqual({ tableColumn: { table: 'Naeringer', column: 'Næring' } });
    }
    for (const spec of [S.resultatmal, S.resultatmalSum, S.budget, S.frames, S.financing, S.delmal, S.tiltak]) {
      expect(listOf(spec, 'year')).toEqual({ values: ['2022', '2023', '2024'] });
    }
  });

  it('holds the programme set-up', () => {
    const program = Object.fromEntries(table(sample, S.program).rows.map((r): [string, CellInput] => [text(r[0]), r[1] ?? null]));
    expect(program).toEqual({
      [PROGRAM_FIELDS.name]: 'Sats på Hallingdal',
      [PROGRAM_FIELDS.region]: 'Hallingdal',
      [PROGRAM_FIELDS.firstYear]: 2022,
      [PROGRAM_FIELDS.lastYear]: 2024,
      [PROGRAM_FIELDS.planYear]: 2022,
      [PROGRAM_FIELDS.jobGoal]: 200,
    });
  });

  it('has six areas, 1–4 thematic and 5–6 support, and strategies A–M', () => {
    const areas = table(sample, S.areas);
    expect(column(areas, h(S.areas, 'nr'))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(column(areas, h(S.areas, 'type'))).toEqual([
      ...Array<string>(4).fill(AREA_TYPES.thematic),
      AREA_TYPES.support,
      AREA_TYPES.support,
    ]);
    const strategies = records(table(sample, S.strategies));
    expect(strategies.map((s) => s[h(S.strategies, 'code')])).toEqual([...THEMATIC, 'K', 'L', 'M']);
    expect(strategies.map((s) => s[h(S.strategies, 'area')])).toEqual([1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
    expect(strategies[0]?.[h(S.strategies, 'name')]).toBe('Rekruttering');
    expect(strategies[1]?.[h(S.strategies, 'description')]).toBe(
      'Økt konkurransekraft gjennom kompetanseutvikling som strategisk verktøy. Avdekke kompetansebehov og bidra til at behov dekkes gjennom ulike tiltak',
    );
  });

  it('sums the strategy budgets per area to the published frames (§3, §4)', () => {
    const areaOf = new Map(table(sample, S.strategies).rows.map((r) => [r[0], r[2]]));
    const perArea = new Map<CellInput, number>();
    for (const b of records(table(sample, S.budget))) {
      expect(b[h(S.budget, 'year')]).toBe(2022);
      const area = areaOf.get(b[h(S.budget, 'strategy')] ?? null);
      expect(area).toBeDefined();
      perArea.set(area ?? null, (perArea.get(area ?? null) ?? 0) + num(b[h(S.budget, 'amount')]));
    }
    expect([1, 2, 3, 4, 5, 6].map((a) => perArea.get(a))).toEqual([800_000, 1_200_000, 400_000, 800_000, 200_000, 200_000]);
  });

  it('has the §4 frame lines, ending with the 4 600 000 total', () => {
    const frames = table(sample, S.frames);
    const posts = column(frames, h(S.frames, 'post'));
    const amounts = column(frames, h(S.frames, 'amount'));
    expect(posts.at(-1)).toBe('Sum totalt');
    expect(amounts.at(-1)).toBe(4_600_000);
    expect(amounts[posts.indexOf('Sum innsatsområder')]).toBe(3_600_000);
    // The area lines are named exactly as the areas.
    expect(posts.slice(0, 6)).toEqual(column(table(sample, S.areas), h(S.areas, 'name')));
  });

  it('gives financing in millions as published', () => {
    const financing = table(sample, S.financing);
    // Forslag: empty in the published plan; next year's plan marks its proposals there
    expect(financing.header).toEqual(['År', 'Kilde', 'Beløp (mill. kr)', 'Forslag']);
    expect(financing.numberFormats?.[2]).toBe('0.0');
    expect(financing.rows).toEqual([
      [2022, 'Viken fylkeskommune', 4.0, null],
      [2022, 'kommunene', 0.6, null],
      [2022, 'Sum', 4.6, null],
    ]);
  });

  it('keeps the job targets per næring and the published total row (§2.1)', () => {
    const jobs = table(sample, S.jobTargets);
    expect(jobs.header).toEqual(['Næring', '2022', '2023', '2024', 'Sum']);
    expect(jobs.totalRow).toEqual(['Sum', 40, 60, 100, 200]);
    expect(jobs.rows).toEqual([
      ['Opplevelsesnæring', 5, 10, 15, 30],
      ['Bygg og anlegg', 10, 15, 25, 50],
      ['Industri', 10, 15, 25, 50],
      ['Øvrig næringsliv', 15, 20, 35, 70],
    ]);
    expect(column(jobs, h(S.jobTargets, 'naering'))).toEqual(column(table(sample, S.naeringer), h(S.naeringer, 'name')));
  });

  it('keeps the resultatmål as published, including the sum that does not add up (§3)', () => {
    const resultatmal = table(sample, S.resultatmal);
    expect(resultatmal.header).toEqual(['År', 'Næring', ...THEMATIC, 'Sum']);
    const rows = records(resultatmal);
    const ovrig = rows.find((r) => r[h(S.resultatmal, 'naering')] === 'Øvrig næringsliv');
    expect(ovrig).toBeDefined();
    const cells = THEMATIC.map((code) => ovrig?.[code] ?? null);
    // A1 B1 C2 D1 E2 F1 I1 J1 as published: the cells add up to 10, the declared sum is 15.
    expect(cells.reduce<number>((sum, c) => sum + (c === null ? 0 : num(c)), 0)).toBe(10);
    expect(ovrig?.[h(S.resultatmal, 'sum')]).toBe(15);
    // Blank cells stay empty, not 0.
    const opplevelse = rows.find((r) => r[h(S.resultatmal, 'naering')] === 'Opplevelsesnæring');
    expect(THEMATIC.map((code) => opplevelse?.[code])).toEqual([null, null, 2, null, 1, 2, null, null, null, null]);
    expect(rows.map((r) => r[h(S.resultatmal, 'sum')])).toEqual([5, 10, 10, 15]);
  });

  it('keeps the declared resultatmål sums per area and in total', () => {
    expect(table(sample, S.resultatmalSum).rows).toEqual([
      [2022, 1, 13],
      [2022, 2, 21],
      [2022, 3, 0],
      [2022, 4, 6],
      [2022, 'Sum', 40],
    ]);
  });

  it('uses only known strategy codes in Delmal and Tiltak', () => {
    const codes = new Set(column(table(sample, S.strategies), h(S.strategies, 'code')).map(text));
    for (const [spec, t] of [
      [S.delmal, table(sample, S.delmal)],
      [S.tiltak, table(sample, S.tiltak)],
    ] as const) {
      const used = column(t, h(spec, 'strategies'));
      expect(used.length).toBeGreaterThan(0);
      for (const value of used) {
        for (const code of expandCodes(text(value))) expect(codes.has(code)).toBe(true);
      }
    }
    // Every strategy has at least one tiltak and one delmål.
    for (const spec of [S.delmal, S.tiltak]) {
      const covered = new Set(column(table(sample, spec), h(spec, 'strategies')).flatMap((v) => expandCodes(text(v))));
      expect([...codes].filter((c) => !covered.has(c))).toEqual([]);
    }
  });

  it('reads the delmål minima from the text', () => {
    const delmal = table(sample, S.delmal);
    // the four minima (the Forslag column after them is empty in the published plan)
    const byCode = new Map(delmal.rows.map((r) => [r[1], r.slice(3, 7)]));
    expect(byCode.get('A')).toEqual([2, 1, 5, null]);
    expect(byCode.get('C')).toEqual([1, 1, null, null]);
    expect(byCode.get('D')).toEqual([null, 1, null, null]);
    expect(byCode.get('E-F')).toEqual([5, null, null, 3]);
    expect(byCode.get('I-J')).toEqual([3, 1, 5, null]);
    expect(byCode.get('K')).toEqual([1, null, null, null]);
    expect(delmal.rows).toHaveLength(10);
  });

  it('has the tiltak of both tables, with M\'s "Ikke konkretisert" once', () => {
    const texts = table(sample, S.tiltak).rows.map((r) => [r[1], r[2]]);
    expect(texts).toHaveLength(21);
    expect(texts.filter(([, text]) => text === 'Ikke konkretisert')).toEqual([['M', 'Ikke konkretisert']]);
    expect(texts).toContainEqual(['E-F', 'Dialog med etablerere og bedrifter']);
    expect(texts).toContainEqual(['E', 'Etablere virksomhet']);
    expect(texts).toContainEqual(['F', 'Etablere prosjekter']);
  });

  it('leaves Omdisponeringer, Prosjekter and Rapporter empty', () => {
    for (const spec of [S.reallocations, S.projects, S.reports]) expect(table(sample, spec).rows).toEqual([]);
  });

  it('places no two tables (with their captions) on overlapping cells of one sheet', () => {
    const placements = [...placeTables(sample).values()];
    expect(placements).toHaveLength(sample.tables.length);
    expect(overlapping(placements)).toEqual([]);
  });

  it('returns a fresh copy each call', () => {
    const first = hallingdalSample();
    first.tables[0]?.rows.pop();
    expect(hallingdalSample()).toEqual(sample);
  });
});

describe('templateWorkbook', () => {
  const sample = hallingdalSample();

  it('has the same tables and headers as the sample, with no rows but the programme settings', () => {
    const template = templateWorkbook({ firstYear: 2022, lastYear: 2024, strategyCodes: THEMATIC });
    expect(template.sheets).toEqual(sample.sheets);
    expect(template.tables.map((t) => t.name)).toEqual(sample.tables.map((t) => t.name));
    for (const [i, t] of template.tables.entries()) {
      const fromSample = sample.tables[i];
      if (t.name === 'Program')
        expect(t.rows.map((r) => r[0])).toEqual(['Programnavn', 'Region', 'Første år', 'Siste år', 'Handlingsplanår', 'Arbeidsplassmål']);
      else expect(t.rows).toEqual([]);
      expect(t.sheet).toBe(fromSample?.sheet);
      expect(t.caption).toBe(fromSample?.caption);
      expect(t.lists).toEqual(fromSample?.lists);
      // The sample states financing in millions, the template in kroner.
      expect(t.header.map((header, c) => matches(fromSample?.header[c] ?? '', header))).toEqual(t.header.map(() => true));
    }
    expect(table(template, TABLES.financing).header).toEqual(['År', 'Kilde', 'Beløp', 'Forslag']);
    expect(table(template, TABLES.jobTargets).totalRow).toEqual(['Sum', null, null, null, null]);
  });

  it('builds year columns and year lists for the given period', () => {
    const template = templateWorkbook({ firstYear: 2025, lastYear: 2027 });
    const jobs = table(template, TABLES.jobTargets);
    expect(jobs.header).toEqual(['Næring', '2025', '2026', '2027', 'Sum']);
    expect(jobs.numberFormats).toEqual([undefined, '0', '0', '0', '0']);
    const budget = table(template, TABLES.budget);
    expect(budget.lists?.[0]).toEqual({ values: ['2025', '2026', '2027'] });
    // No strategy columns unless asked for.
    expect(table(template, TABLES.resultatmal).header).toEqual(['År', 'Næring', 'Sum']);
  });

  it('defaults to a three-year period', () => {
    expect(table(templateWorkbook({ firstYear: 2030 }), TABLES.jobTargets).header).toEqual(['Næring', '2030', '2031', '2032', 'Sum']);
    expect(table(templateWorkbook({ lastYear: 2030 }), TABLES.jobTargets).header).toEqual(['Næring', '2028', '2029', '2030', 'Sum']);
    expect(table(templateWorkbook(), TABLES.jobTargets).header).toEqual(['Næring', '2022', '2023', '2024', 'Sum']);
  });

  it('puts strategy columns after Næring in Resultatmal', () => {
    const template = templateWorkbook({ strategyCodes: [' A ', 'B'] });
    expect(table(template, TABLES.resultatmal).header).toEqual(['År', 'Næring', 'A', 'B', 'Sum']);
  });

  it('rejects a reversed or broken period and bad strategy codes', () => {
    expect(() => templateWorkbook({ firstYear: 2027, lastYear: 2025 })).toThrow(RangeError);
    expect(() => templateWorkbook({ firstYear: 2022.5 })).toThrow(RangeError);
    expect(() => templateWorkbook({ firstYear: 2000, lastYear: 2100 })).toThrow(RangeError);
    expect(() => templateWorkbook({ strategyCodes: ['A', 'a'] })).toThrow(RangeError);
    expect(() => templateWorkbook({ strategyCodes: [''] })).toThrow(RangeError);
    expect(() => templateWorkbook({ strategyCodes: ['Sum'] })).toThrow(RangeError);
  });

  it('places no two tables on overlapping cells, and the two registers side by side so both can grow', () => {
    const placements = placeTables(templateWorkbook());
    expect(overlapping([...placements.values()])).toEqual([]);
    const projects = placements.get(TABLES.projects.name)!;
    const reports = placements.get(TABLES.reports.name)!;
    expect(reports.sheet).toBe(projects.sheet);
    expect(reports.firstColumn).toBe(projects.lastColumn + 2);
    expect(reports.captionRow ?? reports.headerRow).toBe(projects.captionRow ?? projects.headerRow);
    // Nothing below either register on its sheet.
    for (const p of placements.values()) {
      if (p.sheet === projects.sheet && p !== projects && p !== reports) expect(p.firstColumn).toBeGreaterThan(reports.lastColumn);
    }
  });
});

/** Pairs of tables on one sheet whose blocks (caption to total row, first to last column) share a cell. */
function overlapping(placements: TablePlacement[]): string[] {
  const found: string[] = [];
  for (const [i, a] of placements.entries()) {
    for (const b of placements.slice(i + 1)) {
      if (a.sheet !== b.sheet) continue;
      const top = (p: TablePlacement) => p.captionRow ?? p.headerRow;
      const bottom = (p: TablePlacement) => p.totalRow ?? p.lastBodyRow;
      const rows = !(bottom(a) < top(b) || bottom(b) < top(a));
      const columns = !(a.lastColumn < b.firstColumn || b.lastColumn < a.firstColumn);
      if (rows && columns) found.push(`${a.sheet}: ${top(a)}–${bottom(a)} / ${top(b)}–${bottom(b)}`);
    }
  }
  return found;
}
