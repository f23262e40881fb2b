/**
 * @jest-environment ./test/support/paneEnvironment.js
 */
/**
 * The pane over the Office adapter and the strict Excel double: live checks follow an edit in a contract
 * table (the header's count, what is new and fixed), the switch turns them off and is stored in the
 * workbook's settings, and Ny omdisponering shows the frames before and after and appends its row. The
 * standalone page says live checks need Excel.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/adapters/office';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { App } from '../../src/taskpane/App';
import type { WorkbookSetting } from '../../src/taskpane/host';
import { loadCore } from '../../src/taskpane/session';
import { createExcelDouble, type ExcelDouble } from '../../src/adapters/office/double';
import { fakeFiles } from './fakes';

const NOW = new Date('2026-11-27T10:15:00Z');

function button(name: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

function memorySetting(initial: boolean | null): WorkbookSetting & { writes: boolean[] } {
  let value = initial;
  const writes: boolean[] = [];
  return {
    writes,
    read: () => value,
    write: (on) => {
      value = on;
      writes.push(on);
      return Promise.resolve();
    },
  };
}

async function renderOverDouble(setting = memorySetting(null)): Promise<ExcelDouble> {
  const double = createExcelDouble({ data: hallingdalDemo() });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  render(<App host={{ kind: 'excel', port, liveChecks: setting }} now={() => NOW} livePauseMs={30} />);
  await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' }, { timeout: 15000 });
  await waitFor(() => expect((button('Valider') as HTMLButtonElement).disabled).toBe(false), { timeout: 15000 });
  await waitFor(() => expect(double.tableChangedHandlers).toBe(1), { timeout: 15000 });
  return double;
}

function count(): string {
  return document.querySelector('[data-check-count]')?.textContent ?? '';
}

/** Budsjett's Beløp in the first body row. */
function budgetCell(double: ExcelDouble): { sheet: string; address: string } {
  const t = double.state.table('Budsjett');
  if (!t) throw new Error('no Budsjett');
  const column = [0, 1, 2, 3].find((i) => t.sheet.cell(t.bounds.top, t.bounds.left + i)?.value === 'Beløp');
  if (column === undefined) throw new Error('no Beløp');
  return { sheet: t.sheet.name, address: `${String.fromCharCode(65 + t.bounds.left - 1 + column)}${t.bounds.top + 1}` };
}

beforeAll(async () => {
  await loadCore();
});

afterEach(cleanup);

jest.setTimeout(60_000);

test('an edit in a contract table is checked after the pause: the header counts, with what is new', async () => {
  const double = await renderOverDouble();
  fireEvent.click(button('Valider'));
  await waitFor(() => expect(count()).toMatch(/^\d+ feil · \d+ advars/), { timeout: 15000 });
  const [feil, advarsler] = (count().match(/\d+/g) ?? []).map(Number);
  const at = budgetCell(double);
  const was = double.cell(at.sheet, at.address)?.value as number;
  double.edit(at.sheet, at.address, 'mye');
  // Text in an amount: one more error. The grants against that budget are not checked against an amount that
  // cannot be read (never a confident false figure), so no warning comes with it.
  await waitFor(() => expect(count()).toBe(`${feil! + 1} feil · ${advarsler} advarsler1 nytt · 0 rettet siden forrige kontroll`), {
    timeout: 15000,
  });
  expect(screen.getByText('Kontrollert etter 1 endring.')).toBeTruthy();
  double.edit(at.sheet, at.address, was, 'remote');
  await waitFor(() => expect(count()).toBe(`${feil} feil · ${advarsler} advarsler0 nye · 1 rettet siden forrige kontroll`), {
    timeout: 15000,
  });
  expect(screen.getByText('Kontrollert etter 1 endring (1 fra andre).')).toBeTruthy();
});

test('the switch turns live checks off, stores it in the workbook, and edits then wait for Valider', async () => {
  const setting = memorySetting(null);
  const double = await renderOverDouble(setting);
  const toggle = screen.getByRole('switch', { name: 'Kontroller mens du skriver' });
  expect((toggle as HTMLInputElement).checked).toBe(true);
  fireEvent.click(toggle);
  await waitFor(() => expect(double.tableChangedHandlers).toBe(0));
  expect(setting.writes).toEqual([false]);
  const at = budgetCell(double);
  double.resetStats();
  double.edit(at.sheet, at.address, 'mye');
  await new Promise((resolve) => setTimeout(resolve, 120));
  expect(double.stats.syncs).toBe(0);
  expect(count()).toBe('');
});

test('a workbook stored with live checks off opens with them off', async () => {
  const double = await (async () => {
    const d = createExcelDouble({ data: hallingdalDemo() });
    render(
      <App
        host={{ kind: 'excel', port: new OfficeWorkbook(d.run, { isSupported: d.supports }), liveChecks: memorySetting(false) }}
        now={() => NOW}
      />,
    );
    await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' }, { timeout: 15000 });
    return d;
  })();
  expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Kontroller mens du skriver' }).checked).toBe(false);
  expect(double.tableChangedHandlers).toBe(0);
});

test('Ny omdisponering shows the frames before and after, refuses a negative frame, and appends one row', async () => {
  const double = await renderOverDouble();
  fireEvent.click(button('Ny omdisponering'));
  const form = await screen.findByRole('form', { name: 'Ny omdisponering' }, { timeout: 15000 });
  const f = within(form);
  fireEvent.change(f.getByRole('combobox', { name: /^Fra/ }), { target: { value: '3. Kommunikasjon og samferdsel' } });
  fireEvent.change(f.getByRole('combobox', { name: /^Til/ }), { target: { value: 'A' } });
  fireEvent.change(f.getByRole('textbox', { name: /^Beløp/ }), { target: { value: '400 000' } });
  fireEvent.change(f.getByLabelText(/^Dato/), { target: { value: '2022-10-01' } });
  fireEvent.change(f.getByRole('textbox', { name: /^Vedtak/ }), { target: { value: 'Styresak 12/22' } });
  const table = f.getByRole('table', { name: 'Rammer 2022 før og etter' });
  const row3 = within(table).getByRole('row', { name: /^3\. Kommunikasjon/ });
  expect(row3.textContent?.replace(/\u00a0/g, ' ')).toBe('3. Kommunikasjon og samferdsel300 000-100 000');
  fireEvent.click(f.getByRole('button', { name: 'Legg til' }));
  await screen.findByText(/å flytte 400 000 kr ville gjort den negativ/, {}, { timeout: 15000 });
  const rows = double.state.table('Omdisponeringer')!.bounds.bottom;
  fireEvent.change(f.getByRole('textbox', { name: /^Beløp/ }), { target: { value: '50 000' } });
  expect(
    within(table)
      .getByRole('row', { name: /^1\. Kompetanse/ })
      .textContent?.replace(/\u00a0/g, ' '),
  ).toBe('1. Kompetanse og rekruttering900 000950 000');
  double.resetStats();
  fireEvent.click(f.getByRole('button', { name: 'Legg til' }));
  await screen.findByText(
    /Omdisponeringen 3\. Kommunikasjon og samferdsel → A er lagt til i tabellen Omdisponeringer/,
    {},
    { timeout: 15000 },
  );
  // The check reads the workbook (2 round trips); the row is written in 2.
  expect(double.stats.syncs).toBe(4);
  expect(double.state.table('Omdisponeringer')!.bounds.bottom).toBe(rows + 1);
  expect(screen.getByText(/Flytt også strategienes beløp i Budsjett/)).toBeTruthy();
});

test('the standalone page says live checks need Excel, and offers Ny omdisponering too', async () => {
  const files = fakeFiles();
  render(<App host={{ kind: 'standalone', files, preloadSample: true }} now={() => NOW} />);
  await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' }, { timeout: 15000 });
  expect(screen.getByText('Kontroll mens du skriver krever Excel. Her validerer du med Valider.')).toBeTruthy();
  expect(screen.queryByRole('switch')).toBeNull();
  expect(button('Ny omdisponering')).toBeTruthy();
});
