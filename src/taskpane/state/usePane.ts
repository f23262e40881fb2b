import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { StatisticsPort } from '../../core/effekt/ssb';
import type { FindingGroup } from '../../core/findings/group';
import type { Finding } from '../../core/findings/types';
import { PaneError } from '../errors';
import { findingKey } from '../findingKey';
import { cellRef } from '../format';
import { SAMPLE_NAME, type PackagePort, type PaneHost, type SampleKind } from '../host';
import { TEXTS, type Lang, type Say, type Texts } from '../i18n';
import { check, readInfo, type Checked } from '../session';
import { errorStatus, noTablesWarnings, openedStatus, summaryStatus } from './outcomes';
import type { PaneContext } from './paneContext';
import { initialPaneState, paneReducer, type PaneState } from './paneState';
import type { Status } from './status';
import { targetOf } from './target';
import { useLiveChecks, type LiveChecks } from './useLiveChecks';
import { useReallocationForm, type ReallocationFormState } from './useReallocationForm';
import { useRegisterForms, type RegisterForms } from './useRegisterForms';
import { useRunner, type Runner } from './useRunner';
import { useWorkbookActions, type WorkbookActions } from './useWorkbookActions';

const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface PaneOptions {
  host: PaneHost;
  initialLang: Lang;
  now: () => Date;
  livePauseMs?: number;
  onLanguageChange?: (lang: Lang) => void;
  statistics: () => Promise<StatisticsPort>;
}

export interface Pane extends WorkbookActions, RegisterForms {
  state: PaneState;
  t: Texts;
  busy: Runner['busy'];
  standalone: boolean;
  /** whether there is a workbook to act on */
  ready: boolean;
  live: LiveChecks;
  reallocation: ReallocationFormState;
  switchLanguage: () => void;
  openFile: (file: File) => void;
  openSample: (kind?: SampleKind) => void;
  validate: () => void;
  select: (finding: Finding) => void;
  fix: (finding: Finding) => void;
  fixAll: (group: FindingGroup) => void;
  changeYear: (year: number) => void;
}

/** The pane's state and every action the user can take, over the host it runs in. App only lays them out. */
export function usePane({ host, initialLang, now, livePauseMs, onLanguageChange, statistics }: PaneOptions): Pane {
  const [state, dispatch] = useReducer(paneReducer, initialLang, initialPaneState);
  const t = TEXTS[state.lang];
  const onError = useCallback((error: unknown) => dispatch({ type: 'status', status: errorStatus(error) }), []);
  const { busy, run } = useRunner(onError);
  const target = targetOf(host, state.pkg, state.fileName);
  const port = target?.port ?? null;

  useEffect(() => {
    document.documentElement.lang = t.htmlLang;
  }, [t]);

  const live = useLiveChecks({
    host,
    port,
    year: state.year,
    busy,
    run,
    ...(livePauseMs !== undefined ? { pauseMs: livePauseMs } : {}),
    onChecked: (checked, batch) => showChecked(checked, summaryStatus(checked.result, [(tx) => tx.live.after(batch.edits, batch.remote)])),
  });

  const showChecked = (checked: Checked, status: Status, year?: number) => {
    live.noteChecked(checked.result);
    dispatch({ type: 'checked', checked, status, ...(year !== undefined ? { year } : {}) });
  };
  const showRead = (info: Checked['info'], status?: Status | null) => {
    live.forget();
    dispatch({ type: 'read', info, ...(status !== undefined ? { status } : {}) });
  };
  const context: PaneContext = { host, state, dispatch, target, run, now, showChecked, showRead };
  const reallocation = useReallocationForm({
    host,
    target,
    run,
    setStatus: (status) => dispatch({ type: 'status', status }),
    onOpened: () => dispatch({ type: 'formClosed' }),
    onAppended: (status) => dispatch({ type: 'appended', status }),
  });
  const forms = useRegisterForms(context, reallocation.dismiss);
  const actions = useWorkbookActions(context, statistics);

  // --- standalone: opening a workbook ---------------------------------------------------------------------

  const openPort = async (opened: PackagePort, name: string) => {
    const info = await readInfo(opened);
    live.forget();
    dispatch({ type: 'opened', pkg: opened, fileName: name, info, status: openedStatus(name, noTablesWarnings(info.tableCount, false)) });
  };

  const openFile = (file: File) => {
    if (host.kind !== 'standalone') return;
    void run('open', async () => {
      if (!/\.xlsx$/i.test(file.name)) throw new PaneError((tx) => tx.notXlsx);
      if (file.size > MAX_FILE_BYTES) throw new PaneError((tx) => tx.tooBig(MAX_FILE_BYTES / 1024 / 1024));
      await openPort(await host.files.open(new Uint8Array(await file.arrayBuffer())), file.name);
    });
  };

  const openSample = (kind: SampleKind = 'published') => {
    if (host.kind !== 'standalone') return;
    void run('sample', async () => {
      await openPort(await host.files.openSample(kind), kind === 'demo' ? `${SAMPLE_NAME}-demo.xlsx` : `${SAMPLE_NAME}.xlsx`);
    });
  };

  // --- start: read the workbook in Excel, or preload the sample --------------------------------------------

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (host.kind === 'excel') {
      void run('load', async () => {
        const info = await readInfo(host.port);
        const warnings = noTablesWarnings(info.tableCount, true);
        showRead(info, warnings.length > 0 ? { intent: 'warning', lines: warnings } : undefined);
      });
    } else if (host.preloadSample !== false) {
      openSample(host.preloadSample === 'demo' ? 'demo' : 'published');
    }
    // Once, on mount; the ref keeps React's development double mount from reading the workbook twice.
  }, []);

  // --- findings ----------------------------------------------------------------------------------------------

  /** Writes through the port, validates again and says what was done before the counts. */
  const writeAndCheck = (write: () => Promise<Say>) => {
    if (port === null) return;
    void run('fix', async () => {
      const said = await write();
      const checked = await check(port, state.year);
      showChecked(checked, summaryStatus(checked.result, [said]));
    });
  };

  return {
    ...actions,
    ...forms,
    state,
    t,
    busy,
    standalone: host.kind === 'standalone',
    ready: port !== null,
    live,
    reallocation,
    switchLanguage: () => {
      const next: Lang = state.lang === 'nb' ? 'en' : 'nb';
      dispatch({ type: 'language', lang: next });
      onLanguageChange?.(next);
    },
    openFile,
    openSample,
    validate: () => {
      if (port === null) return;
      void run('validate', async () => {
        const checked = await check(port, state.year);
        showChecked(checked, summaryStatus(checked.result));
      });
    },
    select: (finding) => {
      if (port === null) return;
      void run('select', async () => {
        const key = findingKey(finding);
        const context = await port.select(finding.sheet, finding.cell);
        // In Excel the cell is selected and null is the normal answer; elsewhere null means "not in a table".
        dispatch({ type: 'selected', key, ...(context !== null || host.kind === 'standalone' ? { context } : {}) });
      });
    },
    fix: (finding) => {
      const quickFix = finding.fix;
      if (port === null || quickFix === undefined) return;
      writeAndCheck(async () => {
        // Written only while the cell still holds the text it was validated with (as Rett opp alle).
        const outcome = await port.applyFixes([quickFix]);
        const where = cellRef(quickFix.sheet, quickFix.cell);
        return outcome.changedSince > 0 ? (tx) => tx.fixChangedSince(where) : (tx) => tx.fixed(where);
      });
    },
    /** Every quick fix of a group in one write through the port, then one validation. */
    fixAll: (group) => {
      if (port === null || group.fixes.length === 0) return;
      const what = group.table !== undefined && group.column !== undefined ? `${group.table} · ${group.column}` : group.sheet;
      writeAndCheck(async () => {
        const outcome = await port.applyFixes(group.fixes);
        return (tx) => tx.fixedMany(outcome.changed, what, outcome.changedSince);
      });
    },
    changeYear: (year) => {
      live.forget();
      dispatch({ type: 'year', year });
    },
  };
}
