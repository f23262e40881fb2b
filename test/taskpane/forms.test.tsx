/**
 * @jest-environment ./test/support/paneEnvironment.js
 */
/**
 * The register forms in the pane: Nytt prosjekt and Ny prosjektlederrapport open with dropdowns from the
 * workbook, refuse wrong input with a message at each field and write nothing, and append exactly one typed
 * row when everything is right. Styrerapport sits next to Generer.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { loadCore } from '../../src/taskpane/session';
import { RecordingPort, fakeFiles, sampleData } from './fakes';

// getBy… and findBy… queries throw when nothing (or more than one thing) matches: a bare query is an assertion.

const NOW = new Date('2026-11-27T10:15:00Z');

function button(name: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

function isDisabled(element: Element): boolean {
  return (element as HTMLButtonElement).disabled;
}

async function renderDemo(given?: RecordingPort) {
  const port = given ?? (await RecordingPort.open(hallingdalDemo()));
  render(<App host={{ kind: 'excel', port }} now={() => NOW} />);
  await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' });
  await waitFor(() => expect(isDisabled(button('Valider'))).toBe(false));
  return port;
}

function field(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

function type(label: string | RegExp, value: string): void {
  fireEvent.change(field(label), { target: { value } });
}

function choose(name: string | RegExp, value: string): void {
  fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });
}

beforeAll(async () => {
  await loadCore();
});

afterEach(cleanup);

describe('Nytt prosjekt', () => {
  test('opens with the workbook’s strategies, næringer, phases and statuses; the first field has the focus', async () => {
    await renderDemo();
    fireEvent.click(button('Nytt prosjekt'));
    // The first form of the file loads the lazy forms module (ts-jest compiles it on first use): slow on a busy machine.
    const form = await screen.findByRole('form', { name: 'Nytt prosjekt' }, { timeout: 15_000 });
    const strategy = within(form).getByRole('combobox', { name: /Strategi/ });
    const options = within(strategy)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options[0]).toBe('Velg …');
    expect(options).toContain('A. Rekruttering');
    expect(options).toContain('M. Bostedsattraktivitet');
    expect(
      within(within(form).getByRole('combobox', { name: 'Næring' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Velg …', 'Opplevelsesnæring', 'Bygg og anlegg', 'Industri', 'Øvrig næringsliv']);
    expect(
      within(within(form).getByRole('combobox', { name: 'PLP-fase' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Velg …', 'Forstudie', 'Forprosjekt', 'Hovedprosjekt']);
    await waitFor(() => expect(document.activeElement).toBe(field(/ProsjektID/)));
  });

  test('wrong input shows a message at each wrong field, moves the focus there, and writes nothing', async () => {
    const port = await renderDemo();
    fireEvent.click(button('Nytt prosjekt'));
    await screen.findByRole('form', { name: 'Nytt prosjekt' });
    type(/ProsjektID/, 'EKS-01');
    type(/Innvilget/, '12,5');
    fireEvent.click(button('Legg til'));
    await screen.findByText('Det finnes allerede et prosjekt med denne ID-en.');
    expect(screen.getAllByText('Må fylles ut.')).toHaveLength(2); // Prosjektnavn and Strategi
    screen.getByText('Må være et helt tall.');
    screen.getByText('4 felt må rettes før raden kan legges til. Ingenting er skrevet.');
    expect(field(/ProsjektID/).getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(field(/ProsjektID/)));
    expect(port.calls.appendRow).toEqual([]);
  });

  test('valid input appends exactly one row with typed values and says where it went', async () => {
    const port = await renderDemo();
    fireEvent.click(button('Nytt prosjekt'));
    await screen.findByRole('form', { name: 'Nytt prosjekt' });
    type(/ProsjektID/, 'EKS-09');
    type(/Prosjektnavn/, 'Eksempel: Ny satsing');
    type(/Strategi/, 'B');
    type('Næring', 'Industri');
    type('Status', 'innvilget');
    type('Vedtaksdato', '2023-02-01');
    type(/Innvilget/, '250 000');
    fireEvent.click(button('Legg til'));
    await screen.findByText(/Prosjektet EKS-09 er lagt til i tabellen Prosjekter \(Prosjekter!A\d+:K\d+\)\./);
    expect(port.calls.appendRow).toEqual([
      {
        table: 'Prosjekter',
        values: {
          ProsjektID: 'EKS-09',
          Prosjekt: 'Eksempel: Ny satsing',
          Strategi: 'B',
          Næring: 'Industri',
          Status: 'Innvilget',
          Vedtaksdato: { date: '2023-02-01' },
          Innvilget: 250000,
        },
      },
    ]);
    expect(screen.queryByRole('form')).toBeNull();
    fireEvent.click(button('Gå til raden'));
    await waitFor(() => expect(port.calls.select[0]?.[0]).toBe('Prosjekter'));
  });

  test('Avbryt closes the form without writing', async () => {
    const port = await renderDemo();
    fireEvent.click(button('Nytt prosjekt'));
    await screen.findByRole('form', { name: 'Nytt prosjekt' });
    type(/ProsjektID/, 'EKS-10');
    fireEvent.click(button('Avbryt'));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(port.calls.appendRow).toEqual([]);
  });
});

describe('Ny prosjektlederrapport', () => {
  test('offers the register’s projects, takes the project’s næring, and appends one typed row', async () => {
    const port = await renderDemo();
    fireEvent.click(button('Ny prosjektlederrapport'));
    const form = await screen.findByRole('form', { name: 'Ny prosjektlederrapport' });
    const project = within(form).getByRole('combobox', { name: /Prosjekt/ });
    expect(within(project).getAllByRole('option')).toHaveLength(9);
    choose(/^Prosjekt/, 'EKS-03');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: /Næring/ }).value).toBe('Industri');
    type(/Rapportdato/, '2023-06-30');
    type(/Nye arbeidsplasser/, '2');
    type('Kommentar', '=HYPERLINK("x")');
    fireEvent.click(button('Legg til'));
    await screen.findByText(/Rapporten for EKS-03 er lagt til i tabellen Rapporter \(Prosjekter!M\d+:S\d+\)\./);
    expect(port.calls.appendRow).toEqual([
      {
        table: 'Rapporter',
        values: {
          ProsjektID: 'EKS-03',
          Rapportdato: { date: '2023-06-30' },
          Næring: 'Industri',
          'Nye arbeidsplasser': 2,
          Kommentar: '=HYPERLINK("x")',
        },
      },
    ]);
  });

  test('a project without a grant is flagged at the field; a date outside the period is refused', async () => {
    const port = await renderDemo();
    fireEvent.click(button('Ny prosjektlederrapport'));
    await screen.findByRole('form', { name: 'Ny prosjektlederrapport' });
    choose(/^Prosjekt/, 'EKS-06');
    screen.getByText('Prosjektet har ikke fått innvilget støtte: arbeidsplassene telles ikke før det har det.');
    type(/Rapportdato/, '2025-01-15');
    type(/Nye arbeidsplasser/, '1');
    fireEvent.click(button('Legg til'));
    await screen.findByText('Datoen må være i programperioden 2022–2024.');
    expect(port.calls.appendRow).toEqual([]);
  });

  test('the published plan has no projects yet: the pane says to add one first', async () => {
    const port = await RecordingPort.open(sampleData());
    render(<App host={{ kind: 'excel', port }} now={() => NOW} />);
    await waitFor(() => expect(isDisabled(button('Valider'))).toBe(false));
    fireEvent.click(button('Ny prosjektlederrapport'));
    await screen.findByText('Det er ingen prosjekter i tabellen Prosjekter å rapportere på. Legg til prosjektet først.');
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('Generer styrerapport', () => {
  test('renders the year’s board report through the port', async () => {
    const port = await renderDemo();
    fireEvent.click(button('Generer styrerapport'));
    await screen.findByText('Styrerapporten er laget');
    screen.getByText('Arket «Styrerapport 2022» er laget.');
    const layout = port.calls.renderLayout[0];
    expect(layout?.marker).toMatchObject({ kind: 'styrerapport', year: 2022 });
    expect(layout?.charts?.[0]?.series.map((s) => s.values)).toEqual([
      [5, 10, 10, 15],
      [0, 3, 1, 3],
    ]);
  });
});

describe('standalone', () => {
  test('Eksempel med prosjekter opens the sample with the example register', async () => {
    const files = fakeFiles(() => hallingdalDemo());
    render(<App host={{ kind: 'standalone', files, preloadSample: false }} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Eksempel med prosjekter' }));
    await screen.findByText('Åpnet sats-pa-hallingdal-demo.xlsx.');
    expect(files.samples).toEqual(['demo']);
    fireEvent.click(button('Bruk eksempelet'));
    await screen.findByText('Åpnet sats-pa-hallingdal.xlsx.');
    expect(files.samples).toEqual(['demo', 'published']);
  });

  test('a row added on the page is offered as a download of the workbook', async () => {
    const files = fakeFiles(() => hallingdalDemo());
    render(<App host={{ kind: 'standalone', files, preloadSample: true }} now={() => NOW} />);
    await waitFor(() => expect(isDisabled(button('Valider'))).toBe(false));
    fireEvent.click(button('Nytt prosjekt'));
    await screen.findByRole('form', { name: 'Nytt prosjekt' });
    type(/ProsjektID/, 'EKS-11');
    type(/Prosjektnavn/, 'Eksempel: Fra nettsiden');
    type(/Strategi/, 'A');
    fireEvent.click(button('Legg til'));
    await screen.findByText('Endringen er bare i kopien her i nettleseren: last ned arbeidsboka for å beholde den.');
    fireEvent.click(button('Last ned arbeidsboka'));
    expect(files.saved.map((s) => s.fileName)).toEqual(['sats-pa-hallingdal – oppdatert.xlsx']);
    expect(files.packages[0]?.calls.appendRow).toHaveLength(1);
  });
});
