import { a1 } from '../../core/util/brand';

/** A sheet name as formulas and defined names write it: quoted always (valid for every name), `'` doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `A1:B2` → `$A$1:$B$2`. */
export function absoluteRange(range: string): string {
  return a1(range)
    .split(':')
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}
