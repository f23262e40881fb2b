import { cellText } from '../parse/table';
import type { TableSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { parseCell } from '../util/brand';
import type { RuleId } from './catalog';
import { formatNumber } from '../text/figures';
import type { Finding, Localized, QuickFix, Severity } from './types';

/**
 * Findings of one rule in one table column, shown and fixed as one: 5 000 report rows whose jobs were pasted
 * as text are one problem to the user, not 5 000. A finding that is not in a table's body (a declared sum, a
 * missing table, a range) is a group of its own, which the shells show exactly like a single finding.
 */
export interface FindingGroup {
  /** stable within one validation: rule, sheet, table and column (or the finding's own cell for a group of one) */
  key: string;
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** the table and column header the findings are in, when they are in a table's body */
  table?: string;
  column?: string;
  /** in the core's order (sheet, row, column) */
  findings: Finding[];
  /** the quick fixes of the group's findings, in the same order */
  fixes: QuickFix[];
  /** "5 000 tall lagret som tekst i Rapporter · Nye arbeidsplasser"; for a group of one, the finding's own message */
  title: Localized;
}

/**
 * The rules whose findings group, and what a group of many is called. These are the per-cell checks that grow
 * with the rows of a table (a pasted column repeats the same problem); a sum check names its own area, year
 * or næring, so each of its findings stays on its own.
 */
const GROUP_NOUNS: Partial<Record<RuleId, Localized>> = {
  'values.number-as-text': { nb: 'tall lagret som tekst', en: 'numbers stored as text' },
  'values.not-a-number': { nb: 'tekster som ikke kan leses som tall', en: 'texts that cannot be read as numbers' },
  'values.error-value': { nb: 'celler med feilverdi', en: 'cells with an error value' },
  'values.negative-amount': { nb: 'negative beløp', en: 'negative amounts' },
  'values.not-whole-kroner': { nb: 'beløp som ikke er hele kroner', en: 'amounts that are not whole kroner' },
  'values.fractional-jobs': { nb: 'antall som ikke er hele tall', en: 'counts that are not whole numbers' },
  'values.negative-count': { nb: 'negative antall', en: 'negative counts' },
  'values.not-a-date': { nb: 'celler som ikke er datoer', en: 'cells that are not dates' },
  'structure.empty-required': { nb: 'tomme celler som må fylles ut', en: 'empty cells that must be filled in' },
  'structure.unknown-reference': { nb: 'ukjente verdier', en: 'unknown values' },
  'structure.duplicate-key': { nb: 'verdier som står flere ganger', en: 'values that appear more than once' },
  'structure.year-outside-period': { nb: 'år utenfor programperioden', en: 'years outside the programme period' },
  'structure.invalid-value': { nb: 'ugyldige verdier', en: 'invalid values' },
  'projects.report-unknown-project': {
    nb: 'rapporter for prosjekter som ikke står i Prosjekter',
    en: 'reports for projects not in Prosjekter',
  },
  'projects.report-without-grant': { nb: 'rapporter for prosjekter uten tilskudd', en: 'reports for projects without a grant' },
  'projects.report-unknown-naering': { nb: 'rapporter med ukjent næring', en: 'reports with an unknown industry' },
  'projects.report-outside-period': { nb: 'rapporter datert utenfor perioden', en: 'reports dated outside the period' },
  'projects.unknown-strategy': { nb: 'prosjekter med ukjent strategi', en: 'projects with an unknown strategy' },
  'projects.unknown-naering': { nb: 'prosjekter med ukjent næring', en: 'projects with an unknown industry' },
  'projects.unknown-phase': { nb: 'prosjekter med ukjent PLP-fase', en: 'projects with an unknown PLP phase' },
  'projects.unknown-status': { nb: 'prosjekter med ugyldig status', en: 'projects with an invalid status' },
};

const SEVERITY_ORDER: Record<Severity, number> = { feil: 0, advarsel: 1, info: 2 };

/** Where a single cell sits: the table whose body holds it and the header of its column. */
interface ColumnPlace {
  table: string;
  column: string;
  columnIndex: number;
}

/**
 * Groups findings (already in the core's order) by rule and table column, and orders the groups by severity,
 * then by where their first finding is. Only findings of the same severity share a group.
 */
export function groupFindings(findings: readonly Finding[], snapshot: WorkbookSnapshot): FindingGroup[] {
  const locate = columnLocator(snapshot);
  const groups = new Map<string, FindingGroup>();
  const order: FindingGroup[] = [];
  findings.forEach((finding, index) => {
    const place = GROUP_NOUNS[finding.rule] ? locate(finding.sheet, finding.cell) : undefined;
    const key = place
      ? `${finding.rule}|${finding.severity}|${finding.sheet}|${place.table}|${place.columnIndex}`
      : `${finding.rule}|${finding.severity}|${finding.sheet}|${finding.cell}|#${index}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        rule: finding.rule,
        severity: finding.severity,
        sheet: finding.sheet,
        findings: [],
        fixes: [],
        title: finding.message,
      };
      if (place) {
        group.table = place.table;
        group.column = place.column;
      }
      groups.set(key, group);
      order.push(group);
    }
    group.findings.push(finding);
    if (finding.fix) group.fixes.push(finding.fix);
  });
  for (const group of order) group.title = groupTitle(group);
  // Array.prototype.sort is stable: within a severity the groups keep the order of their first finding.
  return order.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The title of a group: its finding's message when it has one, else count, what and where. */
export function groupTitle(group: Pick<FindingGroup, 'rule' | 'findings' | 'table' | 'column' | 'sheet'>): Localized {
  const [first] = group.findings;
  if (group.findings.length === 1 && first) return first.message;
  const noun = GROUP_NOUNS[group.rule] ?? { nb: 'funn', en: 'findings' };
  const where = group.table !== undefined && group.column !== undefined ? `${group.table} · ${group.column}` : group.sheet;
  const count = group.findings.length;
  return {
    nb: `${formatNumber(count)} ${noun.nb} i ${where}`,
    en: `${count.toLocaleString('en-GB')} ${noun.en} in ${where}`,
  };
}

/**
 * A function that finds the table column of a single cell. Tables are indexed by sheet once, so grouping
 * 10 000 findings is a lookup per finding, not a scan of every table.
 */
function columnLocator(snapshot: WorkbookSnapshot): (sheet: string, cell: string) => ColumnPlace | undefined {
  const bySheet = new Map<string, { table: TableSnapshot; top: number; bottom: number; left: number }[]>();
  for (const table of snapshot.tables) {
    const bounds = bodyBounds(table);
    if (!bounds) continue;
    bySheet.set(table.sheet, [...(bySheet.get(table.sheet) ?? []), { table, ...bounds }]);
  }
  return (sheet: string, cell: string) => {
    if (cell.includes(':')) return undefined;
    const position = parseCell(cell);
    for (const { table, top, bottom, left } of bySheet.get(sheet) ?? []) {
      const columnIndex = position.column - left;
      const header = table.header[columnIndex];
      if (position.row < top || position.row > bottom || !header) continue;
      return { table: table.name, column: cellText(header), columnIndex };
    }
    return undefined;
  };
}

/** The body rows of a table (header and total row excluded) and its first column. */
function bodyBounds(table: TableSnapshot): { top: number; bottom: number; left: number } | undefined {
  const first = table.header[0];
  if (!first) return undefined;
  const head = parseCell(first.address);
  const lastRow = table.rows[table.rows.length - 1]?.[0];
  const bottom = lastRow ? parseCell(lastRow.address).row : head.row;
  return { top: head.row + 1, bottom, left: head.column };
}
