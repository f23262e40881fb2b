/**
 * Reads numbers that finance staff typed as text the Norwegian way: `400.000,-`, `1 200 000`,
 * `1 200 000 kr`, `kr 500 000`, `3,6 M`, `4,0` in a column kept in millions, with ordinary, non-breaking
 * or thin spaces as thousands separators. Anything it cannot read is reported, never taken as 0.
 */
export type NumberUnit = 'units' | 'millions';

export type ParsedNumber = { ok: true; value: number } | { ok: false };

const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const MINUS = /^[-\u2212\u2013]\s*/;
const CURRENCY_PREFIX = /^(kr\.?|nok)\s*/i;
const CURRENCY_SUFFIX = /\s*(kr\.?|nok)$/i;
const DASH_SUFFIX = /\s*[,.]\s*[-\u2013]+$/;
const MILLION_SUFFIX = /\s*(m|mill\.?|millioner|million|mnok|mill\.?\s*kr\.?)$/i;

const GROUPED_SPACE = /^\d{1,3}( \d{3})+(,\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const PLAIN_COMMA = /^\d+(,\d+)?$/;
const PLAIN_DOT = /^\d*\.\d+$/;

export function parseNorwegianNumber(input: string, unit: NumberUnit = 'units'): ParsedNumber {
  let text = input.replace(SPACES, ' ').trim();
  if (text === '') return { ok: false };

  let sign = 1;
  const minus = MINUS.exec(text);
  if (minus) {
    sign = -1;
    text = text.slice(minus[0].length);
  }
  text = text.replace(CURRENCY_PREFIX, '').replace(DASH_SUFFIX, '').replace(CURRENCY_SUFFIX, '').replace(DASH_SUFFIX, '').trim();

  let multiplier = unit === 'millions' ? 1_000_000 : 1;
  const million = MILLION_SUFFIX.exec(text);
  if (million) {
    multiplier = 1_000_000;
    text = text.slice(0, million.index).trim();
  }
  // A minus after the currency prefix (`kr -500`) is read too.
  const innerMinus = MINUS.exec(text);
  if (innerMinus && sign === 1) {
    sign = -1;
    text = text.slice(innerMinus[0].length);
  }

  const digits = readDigits(text);
  if (digits === null) return { ok: false };
  return { ok: true, value: sign * digits * multiplier };
}

function readDigits(text: string): number | null {
  if (GROUPED_SPACE.test(text)) return toNumber(text.replace(/ /g, ''));
  if (GROUPED_DOT.test(text)) return toNumber(text.replace(/\./g, ''));
  if (PLAIN_COMMA.test(text)) return toNumber(text);
  // `3.6` is read as a decimal point, but `400.000` (three digits) was taken above as thousands.
  if (PLAIN_DOT.test(text)) return Number(text);
  return null;
}

function toNumber(commaDecimal: string): number {
  return Number(commaDecimal.replace(',', '.'));
}

/** Whether a header says its amounts are in millions: `Beløp (mill. kr)`, `Beløp (MNOK)`, `Beløp i millioner`. */
export function headerUnit(header: string): NumberUnit {
  return /\bmill|\bmnok\b|\bmillioner\b/i.test(header) ? 'millions' : 'units';
}
