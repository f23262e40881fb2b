/**
 * Strategy codes as the workbook's `Strategier.Kode` defines them: letters (`A`), letters with digits (`R1`),
 * numbers (`1.1`), digits with letters (`2a`). A code is matched wherever a strategy is named (Resultatmal
 * headers, Budsjett, Tiltak, Delmal, Prosjekter) with case and surrounding spaces ignored; the plan keeps the
 * code as Strategier spells it, so every later comparison is plain equality.
 */

/** The key two spellings of one code share: surrounding spaces dropped, inner runs of spaces as one, upper case. */
export function codeKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleUpperCase('nb');
}

/** Dashes a range may be written with: hyphen, en dash, em dash. */
const RANGE = /\s*[-\u2013\u2014]\s*/;
/** What separates codes in a list: `,`, `;`, `/`, `&` or the word `og`. */
const LIST = /\s*(?:[,;/&]|\s+og\s+)\s*/i;

export class StrategyCodes {
  /** code key → the code as Strategier spells it, in table order */
  private readonly byKey = new Map<string, string>();
  private readonly order: string[] = [];

  constructor(codes: readonly string[]) {
    for (const code of codes) {
      const key = codeKey(code);
      if (key === '' || this.byKey.has(key)) continue;
      this.byKey.set(key, code.trim());
      this.order.push(code.trim());
    }
  }

  /** How many codes Strategier defines. */
  get size(): number {
    return this.order.length;
  }

  /** The code as Strategier spells it, or undefined when the text names no strategy. */
  canonical(text: string): string | undefined {
    return this.byKey.get(codeKey(text));
  }

  /** The known code, or the text as typed (trimmed) so the rules can report it as unknown. */
  resolve(text: string): string {
    return this.canonical(text) ?? text.trim();
  }

  /**
   * Every code a Delmal/Tiltak `Strategier` cell names: a code, a range `X-Y` (or `X–Y`) meaning every code from
   * X to Y in the order of the Strategier table, and lists of those joined by `,`, `;`, `/`, `&` or ` og `.
   * A part that names no known code (or a range whose ends are unknown or reversed) is kept as typed, so the
   * structure rules can report it.
   */
  expand(text: string): string[] {
    const whole = this.canonical(text);
    if (whole !== undefined) return [whole];
    const out: string[] = [];
    for (const part of text.split(LIST)) {
      const trimmed = part.trim();
      if (trimmed === '') continue;
      out.push(...this.expandPart(trimmed));
    }
    return [...new Set(out)];
  }

  private expandPart(part: string): string[] {
    const known = this.canonical(part);
    if (known !== undefined) return [known];
    // A code may itself hold a dash; try every split point, and take the one where both ends are codes.
    const pieces = part.split(RANGE);
    for (let i = 1; i < pieces.length; i++) {
      const from = this.canonical(pieces.slice(0, i).join('-'));
      const to = this.canonical(pieces.slice(i).join('-'));
      if (from === undefined || to === undefined) continue;
      const a = this.order.indexOf(from);
      const b = this.order.indexOf(to);
      return b >= a ? this.order.slice(a, b + 1) : [part];
    }
    // `C-Z` with Z unknown: both ends, so the unknown one is reported by name.
    if (pieces.length === 2) return pieces.map((p) => this.resolve(p));
    return [part];
  }

  /**
   * The strategy a `Resultatmal` column header names: the code alone, or the code followed by `.`, `-`, `–`,
   * `:`, `)` or a space and the strategy's name (`R1`, `R1. Rekruttering`, `1.1 – Kompetanse`). Longer codes
   * are tried first, so `1.1` is not taken for `1`.
   */
  ofHeader(header: string): string | undefined {
    const key = codeKey(header);
    if (key === '') return undefined;
    const exact = this.byKey.get(key);
    if (exact !== undefined) return exact;
    const candidates = [...this.byKey.keys()].sort((a, b) => b.length - a.length);
    for (const code of candidates) {
      if (!key.startsWith(code)) continue;
      const rest = key.slice(code.length);
      // `1.1` after code `1` is another code's number, not a separator and a name.
      if (/^(?:\s*[.:)\-\u2013\u2014](?!\d)|\s)/.test(rest)) return this.byKey.get(code);
    }
    return undefined;
  }
}
