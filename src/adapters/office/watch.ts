/// <reference types="office-js" />
import type { TableChange, TableWatch } from '../port';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';

export interface WatchOptions {
  run: ExcelRun;
  isSupported: RequirementCheck;
  /** the name of the table with this id, as the last read found it; null for a table it did not see */
  tableName: (id: string) => string | null;
}

/**
 * Listens to every table's changes with one handler on the workbook's table collection (ExcelApi 1.7): the
 * user's own typing and, under co-authoring, changes synchronised from others (`source: Remote`). Excel calls
 * the handler with the table's id and the change's source, so telling a contract table from another costs no
 * round trip. Registering is one round trip; so is stopping.
 */
export async function watchTables(options: WatchOptions, listener: (change: TableChange) => void): Promise<TableWatch | null> {
  if (!options.isSupported(EXCEL_API.tableEvents)) return null;
  const registration = await options.run(async (context) => {
    const handler = context.workbook.tables.onChanged.add((event: Excel.TableChangedEventArgs) => {
      listener({ table: options.tableName(event.tableId), source: event.source === 'Remote' ? 'remote' : 'local' });
      return Promise.resolve();
    });
    await context.sync();
    return handler;
  });
  return {
    stop: async () => {
      registration.remove();
      await registration.context.sync();
    },
  };
}
