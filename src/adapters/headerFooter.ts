/**
 * Header and footer text for print setup, shared by both adapters: in a header or footer `&` starts a code
 * (`&P` page, `&N` pages, `&B` bold, `&"font"` …), in a file's `oddHeader` and in Office.js's `centerHeader`
 * alike. A programme called "Forsk & Utvikling" would otherwise lose its `&` and turn the next letter into a
 * code. `&P` and `&N` stay codes when not followed by a letter or digit, so "side &P av &N" works and
 * "R&Nordic" stays text.
 */

/** Excel's limit on a header or footer, its section codes included. */
export const MAX_HEADER_FOOTER = 255;

export function encodeHeaderFooterCodes(text: string): string {
  return text.replace(/&(?![PN](?![\p{L}\p{N}]))/gu, '&&');
}

/**
 * `text` encoded, with `prefix` (a section code such as `&C`, or nothing) in front, cut with an ellipsis to
 * fit within Excel's 255 characters without splitting a code or a character.
 */
export function headerFooterText(text: string, prefix = ''): string {
  if (text === '') return '';
  const whole = `${prefix}${encodeHeaderFooterCodes(text)}`;
  if (whole.length <= MAX_HEADER_FOOTER) return whole;
  // Encoding never shortens text, so no more characters than the limit can be kept; then one at a time.
  let kept = Array.from(text).slice(0, MAX_HEADER_FOOTER);
  let cut = `${prefix}${encodeHeaderFooterCodes(kept.join(''))}…`;
  while (cut.length > MAX_HEADER_FOOTER && kept.length > 0) {
    kept = kept.slice(0, -1);
    cut = `${prefix}${encodeHeaderFooterCodes(kept.join(''))}…`;
  }
  return cut;
}
