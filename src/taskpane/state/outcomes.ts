import type { RenderOutcome, TemplateOutcome } from '../../adapters/port';
import type { SsbFetchSummary } from '../../core/effekt/fetch';
import type { FindingSummary, Localized } from '../../core/findings/types';
import { describeError } from '../errors';
import { localized, type Say } from '../i18n';
import type { SheetKind } from '../session';
import type { Status } from './status';
import type { Copy } from './target';

/**
 * What the user is told after each action: an action's outcome in, the message bar's status out. No React
 * and no workbook here, so each message reads (and is tested) on its own.
 */

type Action = Status['action'];

export function errorStatus(error: unknown): Status {
  return { intent: 'error', title: (tx) => tx.errorTitle, lines: [describeError(error)] };
}

/** After a validation: its counts, as error, warning or all good; `extra` lines (what was fixed) come first. */
export function summaryStatus(result: { summary: FindingSummary; year: number | null }, extra: Say[] = []): Status {
  const { summary, year } = result;
  const intent = summary.feil > 0 ? 'error' : summary.advarsel > 0 ? 'warning' : 'success';
  const title: Say = (t) => t.resultTitle[intent === 'error' ? 'error' : intent === 'warning' ? 'warn' : 'ok'];
  const line: Say = (t) => (summary.feil + summary.advarsel + summary.info === 0 ? t.allGood(year) : t.summary(summary, year));
  return { intent, title, lines: [...extra, line] };
}

/** A workbook without any tables: how to make them, in Excel (a button) or not. */
export function noTablesWarnings(tableCount: number, excel: boolean): Say[] {
  return tableCount === 0 ? [(tx) => (excel ? tx.noTablesExcel : tx.noTables)] : [];
}

export function openedStatus(name: string, warnings: Say[]): Status {
  return { intent: warnings.length > 0 ? 'warning' : 'info', lines: [(tx) => tx.opened(name), ...warnings] };
}

/**
 * Generer / Generer styrerapport: where the sheet went (a downloaded copy, or the sheet in Excel with a way to
 * it), what it replaced, whether it is a draft.
 */
export function sheetStatus(kind: SheetKind, outcome: RenderOutcome, errors: number, copy: Copy | null, goToSheet: Action): Status {
  const lines: Say[] = [];
  let action: Action;
  if (copy !== null) {
    lines.push((tx) => tx.generatedDownload(outcome.sheet, copy.name));
    action = { label: (tx) => tx.downloadAgain, run: copy.save };
  } else {
    lines.push((tx) => tx.generatedExcel(outcome.sheet));
    action = goToSheet;
  }
  if (outcome.renamedFrom !== undefined) {
    const wanted = outcome.renamedFrom;
    lines.push((tx) => tx.generatedRenamed(wanted, outcome.sheet));
  } else if (outcome.replaced) {
    lines.push((tx) => tx.generatedReplaced);
  }
  if (errors > 0) lines.push((tx) => tx.generatedDraft(errors));
  if (outcome.printSetupSkipped === true) lines.push((tx) => tx.printSetupSkipped);
  const title: Say = kind === 'styrerapport' ? (tx) => tx.reportReadyTitle : (tx) => tx.generatedTitle;
  return { intent: errors > 0 ? 'warning' : 'success', title, lines, action };
}

export function ssbStatus(summary: SsbFetchSummary): Status {
  const warn = summary.unknownKommuner.length > 0 || summary.lines.some((line) => line.nb.startsWith('Tabell '));
  return { intent: warn ? 'warning' : 'success', title: (tx) => tx.ssbTitle, lines: summary.lines.map(localized) };
}

export function nextYearRefusedStatus(target: number, problem: Localized): Status {
  return { intent: 'error', title: (tx) => tx.nextYearTitle(target), lines: [localized(problem)] };
}

/** Forbered {år}: what was proposed, then what is left to fill in for that year; on the page, the copy to download. */
export function nextYearStatus(
  target: number,
  added: number,
  summary: readonly Localized[],
  checked: FindingSummary,
  copy: Copy | null,
): Status {
  const lines: Say[] = [...summary.map(localized), (tx) => tx.summary(checked, target)];
  let action: Action;
  if (copy !== null) {
    lines.push((tx) => tx.appendedDownload);
    action = { label: (tx) => tx.downloadWorkbook, run: copy.save };
  }
  return { intent: added > 0 ? 'success' : 'info', title: (tx) => tx.nextYearTitle(target), lines, action };
}

export function templateStatus(outcome: TemplateOutcome, firstYear: number, lastYear: number): Status {
  const { createdSheets, createdTables, addedColumns } = outcome;
  const columns = addedColumns.map((c) => `${c.table}[${c.column}]`);
  const nothing = createdSheets.length + createdTables.length + columns.length === 0;
  return {
    intent: nothing ? 'info' : 'success',
    title: (tx) => tx.templateTitle,
    lines: nothing
      ? [(tx) => tx.templateNothing]
      : [(tx) => tx.templateCreated(createdSheets, createdTables, columns), (tx) => tx.templatePeriod(firstYear, lastYear)],
  };
}

/** Nothing went wrong: the form only needs correcting, and the focus is on the first field to correct. */
export function formRefusedStatus(count: number): Status {
  return { intent: 'warning', title: (tx) => tx.formRefusedTitle, lines: [(tx) => tx.formRefused(count)] };
}

/**
 * After a form added its row: in Excel a way to the new row; on the standalone page the download of the changed
 * copy (the row is only in the browser's copy until then).
 */
export function appendedStatus(lines: Say[], copy: Copy | null, goToRow: Action): Status {
  if (copy === null) return { intent: 'success', title: (tx) => tx.appendedTitle, lines, action: goToRow };
  const action: Action = { label: (tx) => tx.downloadWorkbook, run: copy.save };
  return { intent: 'success', title: (tx) => tx.appendedTitle, lines: [...lines, (tx) => tx.appendedDownload], action };
}
