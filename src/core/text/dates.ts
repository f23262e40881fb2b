/**
 * Dates as the programme writes them. The core reads no clock: `today` and generation times are ISO strings
 * passed in by the shell.
 */

/** An ISO date (or date-time) as `dd.mm.åååå`; anything else as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Whether `today` (ISO) is on or after 31.12 of the year; an unknown or unreadable date is not. */
export function yearIsOver(year: number, today: string | undefined): boolean {
  const date = today !== undefined ? /^\d{4}-\d{2}-\d{2}/.exec(today)?.[0] : undefined;
  return date !== undefined && date >= `${year}-12-31`;
}
