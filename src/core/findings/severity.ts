// What a catalogue entry and a finding are made of, below both (catalog.ts, types.ts): a module of its own so
// that neither imports the other and SEVERITIES does not pull the message catalogue into every chunk.

export type Severity = 'feil' | 'advarsel' | 'info';
export const SEVERITIES: readonly Severity[] = ['feil', 'advarsel', 'info'];

export type Lang = 'nb' | 'en';
export interface Localized {
  nb: string;
  en: string;
}
