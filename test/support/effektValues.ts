import { TABLES } from '../../src/core/contract/contract';
import type { CellInput, WorkbookData } from '../../src/core/contract/tableData';

/**
 * Indicator values added in the tests to the sample's Hallingdal kommuner — invented for the tests (Kilde
 * says so), never part of the sample. Worked out by hand:
 *   Folkemengde per kommune 2021 / 2022 / 2023 (Hol has no 2023 figure):
 *     3320 1000/1010/1020, 3322 3300/3290/3280, 3324 4600/4650/4700, 3326 2500/2520/2540, 3328 4700/4690/4680,
 *     3330 4400/4410 → region 2021 20 500, 2022 20 570, 2023 ufullstendig (5 of 6) → change unknown
 *   Folkemengde 20–39 år, the region typed whole: 2021 4 000, 2023 4 200 (2022, 2024: ingen data)
 *     → change 2021–2023 +200, +5 %
 *   Sysselsatte etter arbeidssted: nothing (ingen data)
 *   Kommune-NM-plassering, the region: 2021 120, 2022 110, 2023 `mye bedre` (cannot be read) → change unknown
 *   Panda-indeks (a free indicator), the region: 2021 50, 2024 55 → +5, +10 %
 */
export const TEST_SOURCE = 'Testverdier (ikke SSB)';

const POPULATION: [string, number, number, number | null][] = [
  ['3320', 1000, 1010, 1020],
  ['3322', 3300, 3290, 3280],
  ['3324', 4600, 4650, 4700],
  ['3326', 2500, 2520, 2540],
  ['3328', 4700, 4690, 4680],
  ['3330', 4400, 4410, null],
];

export function effektRows(): CellInput[][] {
  const rows: CellInput[][] = [];
  for (const [nr, a, b, c] of POPULATION) {
    rows.push([2021, 'Folkemengde', nr, a, TEST_SOURCE, null], [2022, 'Folkemengde', nr, b, TEST_SOURCE, null]);
    if (c !== null) rows.push([2023, 'Folkemengde', nr, c, TEST_SOURCE, null]);
  }
  rows.push(
    [2021, 'Folkemengde 20-39 år', null, 4000, TEST_SOURCE, null],
    [2023, 'Folkemengde 20–39 år', null, 4200, TEST_SOURCE, null],
    [2021, 'Kommune-NM-plassering', null, 120, TEST_SOURCE, null],
    [2022, 'Kommune-NM-plassering', null, 110, TEST_SOURCE, null],
    [2023, 'Kommune-NM-plassering', null, 'mye bedre', TEST_SOURCE, null],
    [2021, 'Panda-indeks', null, 50, TEST_SOURCE, null],
    [2024, 'Panda-indeks', null, 55, TEST_SOURCE, null],
  );
  return rows;
}

/** `data` with the test's indicator values in its Effektindikatorer table. */
export function withEffektValues(data: WorkbookData): WorkbookData {
  const table = data.tables.find((t) => t.name === TABLES.indicators.name);
  if (table === undefined) throw new Error('no Effektindikatorer table');
  table.rows.push(...effektRows());
  return data;
}
