/**
 * The pane's messages after each action, from the outcomes alone: in Excel a way to what changed, on the
 * standalone page the changed copy to download.
 */
import { TEXTS } from '../../src/taskpane/i18n';
import { appendedStatus, nextYearStatus, sheetStatus, summaryStatus, templateStatus } from '../../src/taskpane/state/outcomes';
import type { Status } from '../../src/taskpane/state/status';
import type { Copy } from '../../src/taskpane/state/target';

const nb = TEXTS.nb;

function lines(status: Status): string[] {
  return status.lines.map((say) => say(nb));
}

function copy(): Copy & { saved: number } {
  const made = { name: 'plan – handlingsplan 2022.xlsx', saved: 0, save: () => (made.saved += 1) };
  return made;
}

const goToSheet: Status['action'] = { label: (t) => t.goToSheet, run: () => undefined };

describe('outcomes → status', () => {
  test('a validation: error, warning or all good, with what was done first', () => {
    const errors = summaryStatus({ summary: { feil: 4, advarsel: 1, info: 0 }, year: 2022 }, [(t) => t.fixed('Mål!M15')]);
    expect(errors.intent).toBe('error');
    expect(lines(errors)).toEqual(['Rettet Mål!M15. Validert på nytt.', nb.summary({ feil: 4, advarsel: 1, info: 0 }, 2022)]);
    expect(summaryStatus({ summary: { feil: 0, advarsel: 2, info: 0 }, year: 2022 }).intent).toBe('warning');
    const good = summaryStatus({ summary: { feil: 0, advarsel: 0, info: 0 }, year: 2023 });
    expect(good.intent).toBe('success');
    expect(lines(good)).toEqual([nb.allGood(2023)]);
  });

  test('Generer in Excel goes to the sheet; on the page the copy is downloaded again from the action', () => {
    const outcome = { sheet: 'Handlingsplan 2022 (2)', replaced: false, renamedFrom: 'Handlingsplan 2022' };
    const excel = sheetStatus('handlingsplan', outcome, 0, null, goToSheet);
    expect(excel.intent).toBe('success');
    expect(excel.action).toBe(goToSheet);
    expect(lines(excel)).toEqual([nb.generatedExcel(outcome.sheet), nb.generatedRenamed('Handlingsplan 2022', outcome.sheet)]);
    const file = copy();
    const page = sheetStatus('styrerapport', { sheet: 'Styrerapport 2022', replaced: true, printSetupSkipped: true }, 3, file, goToSheet);
    expect(page.intent).toBe('warning');
    expect(page.title?.(nb)).toBe(nb.reportReadyTitle);
    expect(lines(page)).toEqual([
      nb.generatedDownload('Styrerapport 2022', file.name),
      nb.generatedReplaced,
      nb.generatedDraft(3),
      nb.printSetupSkipped,
    ]);
    page.action?.run();
    expect(file.saved).toBe(1);
  });

  test('a new row: in Excel a way to it, on the page the download and why', () => {
    const goToRow: Status['action'] = { label: (t) => t.goToRow, run: () => undefined };
    expect(appendedStatus([() => 'lagt til'], null, goToRow)).toEqual(expect.objectContaining({ action: goToRow }));
    const file = copy();
    const page = appendedStatus([() => 'lagt til'], file, goToRow);
    expect(lines(page)).toEqual(['lagt til', nb.appendedDownload]);
    expect(page.action?.label(nb)).toBe(nb.downloadWorkbook);
  });

  test('Forbered: info when nothing was added, and no download then', () => {
    const none = nextYearStatus(
      2023,
      0,
      [{ nb: 'Ingenting å foreslå.', en: 'Nothing to propose.' }],
      { feil: 0, advarsel: 0, info: 1 },
      null,
    );
    expect(none.intent).toBe('info');
    expect(none.action).toBeUndefined();
    expect(lines(none)[0]).toBe('Ingenting å foreslå.');
  });

  test('Opprett arbeidsbok: what was created, or that nothing was missing', () => {
    expect(lines(templateStatus({ createdSheets: [], createdTables: [], addedColumns: [] }, 2022, 2024))).toEqual([nb.templateNothing]);
    const made = templateStatus(
      { createdSheets: ['Prosjekter'], createdTables: ['Prosjekter'], addedColumns: [{ table: 'Budsjett', column: 'Merknad' }] },
      2022,
      2024,
    );
    expect(made.intent).toBe('success');
    expect(lines(made)).toEqual([nb.templateCreated(['Prosjekter'], ['Prosjekter'], ['Budsjett[Merknad]']), nb.templatePeriod(2022, 2024)]);
  });
});
