/**
 * Header matching: case, spacing, punctuation and the `ae/o/a` spellings of æ/ø/å do not matter, and a
 * unit in parentheses (`Beløp (mill. kr)`) is not part of the name.
 */
export function normalizeHeader(text: string): string {
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
