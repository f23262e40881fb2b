/// <reference types="office-js" />
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { liveChecksSetting, loadOfficeAdapter, officePort } from './hosts/office';
import { standaloneFiles } from './hosts/standalone';
import { App } from './App';
import { detectHost, loadedOffice, officeBackground, openedByOffice, storedLang, storeLang } from './boot';
import type { PaneHost } from './host';
import { TEXTS, type Texts } from './i18n';
import { preloadChunks } from './preload';
import { pickTheme } from './theme';

/**
 * Start-up. taskpane.html already shows a static loading shell (painted before any script); Office.js loads
 * `async` beside this bundle. Outside Office (no `_host_Info`) the page waits at most a few seconds for
 * Office.js, then runs as the standalone page on files the user opens (?sample=1 opens the sample right away,
 * ?sample=demo the sample with example projects). Opened by Office, it waits for Office.js as long as it
 * may still answer, showing how long, and then runs in Excel on the open workbook, or says Excel does not answer.
 */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  // legacy-check.js (run before this bundle) found a webview too old for it and said so in the shell: leave it.
  if (document.documentElement.classList.contains('hp-legacy')) return;
  const root = createRoot(container);
  const lang = storedLang();
  const t = TEXTS[lang];
  const inOffice = openedByOffice(window.location.search, sessionStorageOrUndefined());
  // Opened by Office: the adapter's chunk comes while Office.js is still loading (a failure is reported on use).
  if (inOffice) loadOfficeAdapter().catch(() => undefined);
  // While Office.js is awaited the static shell stays (name and actions, waiting); only its line changes.
  const shellStatus = document.getElementById('hp-shell-status');
  const waiting = (seconds: number) => {
    if (shellStatus !== null && seconds >= 3) shellStatus.textContent = t.waitingForExcel(seconds);
  };

  // A page opened with ?sample is the standalone page showing the sample, which it shows from the core's data:
  // the .xlsx chunk comes once the page is idle (hosts/samplePort), not while it starts.
  const sample = new URLSearchParams(window.location.search).has('sample');
  preloadChunks('unknown');
  const kind = await detectHost({ inOffice, office: () => loadedOffice(), onProgress: waiting });
  if (kind === 'no-answer') {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <NoAnswer t={t} onReload={() => window.location.reload()} />
      </FluentProvider>,
    );
    return;
  }
  if (kind === 'standalone' && !sample) preloadChunks('standalone');
  const host: PaneHost =
    kind === 'excel'
      ? { kind: 'excel', port: officePort(), liveChecks: liveChecksSetting() }
      : {
          kind: 'standalone',
          files: standaloneFiles(),
          preloadSample: sampleParameter(new URLSearchParams(window.location.search).get('sample')),
        };

  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const render = () => {
    const theme = pickTheme(kind === 'excel' ? officeBackground() : undefined, dark.matches);
    root.render(<App host={host} theme={theme} initialLang={lang} onLanguageChange={storeLang} />);
  };
  render();
  // Outside Office the page follows the system's light/dark setting as it changes.
  if (kind === 'standalone') dark.addEventListener('change', render);
}

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Office opened the pane but Office.js never answered: say so, and offer to load the pane again. */
function NoAnswer({ t, onReload }: { t: Texts; onReload: () => void }) {
  return (
    <div role="alert" style={{ padding: '1rem', display: 'flex', flexDirection: 'column', gap: '0.75rem', alignItems: 'flex-start' }}>
      <strong>{t.excelNoAnswerTitle}</strong>
      <span>{t.excelNoAnswer}</span>
      <Button appearance="primary" onClick={onReload}>
        {t.reload}
      </Button>
    </div>
  );
}

void start();

function sampleParameter(value: string | null): boolean | 'demo' {
  if (value === 'demo') return 'demo';
  return value === '1';
}
