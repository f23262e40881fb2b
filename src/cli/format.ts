import type { FindingGroup } from '../core/findings/group';
import type { Finding, FindingSummary, FindingValue, Lang, Severity } from '../core/findings/types';
import { SEVERITIES } from '../core/findings/types';
import { formatFigure } from '../core/text/figures';
import { GROUP_PREVIEW_CELLS } from '../core/findings/preview';
import { COMMAND_WORDS } from '../core/vocabulary';

/** Severity labels as printed; the JSON output keeps the core's ids (`feil`, `advarsel`, `info`). */
const SEVERITY_LABELS: Readonly<Record<Lang, Record<Severity, string>>> = {
  nb: { feil: 'FEIL', advarsel: 'ADVARSEL', info: 'INFO' },
  en: { feil: 'ERROR', advarsel: 'WARNING', info: 'INFO' },
};

const ANSI = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
} as const;

const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { feil: ANSI.red, advarsel: ANSI.yellow, info: ANSI.blue };

function paint(text: string, code: string, color: boolean): string {
  return color ? `${code}${text}${ANSI.reset}` : text;
}

/**
 * A number for people: thousands grouped with spaces and decimal comma in bokmål (`1 200 000`, `10,5`),
 * commas and decimal point in English. Plain spaces rather than the core's no-break spaces, so the output
 * can be searched with ordinary tools. At most two decimals: findings compare kroner and counts.
 */
export function formatNumber(value: number, lang: Lang): string {
  return formatFigure(value, { space: ' ', decimal: lang === 'nb' ? ',' : '.' });
}

export function formatValue(value: FindingValue, lang: Lang): string {
  return typeof value === 'number' ? formatNumber(value, lang) : String(value);
}

/** `forventet 12, faktisk 10` when the finding carries values; either half may be missing. */
function expectedActual(finding: Finding, lang: Lang): string {
  const words = lang === 'nb' ? { expected: 'forventet', actual: 'faktisk' } : { expected: 'expected', actual: 'actual' };
  const parts: string[] = [];
  if (finding.expected !== null) parts.push(`${words.expected} ${formatValue(finding.expected, lang)}`);
  if (finding.actual !== null) parts.push(`${words.actual} ${formatValue(finding.actual, lang)}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** What a sheet's part of the report lists: groups of findings (a group of one is a finding). */
type Item = Pick<FindingGroup, 'findings' | 'fixes' | 'title' | 'rule' | 'severity' | 'sheet'>;

/**
 * The items by sheet, sheets in the order the core sorted the findings; within a sheet the groups in the
 * core's order (by severity, then where they start), as the pane lists them.
 */
function itemsBySheet(input: ReportInput): Map<string, Item[]> {
  const bySheet = new Map<string, Item[]>();
  for (const finding of input.findings) if (!bySheet.has(finding.sheet)) bySheet.set(finding.sheet, []);
  const items: readonly Item[] = input.groups && !input.all ? input.groups : input.findings.map(singleItem);
  for (const item of items) bySheet.get(item.sheet)?.push(item);
  return bySheet;
}

function singleItem(finding: Finding): Item {
  return {
    findings: [finding],
    fixes: finding.fix ? [finding.fix] : [],
    title: finding.message,
    rule: finding.rule,
    severity: finding.severity,
    sheet: finding.sheet,
  };
}

export interface ReportInput {
  /** The file name as the user typed it. */
  file: string;
  year: number | null;
  findings: readonly Finding[];
  summary: FindingSummary;
  lang: Lang;
  color: boolean;
  /**
   * The core's groups of the findings: a group of many is one entry (its title, the first cells, "… og N
   * til", and how to fix them all at once). Without them, or with `all`, every finding has a line of its own.
   */
  groups?: readonly FindingGroup[];
  all?: boolean;
}

function headerLine(input: ReportInput): string {
  if (input.lang === 'nb') {
    return `${input.file}: kontrollert år ${input.year === null ? 'ikke angitt' : String(input.year)}`;
  }
  return `${input.file}: year checked ${input.year === null ? 'not set' : String(input.year)}`;
}

function sheetHeading(sheet: string, lang: Lang, color: boolean): string {
  // A finding about the workbook as a whole may have no sheet; it still needs a heading.
  const name = sheet === '' ? (lang === 'nb' ? '(arbeidsboka)' : '(workbook)') : sheet;
  return paint(name, ANSI.bold, color);
}

function findingLine(finding: Finding, input: ReportInput, cellWidth: number): string {
  const labels = SEVERITY_LABELS[input.lang];
  const labelWidth = Math.max(...SEVERITIES.map((s) => labels[s].length));
  const label = labels[finding.severity];
  // Pad outside the colour codes so columns line up whether or not colour is on.
  const padding = ' '.repeat(labelWidth - label.length);
  const cell = finding.cell.padEnd(cellWidth);
  return `  ${paint(label, SEVERITY_COLORS[finding.severity], input.color)}${padding}  ${cell}  ${finding.message[input.lang]}${expectedActual(finding, input.lang)}`;
}

function countWord(count: number, severity: Severity, lang: Lang): string {
  const one = count === 1;
  const words: Record<Lang, Record<Severity, string>> = {
    nb: { feil: 'feil', advarsel: one ? 'advarsel' : 'advarsler', info: 'info' },
    en: { feil: one ? 'error' : 'errors', advarsel: one ? 'warning' : 'warnings', info: 'info' },
  };
  return `${formatNumber(count, lang)} ${words[lang][severity]}`;
}

export function summaryLine(summary: FindingSummary, lang: Lang): string {
  const counts = SEVERITIES.map((s) => countWord(summary[s], s, lang)).join(', ');
  return `${lang === 'nb' ? 'Sammendrag' : 'Summary'}: ${counts}`;
}

/** The lines of a group of many: the title, then its first cells and how many more, then how to fix them all. */
function groupLines(item: Item, input: ReportInput, cellWidth: number): string[] {
  const labels = SEVERITY_LABELS[input.lang];
  const labelWidth = Math.max(...SEVERITIES.map((s) => labels[s].length));
  const label = labels[item.severity];
  const padding = ' '.repeat(labelWidth - label.length);
  const indent = ' '.repeat(2 + labelWidth + 2 + cellWidth + 2);
  const [first] = item.findings;
  const head = `  ${paint(label, SEVERITY_COLORS[item.severity], input.color)}${padding}  ${groupCell(first?.cell ?? '').padEnd(cellWidth)}  ${item.title[input.lang]}`;
  const shown = item.findings.slice(0, GROUP_PREVIEW_CELLS).map((f) => f.cell);
  const rest = item.findings.length - shown.length;
  const more = rest === 0 ? '' : input.lang === 'nb' ? ` … og ${formatNumber(rest, 'nb')} til` : ` … and ${formatNumber(rest, 'en')} more`;
  const lines = [head, `${indent}${shown.join(', ')}${more}`];
  if (item.fixes.length > 0) {
    const out = input.lang === 'nb' ? '<ut.xlsx>' : '<out.xlsx>';
    const command = `handlingsplan ${COMMAND_WORDS.fix[input.lang]} ${input.file} -o ${out} --rule ${item.rule}`;
    lines.push(`${indent}${input.lang === 'nb' ? 'Rett opp alle' : 'Fix all'}: ${command}`);
  }
  return lines;
}

/** Where a group of many starts, marked as the first of several. */
function groupCell(cell: string): string {
  return `${cell} …`;
}

/** The human report: header, findings per sheet (groups of many in a few lines), summary. Ends with a newline. */
export function formatReport(input: ReportInput): string {
  const lines: string[] = [headerLine(input), ''];
  if (input.findings.length === 0) {
    lines.push(input.lang === 'nb' ? 'Ingen funn.' : 'No findings.', '');
  }
  const bySheet = itemsBySheet(input);
  const items = [...bySheet.values()].flat();
  const cellWidth = Math.max(
    0,
    ...items.map((item) => (item.findings.length > 1 ? groupCell(item.findings[0]?.cell ?? '') : (item.findings[0]?.cell ?? '')).length),
  );
  let folded = false;
  for (const [sheet, sheetItems] of bySheet) {
    lines.push(sheetHeading(sheet, input.lang, input.color));
    for (const item of sheetItems) {
      const [only] = item.findings;
      if (item.findings.length === 1 && only) {
        lines.push(findingLine(only, input, cellWidth));
      } else {
        lines.push(...groupLines(item, input, cellWidth));
        folded ||= item.findings.length > GROUP_PREVIEW_CELLS;
      }
    }
    lines.push('');
  }
  if (folded) lines.push(input.lang === 'nb' ? '(--all lister hvert funn for seg.)' : '(--all lists every finding on a line of its own.)');
  lines.push(summaryLine(input.summary, input.lang));
  return `${lines.join('\n')}\n`;
}

/** One finding as JSON: exactly these keys, in this order, whatever else the core adds to a Finding. */
interface JsonFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  expected: FindingValue;
  actual: FindingValue;
}

function jsonFinding(finding: Finding, lang: Lang): JsonFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    sheet: finding.sheet,
    cell: finding.cell,
    message: finding.message[lang],
    expected: finding.expected,
    actual: finding.actual,
  };
}

/** Exactly one JSON object on one line, for scripts (`jq`, CI). */
export function formatJson(findings: readonly Finding[], summary: FindingSummary, lang: Lang): string {
  const body = {
    findings: findings.map((f) => jsonFinding(f, lang)),
    summary: { feil: summary.feil, advarsel: summary.advarsel, info: summary.info },
  };
  return `${JSON.stringify(body)}\n`;
}
