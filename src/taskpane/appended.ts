import type { AppendOutcome, WorkbookPort } from '../adapters/port';
import { SAMPLE_NAME, type PackagePort, type PaneHost } from './host';
import type { Say } from './i18n';
import type { Status } from './status';
import type { Runner } from './useRunner';

/**
 * The message after a form added its row: in Excel, a way to the new row; on the standalone page, the
 * download of the changed copy (the row is only in the browser's copy until then).
 */
export async function appendedStatus(
  where: { host: PaneHost; port: WorkbookPort; pkg: PackagePort | null; fileName: string | null; run: Runner['run'] },
  outcome: AppendOutcome,
  lines: Say[],
): Promise<Status> {
  const { host, port, pkg, fileName, run } = where;
  let action: Status['action'];
  const all = [...lines];
  if (host.kind === 'standalone' && pkg) {
    const bytes = await pkg.toBytes();
    const name = (fileName ?? `${SAMPLE_NAME}.xlsx`).replace(/\.(xlsx|xlsm)$/i, '') + ' – oppdatert.xlsx';
    all.push((tx) => tx.appendedDownload);
    action = { label: (tx) => tx.downloadWorkbook, run: () => host.files.save(bytes, name) };
  } else {
    action = {
      label: (tx) => tx.goToRow,
      run: () => {
        void run('select', async () => {
          await port.select(outcome.sheet, outcome.range);
        });
      },
    };
  }
  return { intent: 'success', title: (tx) => tx.appendedTitle, lines: all, action };
}
