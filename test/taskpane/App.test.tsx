/**
 * @jest-environment ./test/support/paneEnvironment.js
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { WorkbookFileError, WorkbookOperationError } from '../../src/adapters/port';
import { App } from '../../src/taskpane/App';
import type { PaneHost } from '../../src/taskpane/host';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { tableByName } from '../../src/core/snapshot/fromTableData';
import { loadCore } from '../../src/taskpane/session';
import { RecordingPort, fakeFiles, sampleData, setBudget } from './fakes';

// getBy… and findBy… queries throw when nothing (or more than one thing) matches: a bare query is an assertion.

const NOW = new Date('2026-11-27T10:15:00Z');

function excel(port: RecordingPort): PaneHost {
  return { kind: 'excel', port };
}

async function renderExcel(given?: RecordingPort) {
  const port = given ?? (await RecordingPort.open(sampleData()));
  render(<App host={excel(port)} now={() => NOW} />);
  // The workbook is read on start: the header shows the programme.
  await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' });
  await waitFor(() => expect(isDisabled(button('Valider'))).toBe(false));
  return port;
}

function text(element: Element): string {
  return element.textContent ?? '';
}

function isDisabled(element: Element): boolean {
  return (element as HTMLButtonElement).disabled;
}

function button(name: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

async function validate(label = 'Valider') {
  fireEvent.click(button(label));
  await screen.findByRole('heading', { level: 2, name: /^(Funn|Findings)$/ });
}

// The pane loads the core lazily; load (and compile) it once up front so no test waits for that.
beforeAll(async () => {
  await loadCore();
});

afterEach(cleanup);

describe('Valider', () => {
  test('shows the sample’s 4 feil and 1 advarsel, grouped by severity and sheet', async () => {
    await renderExcel();
    await validate();

    const feil = screen.getByRole('button', { name: /^Feil\s*4$/ });
    const advarsler = screen.getByRole('button', { name: /^Advarsler\s*1$/ });
    expect(feil.getAttribute('aria-expanded')).toBe('true');
    expect(advarsler.getAttribute('aria-expanded')).toBe('true');
    screen.getByRole('heading', { level: 4, name: '4 på arket Mål' });
    screen.getByRole('heading', { level: 4, name: '1 på arket Mål' });

    const targets = screen.getAllByRole('button', { name: /^Gå til Mål!/ }).map((b) => /Mål!([A-Z]+\d+)/.exec(b.textContent ?? '')?.[1]);
    expect(targets).toEqual(['M15', 'C20', 'C21', 'C24', 'B15']);
    // Expected and actual, next to the message.
    const m15 = button(/Mål!M15/);
    expect(text(m15)).toContain('Resultatmål 2022, Øvrig næringsliv: oppgitt sum stemmer ikke med strategiene.');
    expect(text(m15)).toContain('Forventet: 10');
    expect(text(m15)).toContain('Faktisk: 15');

    screen.getByText('Validert for 2022: 4 feil og 1 advarsel.');
  });

  test('numbers are written the Norwegian way', async () => {
    await renderExcel(await RecordingPort.open(sampleData(setBudget(0, '400 000'))));
    await validate();
    // Expected is the number 400 000 (grouped with a no-break space); actual is the cell's text as typed.
    expect(text(button(/^Gå til Budsjett!C28/))).toContain('Forventet: 400\u00a0000');
    expect(text(button(/^Gå til Budsjett!C28/))).toContain('Faktisk: 400 000');
  });

  test('clicking a finding selects its cell through the port', async () => {
    const port = await RecordingPort.open(sampleData());
    port.answersWithRow = false;
    await renderExcel(port);
    await validate();
    fireEvent.click(button(/Mål!M15/));
    await waitFor(() => expect(port.calls.select).toEqual([['Mål', 'M15']]));
    // In Excel the cell is selected there; the pane shows no row of its own.
    expect(screen.queryByText(/Raden i tabellen/)).toBeNull();
    expect(button(/Mål!M15/).getAttribute('aria-current')).toBe('true');
  });

  test('Rett opp applies the fix only when clicked, then validates again', async () => {
    const port = await renderExcel(await RecordingPort.open(sampleData(setBudget(0, '400 000'))));
    await validate();
    expect(port.calls.applyFixes).toEqual([]);
    const reads = port.calls.readSnapshot;

    fireEvent.click(screen.getByRole('button', { name: 'Rett opp Budsjett!C28: Gjør om til tallet 400\u00a0000' }));
    await screen.findByText(/Rettet Budsjett!C28\. Validert på nytt\./);

    expect(port.calls.applyFixes).toEqual([
      [expect.objectContaining({ kind: 'set-number', sheet: 'Budsjett', cell: 'C28', value: 400000 })],
    ]);
    expect(port.calls.readSnapshot).toBe(reads + 1);
    expect(screen.queryByRole('button', { name: /Budsjett!C28/ })).toBeNull();
  });

  test('a WorkbookOperationError is shown in its own words, without a stack', async () => {
    const port = await renderExcel();
    const error = new WorkbookOperationError(
      'protected',
      'Arket «Mål» er beskyttet. Opphev beskyttelsen og prøv igjen.',
      'Sheet "Mål" is protected.',
    );
    port.failures.readSnapshot = error;
    fireEvent.click(button('Valider'));
    await screen.findByText('Arket «Mål» er beskyttet. Opphev beskyttelsen og prøv igjen.');
    screen.getByText('Det gikk ikke');
    expect(document.body.textContent).not.toContain('at ');
    expect(document.body.textContent).not.toContain('WorkbookOperationError');
    expect(document.body.textContent).not.toContain('is protected');
  });

  test('any other error gets a general sentence, never its internals', async () => {
    const port = await renderExcel();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    port.failures.readSnapshot = new TypeError("Cannot read properties of undefined (reading 'values')");
    fireEvent.click(button('Valider'));
    await screen.findByText(/Noe uventet gikk galt/);
    expect(document.body.textContent).not.toContain('Cannot read properties');
    spy.mockRestore();
  });

  test('text from the workbook is rendered as text, never as markup', async () => {
    await renderExcel(await RecordingPort.open(sampleData(setBudget(1, '<b>x</b>'))));
    await validate();
    const finding = button(/^Gå til Budsjett!C29/);
    expect(text(finding)).toContain('«<b>x</b>» kan ikke leses som et tall (Beløp).');
    expect(finding.querySelector('b')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  test('buttons are disabled and progress is shown while an action runs', async () => {
    const port = await renderExcel();
    let open: () => void = () => undefined;
    port.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    fireEvent.click(button('Valider'));
    await screen.findByText('Validerer …');
    expect(isDisabled(button('Valider'))).toBe(true);
    expect(isDisabled(button('Generer handlingsplan'))).toBe(true);
    expect(isDisabled(button('Opprett / oppdater arbeidsbok'))).toBe(true);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    port.gate = null;
    await act(async () => {
      open();
      await Promise.resolve();
    });
    await screen.findByRole('heading', { level: 2, name: 'Funn' });
    expect(isDisabled(button('Valider'))).toBe(false);
  });
});

describe('Generer handlingsplan', () => {
  test('renders the year’s sheet through the port and says where it went', async () => {
    const port = await renderExcel();
    fireEvent.click(button('Generer handlingsplan'));
    await screen.findByText('Arket «Handlingsplan 2022» er laget.');
    expect(port.calls.renderLayout).toHaveLength(1);
    const layout = port.calls.renderLayout[0];
    expect(layout?.sheet).toBe('Handlingsplan 2022');
    expect(layout?.marker).toMatchObject({ kind: 'handlingsplan', year: 2022, generatedAt: NOW.toISOString() });
    expect(layout?.marker.inputDigest).toMatch(/^[0-9a-f]{14}$/);
    screen.getByText('Arket er merket som utkast: 4 feil i grunnlaget er markert.');

    // "Gå til arket" selects it.
    fireEvent.click(button('Gå til arket'));
    await waitFor(() => expect(port.calls.select).toContainEqual(['Handlingsplan 2022', 'A1']));
  });

  test('says so when a sheet of the user’s had the name, or an old one was replaced', async () => {
    // The user has a sheet of their own called Handlingsplan 2022.
    const port = await RecordingPort.open(sampleData((data) => data.sheets.push('Handlingsplan 2022')));
    await renderExcel(port);
    fireEvent.click(button('Generer handlingsplan'));
    await screen.findByText('Arket «Handlingsplan 2022 (2)» er laget.');
    screen.getByText('Du har et eget ark som heter «Handlingsplan 2022», så den nye fikk navnet «Handlingsplan 2022 (2)».');

    // Without a sheet of the user's in the way, generating again replaces the add-in's own sheet.
    await port.replace(sampleData());
    fireEvent.click(button('Generer handlingsplan'));
    await screen.findByText('Arket «Handlingsplan 2022» er laget.');
    fireEvent.click(button('Generer handlingsplan'));
    await screen.findByText('Det erstattet forrige versjon av arket.');
  });

  test('generates for the year picked in the programme period', async () => {
    const port = await renderExcel();
    const picker = screen.getByRole('combobox', { name: 'År' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2022', '2023', '2024']);
    expect((picker as HTMLSelectElement).value).toBe('2022');
    fireEvent.change(picker, { target: { value: '2023' } });
    fireEvent.click(button('Generer handlingsplan'));
    await screen.findByText('Arket «Handlingsplan 2023» er laget.');
    expect(port.calls.renderLayout[0]?.sheet).toBe('Handlingsplan 2023');
  });
});

describe('year', () => {
  test('a chosen year that the workbook’s period no longer has falls back to Handlingsplanår', async () => {
    const port = await renderExcel();
    const picker = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'År' });
    fireEvent.change(picker(), { target: { value: '2024' } });
    expect(picker().value).toBe('2024');
    // Meanwhile, in Excel, the period is shortened to 2022–2023.
    await port.replace(
      sampleData((data) => {
        const program = tableByName(data, 'Program');
        const row = program.rows.find((r) => r[0] === 'Siste år');
        if (!row) throw new Error('no Siste år');
        row[1] = 2023;
      }),
    );
    await validate();
    await waitFor(() => expect(picker().value).toBe('2022'));
    expect(
      within(picker())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2022', '2023']);
  });
});

function withoutRegisterAndBudgetProposal(data: WorkbookData): void {
  data.sheets = data.sheets.filter((sheet) => sheet !== 'Prosjekter');
  data.tables = data.tables.filter((table) => table.sheet !== 'Prosjekter');
  const budget = tableByName(data, 'Budsjett');
  const proposal = budget.header.indexOf('Forslag');
  budget.header.splice(proposal, 1);
  for (const row of budget.rows) row.splice(proposal, 1);
}

describe('Opprett / oppdater arbeidsbok', () => {
  test('creates the missing tables for the workbook’s period and reports them', async () => {
    // A workbook from before the project register and the Forslag column.
    const port = await renderExcel(RecordingPort.inExcel(sampleData(withoutRegisterAndBudgetProposal)));
    fireEvent.click(button('Opprett / oppdater arbeidsbok'));
    await screen.findByText('Nye ark: Prosjekter. Nye tabeller: Prosjekter, Rapporter. Nye kolonner: Budsjett[Forslag].');
    screen.getByText('Tabellene er laget for perioden 2022–2024.');
    const template = port.calls.createTemplate[0];
    expect(template?.tables.map((t) => t.name)).toContain('Program');
    expect(template?.tables.find((t) => t.name === 'Arbeidsplassmal')?.header).toEqual(expect.arrayContaining(['2022', '2023', '2024']));
  });

  test('an empty workbook is pointed to it', async () => {
    const port = await RecordingPort.open({ sheets: ['Ark1'], tables: [] });
    render(<App host={excel(port)} now={() => NOW} />);
    await screen.findByText(/Fant ingen av programmets tabeller i arbeidsboka\. Velg «Opprett \/ oppdater arbeidsbok»/);
  });
});

describe('language', () => {
  test('English changes the labels and the findings’ messages', async () => {
    await renderExcel();
    await validate();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));

    button('Validate');
    button('Generate action plan');
    button('Create / update workbook');
    expect(screen.queryByRole('button', { name: 'Valider' })).toBeNull();
    expect(text(button(/Mål!M15/))).toContain('Result targets 2022, Øvrig næringsliv: the declared sum does not match the strategies.');
    expect(text(button(/Mål!M15/))).toContain('Expected: 10');
    screen.getByRole('button', { name: /^Errors\s*4$/ });
    screen.getByText('Validated for 2022: 4 errors and 1 warning.');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Bytt til norsk' }));
    button('Valider');
    expect(document.documentElement.lang).toBe('nb');
  });
});

describe('standalone page', () => {
  test('?sample=1 opens the sample; a finding shows its table row; Generer downloads a copy', async () => {
    const files = fakeFiles();
    render(<App host={{ kind: 'standalone', files, preloadSample: true }} now={() => NOW} />);
    await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' });
    await screen.findByText('Åpnet sats-pa-hallingdal.xlsx.');
    expect(files.samples).toEqual(['published']);
    expect(files.opened).toHaveLength(0);
    // Excel-only action is not offered.
    expect(screen.queryByRole('button', { name: 'Opprett / oppdater arbeidsbok' })).toBeNull();

    await validate();
    fireEvent.click(button(/Mål!M15/));
    const row = await screen.findByRole('heading', { level: 4, name: 'Raden i tabellen Resultatmal' });
    const list = row.parentElement?.querySelector('dl');
    expect(list).toBeInstanceOf(HTMLElement);
    within(list as HTMLElement).getByText('Øvrig næringsliv');
    within(list as HTMLElement).getByText('Sum');
    expect(files.packages[0]?.calls.select).toEqual([['Mål', 'M15']]);

    fireEvent.click(button('Generer handlingsplan'));
    await screen.findByText(/ligger i en kopi av arbeidsboka/);
    expect(files.packages[0]?.calls.renderLayout[0]?.sheet).toBe('Handlingsplan 2022');
    expect(files.saved.map((s) => s.fileName)).toEqual(['sats-pa-hallingdal – handlingsplan 2022.xlsx']);
    screen.getByText(
      'Arket «Handlingsplan 2022» ligger i en kopi av arbeidsboka: sats-pa-hallingdal – handlingsplan 2022.xlsx. Originalfila er ikke endret.',
    );
    fireEvent.click(button('Last ned igjen'));
    expect(files.saved).toHaveLength(2);
  });

  test('opens a chosen .xlsx file and refuses other files', async () => {
    const files = fakeFiles();
    render(<App host={{ kind: 'standalone', files, preloadSample: false }} now={() => NOW} />);
    expect(isDisabled(button('Valider'))).toBe(true);
    const input = screen.getByLabelText('Velg en .xlsx-fil');

    const csv = new File(['a;b'], 'budsjett.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [csv] } });
    await screen.findByText(/Det er ikke en \.xlsx-fil/);
    expect(files.opened).toHaveLength(0);

    const xlsx = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'Hallingdal 2022.xlsx');
    fireEvent.change(input, { target: { files: [xlsx] } });
    await screen.findByText('Åpnet Hallingdal 2022.xlsx.');
    expect(Array.from(files.opened[0] ?? [])).toEqual([0x50, 0x4b, 3, 4]);
    expect(isDisabled(button('Valider'))).toBe(false);
  });

  test('a file the adapter cannot use shows the adapter’s message', async () => {
    const files = fakeFiles();
    files.open = () =>
      Promise.reject(new WorkbookFileError('encrypted', 'Arbeidsboka er kryptert (passordbeskyttet).', 'The workbook is encrypted.'));
    render(<App host={{ kind: 'standalone', files, preloadSample: false }} now={() => NOW} />);
    fireEvent.drop(screen.getByRole('group', { name: 'Åpne en arbeidsbok' }), {
      dataTransfer: { files: [new File([new Uint8Array([1])], 'hemmelig.xlsx')] },
    });
    await screen.findByText('Arbeidsboka er kryptert (passordbeskyttet).');
  });
});
