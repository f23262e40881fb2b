/// <reference types="office-js" />
import type { Lang } from './i18n';

/** The part of Office.js the start-up needs, so it can be tested without it. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

/** How long to wait for Office.onReady before starting as a plain web page. */
export const OFFICE_READY_TIMEOUT_MS = 1500;

/**
 * Excel or a plain browser? Inside Excel Office.js says so in onReady; outside Office it answers with no host,
 * and when the CDN is blocked or offline there is no Office at all. A host that does not answer in time is
 * treated as a browser.
 */
export async function detectHost(office: OfficeLike | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<'excel' | 'standalone'> {
  if (office === undefined || typeof office.onReady !== 'function') return 'standalone';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info !== null && info.host === office.HostType.Excel ? 'excel' : 'standalone';
  } catch {
    return 'standalone';
  } finally {
    clearTimeout(timer);
  }
}

/** Office.js when the page loaded it, else undefined. */
export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
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
