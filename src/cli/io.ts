import type { Lang } from '../core/findings/types';

/**
 * Everything the CLI touches outside itself, passed in so `run()` can be tested without a process:
 * output streams, whether to colour, the working directory and today's date.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** ANSI colours on stdout; decided by the caller from the terminal and NO_COLOR / FORCE_COLOR. */
  color: boolean;
  /** Relative file names are resolved against this, never against process.cwd(), so tests stay isolated. */
  cwd: string;
  /** The language when there is no `--lang` (from the environment's locale); bokmål when left out. */
  lang?: Lang;
  /** Print stack traces of unexpected errors (HANDLINGSPLAN_DEBUG=1). */
  debug?: boolean;
  /**
   * Today's date as ISO `YYYY-MM-DD`, for rules that depend on whether a year is over. The core reads no
   * clock, so the shell passes it; left out, those rules behave as if no year were over.
   */
  today?: string;
  /** The moment of generation as an ISO date-time, recorded in generated sheets; the shell reads the clock. */
  now?: string;
  /** Where LibreOffice is, for `--pdf`; tests replace it. Left out, it is looked up on the PATH. */
  findSoffice?: () => Promise<string | undefined>;
  /** PxWebApi's base URL for `hent-ssb` (HANDLINGSPLAN_SSB_API): SSB's own unless tests serve recorded answers. */
  ssbApi?: string;
}

export const EXIT_OK = 0;
/** The workbook was read and has at least one finding of severity `feil`. */
export const EXIT_FINDINGS = 1;
/** The workbook or the command line cannot be used at all. */
export const EXIT_UNUSABLE = 2;
