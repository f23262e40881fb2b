/// <reference types="office-js" />
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { officePort } from './adapters/office';
import { standaloneFiles } from './adapters/standalone';
import { App } from './App';
import { detectHost, officeBackground, officeGlobal, storedLang, storeLang } from './boot';
import type { PaneHost } from './host';
import { TEXTS } from './i18n';
import { preloadChunks } from './preload';
import { pickTheme } from './theme';

/**
 * Start-up: wait for Office (at most ~1.5 s), then run in Excel on the open workbook, or as the standalone
 * page on files the user opens (?sample=1 opens the sample right away, ?sample=demo the sample with example projects).
 */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const lang = storedLang();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner size="small" label={TEXTS[lang].loading} style={{ marginTop: '2rem' }} />
    </FluentProvider>,
  );

  // A page opened with ?sample is the standalone page: its chunks need not wait for the Office check.
  preloadChunks(new URLSearchParams(window.location.search).has('sample') ? 'standalone' : 'unknown');
  const kind = await detectHost(officeGlobal());
  if (kind === 'standalone') preloadChunks('standalone');
  const host: PaneHost =
    kind === 'excel'
      ? { kind: 'excel', port: officePort() }
      : { kind: 'standalone', files: standaloneFiles(), preloadSample: sampleParameter(new URLSearchParams(window.location.search).get('sample')) };

  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const render = () => {
    const theme = pickTheme(kind === 'excel' ? officeBackground() : undefined, dark.matches);
    root.render(<App host={host} theme={theme} initialLang={lang} onLanguageChange={storeLang} />);
  };
  render();
  // Outside Office the page follows the system's light/dark setting as it changes.
  if (kind === 'standalone') dark.addEventListener('change', render);
}

void start();

function sampleParameter(value: string | null): boolean | 'demo' {
  if (value === 'demo') return 'demo';
  return value === '1';
}
