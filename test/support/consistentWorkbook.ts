import type { WorkbookData } from '../../src/core/contract/tableData';
import { templateWorkbook } from '../../src/core/template/template';

/**
 * The contract's template for 2022–2024 with one area, one strategy and one næring, filled in so that every
 * sum adds up: no finding of severity feil. The round-trip test writes and validates it; the end-to-end tests open it.
 */
export function consistentWorkbook(): WorkbookData {
  const template = templateWorkbook({ firstYear: 2022, lastYear: 2024, strategyCodes: ['A'] });
  const set = (name: string, rows: (string | number | null)[][]) => {
    const table = template.tables.find((x) => x.name === name);
    if (!table) throw new Error(`the template has no table ${name}`);
    table.rows = rows;
    return table;
  };
  set('Program', [
    ['Programnavn', 'Testdal'],
    ['Region', 'Testdal'],
    ['Første år', 2022],
    ['Siste år', 2024],
    ['Handlingsplanår', 2022],
    ['Arbeidsplassmål', 6],
  ]);
  set('Innsatsomrader', [[1, 'Kompetanse', 'Tematisk']]);
  set('Strategier', [['A', 'Rekruttering', 1, 'Rekruttere folk']]);
  set('Naeringer', [[1, 'Industri']]);
  const targets = set('Arbeidsplassmal', [['Industri', 1, 2, 3, 6]]);
  targets.totalRow = ['Sum', 1, 2, 3, 6];
  set('Resultatmal', [[2022, 'Industri', 1, 1]]);
  set('ResultatmalSum', [
    [2022, 1, 1],
    [2022, 'Sum', 1],
  ]);
  set('Budsjett', [[2022, 'A', 100000]]);
  set('Rammer', [
    [2022, 'Kompetanse', 100000],
    [2022, 'Sum innsatsområder', 100000],
    [2022, 'Administrasjon', 10000],
    [2022, 'Sum totalt', 110000],
  ]);
  set('Finansiering', [
    [2022, 'Fylket', 110000],
    [2022, 'Sum', 110000],
  ]);
  return template;
}
