/**
 * @jest-environment jsdom
 */
/**
 * The pane in Excel mode over the real Office.js adapter and the strict Excel double (not a fake port): the
 * register forms append their row into the table the way Excel would (into the row below, the table grows,
 * no rows.add), and Generer styrerapport leaves the sheet with its chart — the whole Excel path, in two or
 * three round trips per action.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/adapters/office';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { App } from '../../src/taskpane/App';
import { loadCore } from '../../src/taskpane/session';
import { createExcelDouble, type ExcelDouble } from '../../src/adapters/office/double';
import { tableGrowth } from '../../src/adapters/office/double/growth';
import { setCell } from '../support/planBuilder';

// getBy… and findBy… queries throw when nothing (or more than one thing) matches: a bare query is an assertion.

const NOW = new Date('2026-11-27T10:15:00Z');

function button(name: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

async function renderOverDouble(data: WorkbookData = hallingdalDemo()): Promise<ExcelDouble> {
  const double = createExcelDouble({ data });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  render(<App host={{ kind: 'excel', port }} now={() => NOW} />);
  await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' });
  await waitFor(() => expect((button('Valider') as HTMLButtonElement).disabled).toBe(false));
  return double;
}

function tableRows(double: ExcelDouble, name: string): number {
  const table = double.state.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table.bounds.bottom - table.bounds.top;
}

beforeAll(async () => {
  await loadCore();
});

afterEach(cleanup);

test('Ny prosjektlederrapport writes one row below Rapporter, the table grows, and no row is inserted', async () => {
  const double = await renderOverDouble();
  const before = tableRows(double, 'Rapporter');
  fireEvent.click(button('Ny prosjektlederrapport'));
  await screen.findByRole('form', { name: 'Ny prosjektlederrapport' });
  fireEvent.change(screen.getByRole('combobox', { name: /^Prosjekt/ }), { target: { value: 'EKS-05' } });
  fireEvent.change(screen.getByLabelText(/Rapportdato/), { target: { value: '2024-03-31' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Nye arbeidsplasser/ }), { target: { value: '3' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Kommentar' }), { target: { value: '+3 fast ansatte' } });
  double.resetStats();
  fireEvent.click(button('Legg til'));
  const message = await screen.findByText(/Rapporten for EKS-05 er lagt til i tabellen Rapporter \(Prosjekter!(M\d+:S\d+)\)\./);
  // The form's check reads the workbook (2 round trips), the row is written in 2.
  expect(double.stats.syncs).toBe(4);
  expect(tableRows(double, 'Rapporter')).toBe(before + 1);
  expect(tableGrowth(double.state).calls).not.toContain('TableRowCollection.add');
  const range = /\((Prosjekter!)?(M\d+):S\d+\)/.exec(message.textContent ?? '')?.[2] ?? '';
  const row = Number(range.slice(1));
  const cell = (column: string) => double.cell('Prosjekter', `${column}${row}`);
  expect([cell('M')?.value, cell('N')?.value, cell('O')?.value, cell('P')?.value, cell('S')?.value]).toEqual([
    'EKS-05',
    expect.any(Number) as unknown,
    'Industri',
    3,
    '+3 fast ansatte',
  ]);
  expect(cell('N')?.numberFormat).toMatch(/yy/);
  expect(cell('S')?.numberFormat).toBe('@');
  expect(cell('S')?.formula).toBeUndefined();
});

test('Generer styrerapport leaves the board report with its chart in the workbook', async () => {
  const double = await renderOverDouble();
  double.resetStats();
  fireEvent.click(button('Generer styrerapport'));
  await screen.findByText('Arket «Styrerapport 2022» er laget.');
  // read (2) + render (3: look, write, the print setup in its own round trip)
  expect(double.stats.syncs).toBe(5);
  const sheet = double.sheet('Styrerapport 2022');
  expect(sheet.charts.map((c) => [c.type, c.series.map((s) => s.name)])).toEqual([['ColumnClustered', ['Mål 2022', 'Rapportert 2022']]]);
});

describe('Rett opp (one quick fix) checks the cell before it writes', () => {
  const typedAsText = () => setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000');
  const fixButton = () => button('Rett opp Budsjett!C28: Gjør om til tallet 400\u00a0000');

  async function validated(): Promise<ExcelDouble> {
    const double = await renderOverDouble(typedAsText());
    fireEvent.click(button('Valider'));
    await waitFor(() => fixButton());
    return double;
  }

  test('the cell as validated: read and written in 2 round trips, then validated again', async () => {
    const double = await validated();
    double.resetStats();
    fireEvent.click(fixButton());
    await screen.findByText(/Rettet Budsjett!C28\. Validert på nytt\./);
    // the fix (read, write) and the new validation (2)
    expect(double.stats.syncs).toBe(4);
    expect(double.cell('Budsjett', 'C28')).toMatchObject({ type: 'Double', value: 400000 });
  });

  test('typed into since Valider: left as it is, and the pane says so', async () => {
    const double = await validated();
    const context = double.context();
    context.workbook.worksheets.getItem('Budsjett').getRange('C28').values = [['ca. 400 000']];
    await context.sync();
    fireEvent.click(fixButton());
    await screen.findByText(/Budsjett!C28 er endret siden Valider og ble ikke rørt\. Validert på nytt\./);
    expect(double.cell('Budsjett', 'C28')).toMatchObject({ value: 'ca. 400 000' });
  });
});
