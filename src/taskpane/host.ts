import type { WorkbookPort } from '../adapters/port';
import { SAMPLE_FILE_NAME } from '../core/sample/names';

/**
 * A workbook opened from a file's bytes, in memory; `toBytes` gives the package with the generated sheets
 * (the .xlsx adapter answers at once; a promise is accepted too).
 */
export interface PackagePort extends WorkbookPort {
  toBytes: () => Uint8Array | Promise<Uint8Array>;
}

/** What the standalone page needs besides the port: opening bytes, the sample, and saving a download. */
export interface StandaloneFiles {
  /** Opens a workbook's bytes (loads the .xlsx code on first use). Throws WorkbookFileError for an unusable file. */
  open: (bytes: Uint8Array) => Promise<PackagePort>;
  /**
   * The built-in sample workbook (src/core/sample), `demo` with the fictional example projects: shown from its
   * data at once, its .xlsx package made when first needed (see hosts/samplePort).
   */
  openSample: (kind: SampleKind) => Promise<PackagePort>;
  /** Offers bytes to the user as a download named `fileName`. */
  save: (bytes: Uint8Array, fileName: string) => void;
}

/** A setting the add-in keeps in the workbook (Office.context.document.settings), seen by everyone who opens it. */
export interface WorkbookSetting {
  /** null: never set in this workbook */
  read(): boolean | null;
  write(on: boolean): Promise<void>;
}

/** Where the pane runs: in Excel on the open workbook, or as a web page on files the user opens. */
export type PaneHost =
  /** `liveChecks`: whether live checks are on in this workbook (kept in memory when not given) */
  | { kind: 'excel'; port: WorkbookPort; liveChecks?: WorkbookSetting }
  | { kind: 'standalone'; files: StandaloneFiles; preloadSample: boolean | SampleKind };

/** The published plan, or the published plan with fictional example projects and reports (`sample --demo`). */
export type SampleKind = 'published' | 'demo';

/** The name the sample is offered under (and its download's name starts with). */
export const SAMPLE_NAME = SAMPLE_FILE_NAME;
