import type { WorkbookSnapshot } from './snapshot/types';
import { TABLES } from './contract/contract';
import { normalizeHeader } from './parse/header';

const CONTRACT_TABLES = new Set(Object.values(TABLES).map((t) => normalizeHeader(t.name)));

/**
 * A digest of the input a generated sheet is made from: every contract table's name, header and cell
 * values, in order. Where a table stands and how it is formatted do not count, so moving a table does not
 * make the board's sheet stale; changing a figure does. Not a security hash: it detects change.
 */
export function inputDigest(snapshot: WorkbookSnapshot): string {
  const tables = snapshot.tables
    .filter((t) => CONTRACT_TABLES.has(normalizeHeader(t.name)))
    .sort((a, b) => normalizeHeader(a.name).localeCompare(normalizeHeader(b.name)));
  const parts: string[] = [];
  for (const table of tables) {
    parts.push(`#${normalizeHeader(table.name)}`);
    for (const row of [table.header, ...table.rows, ...(table.totalRow ? [table.totalRow] : [])]) {
      parts.push(row.map((c) => `${c.kind}:${String(c.value)}`).join('\u0001'));
    }
  }
  return hash(parts.join('\u0002'));
}

/** cyrb53: a fast 53-bit string hash, as 14 hex digits. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}
