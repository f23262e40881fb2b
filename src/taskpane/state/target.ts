import type { WorkbookPort } from '../../adapters/port';
import type { A1 } from '../../core/util/brand';
import { SAMPLE_NAME, type PackagePort, type PaneHost } from '../host';
import type { Say } from '../i18n';
import type { Status } from './status';
import type { Runner } from './useRunner';

/**
 * The workbook the pane's actions read and write, and the one place that tells Excel from the standalone
 * page: in Excel the open workbook changes in place and the user is taken to what changed; on the page the
 * changes are in the browser's copy only, so the user is offered that copy as a download.
 */
export type Target =
  | { kind: 'excel'; port: WorkbookPort }
  | { kind: 'file'; port: PackagePort; fileName: string | null; save: (bytes: Uint8Array, name: string) => void };

/** null on the standalone page before a workbook is opened. */
export function targetOf(host: PaneHost, pkg: PackagePort | null, fileName: string | null): Target | null {
  if (host.kind === 'excel') return { kind: 'excel', port: host.port };
  if (pkg === null) return null;
  const { files } = host;
  return { kind: 'file', port: pkg, fileName, save: (bytes, name) => files.save(bytes, name) };
}

/** The changed copy on the standalone page, ready to save under its name; null in Excel. */
export interface Copy {
  name: string;
  save: () => void;
}

/** `name`: the download's name from the opened file's (null for the sample). */
export async function changedCopy(target: Target, name: (fileName: string | null) => string): Promise<Copy | null> {
  if (target.kind !== 'file') return null;
  const bytes = await target.port.toBytes();
  const named = name(target.fileName);
  return { name: named, save: () => target.save(bytes, named) };
}

/** "<file> – <suffix>.xlsx", from the opened file's name or the sample's. */
export function copyName(suffix: string): (fileName: string | null) => string {
  return (fileName) => (fileName ?? `${SAMPLE_NAME}.xlsx`).replace(/\.(xlsx|xlsm)$/i, '') + ` – ${suffix}.xlsx`;
}

/** A status action that selects a range in the workbook (in Excel: goes there). */
export function goTo(run: Runner['run'], port: WorkbookPort, sheet: string, range: A1, label: Say): NonNullable<Status['action']> {
  return {
    label,
    run: () => {
      void run('select', async () => {
        await port.select(sheet, range);
      });
    },
  };
}
