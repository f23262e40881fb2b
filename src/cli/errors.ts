import type { Lang, Localized } from '../core/findings/types';

/**
 * A failure the user can act on (wrong arguments, an existing output file, a folder that does not exist).
 * It carries its message in both languages because it may be raised before `--lang` is known to be valid.
 * Always exit status 2 and one line on stderr, never a stack trace.
 */
export class CliError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'CliError';
  }

  in(lang: Lang): string {
    return this.text[lang];
  }
}

export function cliError(nb: string, en: string): CliError {
  return new CliError({ nb, en });
}

/**
 * Error objects thrown by Node's fs carry a string `code` such as ENOENT. Not `instanceof Error`: an error
 * made in another realm (a vm context, jest's sandbox) is not an instance of this realm's Error.
 */
export function nodeErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Messages may span lines (zip libraries, fs); the CLI promises exactly one line per failure. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
