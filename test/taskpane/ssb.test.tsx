/**
 * @jest-environment ./test/support/paneEnvironment.js
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StatisticsError, type SsbRequest, type SsbResult, type StatisticsPort } from '../../src/core/effekt/ssb';
import { App } from '../../src/taskpane/App';
import { loadCore } from '../../src/taskpane/session';
import { RecordingPort, sampleData } from './fakes';

// getBy… and findBy… queries throw when nothing (or more than one thing) matches: a bare query is an assertion.

/** Hent fra SSB in the pane: the same use case as the CLI, over the pane's port and a statistics port given to it. */
const NOW = new Date('2026-11-27T10:15:00Z');

class FakeStatistics implements StatisticsPort {
  readonly requests: SsbRequest[] = [];
  constructor(private readonly answer: SsbResult | Error) {}
  fetchIndicators(request: SsbRequest): Promise<SsbResult> {
    this.requests.push(request);
    return this.answer instanceof Error ? Promise.reject(this.answer) : Promise.resolve(this.answer);
  }
}

beforeAll(async () => {
  await loadCore();
});
afterEach(cleanup);

async function renderPane(statistics: StatisticsPort) {
  const port = await RecordingPort.open(sampleData());
  render(<App host={{ kind: 'excel', port }} now={() => NOW} statistics={() => Promise.resolve(statistics)} />);
  await screen.findByRole('heading', { level: 1, name: 'Sats på Hallingdal' });
  const fetchButton = screen.getByRole('button', { name: 'Hent fra SSB' });
  await waitFor(() => expect((fetchButton as HTMLButtonElement).disabled).toBe(false));
  return { port, fetchButton };
}

test("asks SSB for the sample's six kommuner from the baseline 2021, writes the rows in one call and says what it did", async () => {
  const statistics = new FakeStatistics({
    figures: [{ indicator: 'Folkemengde', kommune: '3320', year: 2021, value: 1000, table: '07459' }],
    codesUsed: [{ kommune: '3320', code: 'K-3320', label: 'Flå', earlier: ['3039', '0615'] }],
    unknownKommuner: [],
    failedTables: [],
  });
  const { port, fetchButton } = await renderPane(statistics);
  fireEvent.click(fetchButton);
  await screen.findByText('Effektindikatorer fra SSB');
  expect(statistics.requests).toEqual([{ kommuner: ['3320', '3322', '3324', '3326', '3328', '3330'], fromYear: 2021 }]);
  expect(port.calls.writeRows).toEqual([
    {
      table: 'Effektindikatorer',
      changes: {
        update: [],
        append: [
          { År: 2021, Indikator: 'Folkemengde', Kommune: '3320', Verdi: 1000, Kilde: 'SSB, tabell 07459', Hentet: { date: '2026-11-27' } },
        ],
      },
    },
  ]);
  screen.getByText('Hentet fra SSB fra 2021: 1 nye rader, 0 oppdatert, 0 uendret.');
  screen.getByText(/3320: SSB brukte K-3320 \(Flå, summert til dagens grenser; omfatter tidligere nummer 3039, 0615\)/);
  screen.getByText(/CC BY 4\.0/);
});

test('offline: one Norwegian line, nothing written', async () => {
  const statistics = new FakeStatistics(
    new StatisticsError(
      'offline',
      'Får ikke kontakt med SSB (data.ssb.no). Sjekk nettforbindelsen og prøv igjen.',
      'Cannot reach Statistics Norway.',
    ),
  );
  const { port, fetchButton } = await renderPane(statistics);
  fireEvent.click(fetchButton);
  await screen.findByText('Får ikke kontakt med SSB (data.ssb.no). Sjekk nettforbindelsen og prøv igjen.');
  expect(port.calls.writeRows).toEqual([]);
});
