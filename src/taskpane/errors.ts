import { WorkbookFileError, WorkbookOperationError } from '../adapters/port';
import { localized, type Say } from './i18n';

/** A problem the pane found itself (a wrong file type, a missing year), worded for the user. */
export class PaneError extends Error {
  constructor(readonly say: Say) {
    super('PaneError');
    this.name = 'PaneError';
  }
}

interface UserFacing {
  nb: string;
  en: string;
}

/**
 * The adapters' errors carry their message in bokmål and English. They are recognised by class and, since
 * the .xlsx adapter comes in a separately loaded chunk, also by name and shape.
 */
function userFacing(error: unknown): UserFacing | null {
  if (error instanceof WorkbookOperationError || error instanceof WorkbookFileError) return error;
  // StatisticsError (Hent fra SSB) comes from the core; its adapter is in a lazily loaded chunk too.
  if (
    error instanceof Error &&
    (error.name === 'WorkbookOperationError' || error.name === 'WorkbookFileError' || error.name === 'StatisticsError')
  ) {
    const { nb, en } = error as Error & Partial<UserFacing>;
    if (typeof nb === 'string' && typeof en === 'string') return { nb, en };
  }
  return null;
}

/**
 * What the user reads when an action fails: the adapter's own words, or a general sentence. Never a stack
 * or an exception's internals; those go to the console for whoever debugs it.
 */
export function describeError(error: unknown): Say {
  if (error instanceof PaneError) return error.say;
  const known = userFacing(error);
  if (known) return localized(known);
  console.error(error);
  return (t) => t.unexpected;
}
