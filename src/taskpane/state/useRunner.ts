import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type BusyKind =
  | 'load'
  | 'open'
  | 'sample'
  | 'validate'
  | 'fix'
  | 'select'
  | 'generate'
  | 'template'
  | 'report'
  | 'form'
  | 'append'
  | 'ssb'
  | 'reallocation'
  | 'live'
  | 'nextYear';

export interface Runner {
  /** the action running now, or null */
  busy: BusyKind | null;
  /**
   * Runs one action at a time: while it runs `busy` says which, and a second call is ignored (the buttons
   * are disabled too). A thrown error goes to `onError`; the promise itself never rejects.
   */
  run: (kind: BusyKind, work: () => Promise<void>) => Promise<void>;
}

export function useRunner(onError: (error: unknown) => void): Runner {
  const [busy, setBusy] = useState<BusyKind | null>(null);
  const running = useRef(false);
  const errorRef = useRef(onError);
  /** What had the focus when the running action started: usually its button, which is disabled meanwhile. */
  const focused = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    errorRef.current = onError;
  });
  // The browser drops the focus of a button that is disabled while its action runs; give it back once the
  // action is done, so keyboard and screen reader users stay where they were instead of at the page's top.
  useEffect(() => {
    if (busy !== null) return;
    const element = focused.current;
    focused.current = null;
    const now = document.activeElement;
    if (element?.isConnected && (now === null || now === document.body)) element.focus();
  }, [busy]);
  const run = useCallback(async (kind: BusyKind, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    const active = document.activeElement;
    focused.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      errorRef.current(error);
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return { busy, run };
}
