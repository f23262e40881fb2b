import type { Say } from '../i18n';

/** The result of the last action, shown in a message bar until the next one. */
export interface Status {
  intent: 'success' | 'warning' | 'error' | 'info';
  title?: Say;
  lines: Say[];
  /** a follow-up the user may take, e.g. download again or go to the new sheet */
  action?: { label: Say; run: () => void };
}
