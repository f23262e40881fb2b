/// <reference types="office-js" />
import type { Lang } from './i18n';

/** The part of Office.js the start-up needs, so it can be tested without it. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

/** Outside Office: how long Office.js may take to load and answer before the page starts on its own. */
export const OFFICE_READY_TIMEOUT_MS = 3000;
/**
 * In Excel: how long to wait for Office.js before saying that Excel does not answer. Office.js often needs
 * many seconds on a cold cache (office-js #2599, #6040, #6148); the pane shows its progress meanwhile.
 */
export const EXCEL_READY_TIMEOUT_MS = 60_000;

/**
 * Whether the page was opened by Office: Office adds `_host_Info` to the pane's URL (office-js #1824), and
 * Office.js keeps it in sessionStorage when the pane navigates. Without it the page is a plain browser tab.
 */
export function openedByOffice(search: string, storage: Pick<Storage, 'length' | 'key' | 'getItem'> | undefined): boolean {
  if (/[?&]_host_Info=/i.test(search)) return true;
  if (storage === undefined) return false;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      if (/host_?info/i.test(key) && (storage.getItem(key) ?? '') !== '') return true;
    }
  } catch {
    // Storage may be locked down; the URL is then the only sign.
  }
  return false;
}

export type HostKind = 'excel' | 'standalone' | 'no-answer';

export interface DetectOptions {
  /** the page was opened by Office (openedByOffice) */
  inOffice: boolean;
  /** Office.js, once its script has loaded (undefined when it failed to load, or did not in time) */
  office: () => Promise<OfficeLike | undefined>;
  /** how long to wait in all; defaults by `inOffice` */
  timeoutMs?: number;
  /** seconds waited so far, once a second while waiting in Office */
  onProgress?: (seconds: number) => void;
}

/**
 * Excel, a plain browser, or an Office that does not answer. Outside Office a host that is slow to answer
 * is a browser (the page works on files there). Opened by Office, the page never decides "not Excel" while
 * Office.js may still answer: it waits, says how long, and after a long minute says Excel does not answer
 * (`no-answer`) instead of offering a file picker inside Excel.
 */
export async function detectHost(options: DetectOptions): Promise<HostKind> {
  const timeoutMs = options.timeoutMs ?? (options.inOffice ? EXCEL_READY_TIMEOUT_MS : OFFICE_READY_TIMEOUT_MS);
  const started = Date.now();
  const ticker =
    options.inOffice && options.onProgress
      ? setInterval(() => options.onProgress?.(Math.round((Date.now() - started) / 1000)), 1000)
      : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const answer = async (): Promise<HostKind> => {
    const office = await options.office();
    if (office === undefined || typeof office.onReady !== 'function') return options.inOffice ? 'no-answer' : 'standalone';
    const info = await office.onReady();
    if (info.host === office.HostType.Excel) return 'excel';
    return options.inOffice ? 'no-answer' : 'standalone';
  };
  try {
    const result = await Promise.race([answer(), timeout]);
    if (result === 'timeout') return options.inOffice ? 'no-answer' : 'standalone';
    return result;
  } catch {
    return options.inOffice ? 'no-answer' : 'standalone';
  } finally {
    clearTimeout(timer);
    if (ticker !== undefined) clearInterval(ticker);
  }
}

/** Office.js when the page loaded it, else undefined. */
export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/**
 * Office.js as soon as its script has loaded. taskpane.html loads it `async`, so the page paints its own
 * loading state at once even when Microsoft's CDN hangs; this waits for the script's load or error event
 * (or finds Office already there).
 */
export function loadedOffice(doc: Document = document, win: Window = window): Promise<OfficeLike | undefined> {
  const present = officeGlobal();
  if (present !== undefined) return Promise.resolve(present);
  const script = doc.querySelector<HTMLScriptElement>('script[data-office-js]');
  // The window's load event waits for async scripts: once the page is complete, Office.js came or failed.
  if (script === null || doc.readyState === 'complete') return Promise.resolve(officeGlobal());
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(officeGlobal()), { once: true });
    script.addEventListener('error', () => resolve(undefined), { once: true });
    // The script may have failed before this bundle ran (a blocked CDN fails at once); then only the
    // window's load event is left to say so.
    win.addEventListener('load', () => resolve(officeGlobal()), { once: true });
  });
}

/** The Office theme's pane background, when the host tells it (not every host does). */
export function officeBackground(): string | undefined {
  try {
    return typeof Office === 'undefined' ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

const LANG_KEY = 'handlingsplan.lang';

/** The language chosen last time; bokmål unless English was chosen. Storage may be unavailable. */
export function storedLang(): Lang {
  try {
    return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode or a locked-down host: the choice lasts for this session only.
  }
}
