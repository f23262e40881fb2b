import { saveDownload } from '../download';
import type { StandaloneFiles } from '../host';
import { loadCore } from '../session';
import { SamplePort } from './samplePort';

type XlsxChunk = typeof import('./xlsxChunk');

let chunk: Promise<XlsxChunk> | null = null;

/** Loads the .xlsx chunk once, on first use; a failed load (e.g. offline) may be retried. */
export function loadXlsxChunk(): Promise<XlsxChunk> {
  chunk ??= import(/* webpackChunkName: "xlsx" */ './xlsxChunk').catch((error: unknown) => {
    chunk = null;
    throw error;
  });
  return chunk;
}

/** The standalone page's files: opened and made in memory, with the .xlsx code loaded lazily. */
export function standaloneFiles(): StandaloneFiles {
  return {
    async open(bytes) {
      return (await loadXlsxChunk()).openPackage(bytes);
    },
    async openSample(kind) {
      const core = await loadCore();
      const port = new SamplePort(core.sampleData(kind), core.snapshotFromData, async () => {
        const xlsx = await loadXlsxChunk();
        return xlsx.openPackage(await xlsx.sampleBytes(kind));
      });
      whenIdle(() => void port.package().catch(() => undefined));
      return port;
    },
    save: saveDownload,
  };
}

/** Runs `task` once the page has nothing else to do (the sample shown), or after a few seconds at the latest. */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 5000 });
  else setTimeout(task, 1000);
}
