import { TABLES } from '../contract/contract';
import type { CellInput, WorkbookData } from '../contract/tableData';
import { headerOf } from '../template/template';
import { hallingdalDemo } from './demo';

/**
 * The demo workbook plus `count` project-leader reports whose *Nye arbeidsplasser* were pasted from another
 * system as text ("1"): `count` findings of values.number-as-text in Rapporter · Nye arbeidsplasser, each with
 * a quick fix. The workbook of issue 17, at any size.
 */
export function reportsWithJobsAsText(count: number): WorkbookData {
  const data = hallingdalDemo();
  const reports = data.tables.find((t) => t.name === TABLES.reports.name);
  if (!reports) throw new Error('the demo has no Rapporter');
  const column = (name: string): number => {
    const index = reports.header.indexOf(name);
    if (index < 0) throw new Error(`Rapporter has no column ${name}`);
    return index;
  };
  const first = reports.rows[0];
  if (!first) throw new Error('the demo has no reports');
  const jobs = column(headerOf(TABLES.reports, 'jobs'));
  const comment = column(headerOf(TABLES.reports, 'comment'));
  for (let i = 0; i < count; i++) {
    const row: CellInput[] = [...first];
    row[jobs] = '1';
    row[comment] = `Importert rapport ${i + 1}`;
    reports.rows.push(row);
  }
  return data;
}
