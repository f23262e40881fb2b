import { saveDownload } from '../download';
import type { StandaloneFiles } from '../host';

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
    async sampleBytes(kind) {
      return (await loadXlsxChunk()).sampleBytes(kind);
    },
    save: saveDownload,
  };
}
