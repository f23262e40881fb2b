import type { StatisticsPort } from '../../core/effekt/ssb';
import { a1 } from '../../core/util/brand';
import { downloadName } from '../format';
import { SAMPLE_NAME } from '../host';
import { check, createTemplate, fetchIndicators, generate, loadCore, prepareYear, readInfo, type SheetKind } from '../session';
import { nextYearRefusedStatus, nextYearStatus, sheetStatus, ssbStatus, templateStatus } from './outcomes';
import type { Status } from './status';
import { changedCopy, copyName, goTo } from './target';
import type { PaneContext } from './paneContext';

export interface WorkbookActions {
  /** Generer (the Handlingsplan) or Generer styrerapport */
  makeSheet: (kind: SheetKind) => void;
  fetchSsb: () => void;
  /** Forbered {år + 1} */
  prepareNext: () => void;
  /** Opprett / oppdater arbeidsbok (Excel only) */
  makeTemplate: () => void;
}

/** The local date as ISO: in Norway, 00:30 on 1 January is already the new year. */
function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The actions that write new sheets or rows into the workbook from the core's use cases. */
export function useWorkbookActions(context: PaneContext, statistics: () => Promise<StatisticsPort>): WorkbookActions {
  const { host, state, dispatch, target, run, now, showChecked, showRead } = context;
  const { year } = state;
  const showStatus = (status: Status) => dispatch({ type: 'status', status });

  const makeSheet = (kind: SheetKind) => {
    if (target === null) return;
    const { port } = target;
    void run(kind === 'styrerapport' ? 'report' : 'generate', async () => {
      const made = await generate(port, year, now(), kind);
      const { outcome } = made;
      const copy = await changedCopy(target, (fileName) => downloadName(fileName ?? SAMPLE_NAME, made.layout.marker.year, kind));
      copy?.save();
      const goToSheet = goTo(run, port, outcome.sheet, a1('A1'), (tx) => tx.goToSheet);
      showChecked(made, sheetStatus(kind, outcome, made.result.summary.feil, copy, goToSheet));
    });
  };

  /** Hent fra SSB: the region's figures into Effektindikatorer; rows the user typed are left alone. */
  const fetchSsb = () => {
    if (target === null) return;
    const { port } = target;
    void run('ssb', async () => {
      const summary = await fetchIndicators(port, await statistics(), localDate(now()));
      showStatus(ssbStatus(summary));
    });
  };

  /**
   * Forbered {år + 1}: next year's rows proposed from the chosen year, appended through the port; then the pane
   * shows that year and validates it, so the list is what is left to fill in.
   */
  const prepareNext = () => {
    if (target === null || year === null) return;
    const { port } = target;
    const next = year + 1;
    void run('nextYear', async () => {
      const outcome = await prepareYear(port, next);
      const core = await loadCore();
      if (!outcome.ok) {
        showStatus(nextYearRefusedStatus(next, core.nextYearProblemText(outcome.problem)));
        return;
      }
      const summary = core.nextYearSummary(outcome, 'pane');
      const checked = await check(port, next, now());
      const copy = outcome.added > 0 ? await changedCopy(target, copyName(String(next))) : null;
      showChecked(checked, nextYearStatus(next, outcome.added, summary, checked.result.summary, copy), next);
    });
  };

  const makeTemplate = () => {
    if (host.kind !== 'excel') return;
    void run('template', async () => {
      const made = await createTemplate(host.port, state.info, now());
      showRead(await readInfo(host.port), templateStatus(made.outcome, made.firstYear, made.lastYear));
    });
  };

  return { makeSheet, fetchSsb, prepareNext, makeTemplate };
}
