import { saveDownload } from '../download';
import type { StandaloneFiles } from '../host';
import { loadCore } from '../session';

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
      // The sample's port comes with the core chunk (it reads the core's data), not in the initial script.
      const core = await loadCore();
      return core.samplePort(kind, async () => {
        const xlsx = await loadXlsxChunk();
        return xlsx.openPackage(await xlsx.sampleBytes(kind));
      });
    },
    save: saveDownload,
  };
}
