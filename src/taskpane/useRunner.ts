import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export type BusyKind = 'load' | 'open' | 'sample' | 'validate' | 'fix' | 'select' | 'generate' | 'template';

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
  useLayoutEffect(() => {
    errorRef.current = onError;
  });
  const run = useCallback(async (kind: BusyKind, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
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
