import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { WorkbookPort } from '../../adapters/port';
import { TABLES } from '../../core/contract/contract';
import type { ValidationResult } from '../../core/validate';
import type { PaneHost } from '../host';
import { countChecked, LiveChecker, type CheckCount, type EditBatch } from '../live';
import { check, type Checked } from '../session';
import type { BusyKind, Runner } from './useRunner';

/**
 * The pane's live checks as React state: whether they are on (the workbook's setting), whether this Excel can
 * do them, the header's count with what is new and fixed since the previous check, and the subscription to
 * Excel's table changes while they are on. The timing itself is ./live's LiveChecker.
 */

/** Every table the add-in reads: a change in one of them may change the findings (and the generated sheets' staleness). */
const CONTRACT_TABLE_NAMES: readonly string[] = Object.values(TABLES).map((t) => t.name);

export type LiveMode =
  /** the standalone page: a file does not change under it */
  | 'standalone'
  /** Excel without ExcelApi 1.7: the Valider button only */
  | 'unsupported'
  | 'on'
  | 'off';

export interface LiveChecks {
  mode: LiveMode;
  /** the header's count after the last validation (any: Valider, a fix, a live one); null before the first */
  count: CheckCount | null;
  /** turns live checks on or off and stores it in the workbook */
  setEnabled: (on: boolean) => void;
  /** every validation the pane shows goes through here, so the count and new/fixed follow it */
  noteChecked: (result: ValidationResult) => void;
  /** the findings shown are gone (another year, another workbook): the next count starts afresh */
  forget: () => void;
}

export interface LiveOptions {
  host: PaneHost;
  port: WorkbookPort | null;
  year: number | null;
  busy: BusyKind | null;
  run: Runner['run'];
  /** a live validation's result, with the edits that led to it */
  onChecked: (checked: Checked, batch: EditBatch) => void;
  /** how long typing must pause (tests pass a short one) */
  pauseMs?: number;
}

export function useLiveChecks({ host, port, year, busy, run, onChecked, pauseMs }: LiveOptions): LiveChecks {
  const setting = host.kind === 'excel' ? host.liveChecks : undefined;
  const [enabled, setEnabledState] = useState<boolean>(() => setting?.read() ?? true);
  const [supported, setSupported] = useState(true);
  const [count, setCount] = useState<CheckCount | null>(null);
  const previous = useRef<Set<string> | null>(null);
  const checker = useRef<LiveChecker | null>(null);

  // The checker outlives renders: it reads the year, the busy state and the callback as they are when it fires.
  const latest = useRef({ year, busy, run, onChecked, port });
  useLayoutEffect(() => {
    latest.current = { year, busy, run, onChecked, port };
  });

  const revalidate = useCallback((batch: EditBatch): boolean => {
    const { busy: now, run: runNow, port: portNow } = latest.current;
    if (now !== null || portNow === null) return false;
    let started = false;
    void runNow('live', async () => {
      started = true;
      const checked = await check(portNow, latest.current.year);
      latest.current.onChecked(checked, batch);
    });
    return started;
  }, []);

  const excelPort = host.kind === 'excel' ? port : null;
  useEffect(() => {
    if (!enabled || excelPort?.watchTables === undefined) return;
    const live = new LiveChecker({ tables: CONTRACT_TABLE_NAMES, revalidate, ...(pauseMs !== undefined ? { pauseMs } : {}) });
    checker.current = live;
    let stopped = false;
    const watching = excelPort.watchTables(live.onChange).then(
      (watch) => {
        if (watch === null) setSupported(false);
        else if (stopped) void watch.stop().catch(() => undefined);
        return watch;
      },
      // Excel refused the handler: the Valider button still works, as without ExcelApi 1.7.
      () => {
        setSupported(false);
        return null;
      },
    );
    return () => {
      stopped = true;
      live.dispose();
      checker.current = null;
      void watching.then((watch) => watch?.stop()).catch(() => undefined);
    };
  }, [enabled, excelPort, revalidate, pauseMs]);

  const setEnabled = useCallback(
    (on: boolean) => {
      setEnabledState(on);
      // Kept in the workbook for everyone who opens it; a failed save leaves the choice for this session.
      void setting?.write(on).catch(() => undefined);
    },
    [setting],
  );

  const noteChecked = useCallback((result: ValidationResult) => {
    const counted = countChecked(result.findings, result.summary, previous.current);
    previous.current = counted.keys;
    setCount(counted.count);
    // What was waiting for the pause is in this validation already.
    checker.current?.reset();
  }, []);

  const forget = useCallback(() => {
    previous.current = null;
    setCount(null);
  }, []);

  const mode: LiveMode =
    host.kind === 'standalone' ? 'standalone' : !supported || port?.watchTables === undefined ? 'unsupported' : enabled ? 'on' : 'off';
  return { mode, count, setEnabled, noteChecked, forget };
}
