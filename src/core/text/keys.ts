const PLAIN = /^[A-Za-z0-9]*$/;

/**
 * Header matching: case, spacing, punctuation and the `ae/o/a` spellings of æ/ø/å do not matter, and a
 * unit in parentheses (`Beløp (mill. kr)`) is not part of the name.
 */
export function normalizeHeader(text: string): string {
  // Most codes and ids (`P12`, `A`, `R1`) are plain letters and digits: only case and `aa` matter then. A
  // register of 10 000 rows looks up one on every row.
  if (PLAIN.test(text)) return text.toLowerCase().replace(/aa/g, 'a');
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .replace(/aa/g, 'a')
    .replace(/[^a-z0-9]/g, '');
}

/** The same normalisation for codes and names in cells (strategy codes, næringer, posts). */
export function normalizeKey(text: string): string {
  return normalizeHeader(text);
}
