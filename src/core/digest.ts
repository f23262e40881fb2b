import type { SnapshotCell, WorkbookSnapshot } from './snapshot/types';
import { TABLES } from './contract/contract';
import { normalizeHeader } from './text/keys';

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
  const hash = new Cyrb53();
  for (const table of tables) {
    hash.add(`#${normalizeHeader(table.name)}\u0002`);
    for (const row of [table.header, ...table.rows, ...(table.totalRow ? [table.totalRow] : [])]) addRow(hash, row);
  }
  return hash.hex();
}

function addRow(hash: Cyrb53, row: readonly SnapshotCell[]): void {
  for (const cell of row) {
    hash.add(cell.kind);
    hash.add(':');
    hash.add(String(cell.value));
    hash.add('\u0001');
  }
  hash.add('\u0002');
}

/** cyrb53, fed piece by piece so a large workbook is never joined into one string. */
class Cyrb53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  hex(): string {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    h1 >>>= 0;
    const value = 4294967296 * (2097151 & h2) + h1;
    return value.toString(16).padStart(14, '0');
  }
}
