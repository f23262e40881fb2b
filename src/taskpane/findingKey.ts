import type { Finding } from '../core/findings/types';

/** A finding's identity within one validation: its rule and place. */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.sheet}|${f.cell}`;
}
