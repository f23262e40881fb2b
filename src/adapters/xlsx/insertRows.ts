import { WorkbookOperationError } from '../port';
import {
  hasType,
  PackageParts,
  RELATIONSHIP_TYPE,
  relationships,
  relsPartOf,
  removeOverride,
  removeRelationship,
  resolveTarget,
} from './opc';
import { CONTENT_TYPES, WORKBOOK } from './package';
import { sheetEntries } from './workbookXml';
import { worksheetPart } from './workbookParts';

/**
 * Inserting whole sheet rows at the package level, as Excel's *Sett inn rader* does: every row from `at` down
 * moves `count` rows down, and with it every reference to those cells — cell and row numbers, merged cells,
 * dropdown lists, conditional formats, hyperlinks, page breaks, the tables that stand there, and the A1
 * references in formulas and defined names, on this sheet and on others that name it. Excel rebuilds the
 * calculation chain, so it is dropped. A sheet with drawings, charts or notes (anchored to cells in parts of
 * their own) is refused rather than half moved.
 */
export function insertSheetRows(parts: PackageParts, sheet: string, at: number, count: number): void {
  if (count <= 0) return;
  const part = worksheetPart(parts, sheet);
  const rels = parts.text(relsPartOf(part)) ?? '';
  const anchored = relationships(rels).find((r) => !r.external && /\/(drawing|vmlDrawing|comments)$/.test(r.type));
  if (anchored !== undefined) throw cannotMove(sheet);
  const shift: Shift = { sheet, at, count };

  parts.setText(part, shiftWorksheet(parts.text(part) ?? '', shift, true));
  for (const r of relationships(rels)) {
    if (r.external || !hasType(r, RELATIONSHIP_TYPE.table)) continue;
    const tablePart = resolveTarget(part, r.target);
    const xml = parts.text(tablePart);
    if (xml !== undefined) parts.setText(tablePart, shiftAttributes(xml, shift));
  }
  for (const other of otherWorksheets(parts, part)) {
    const xml = parts.text(other);
    if (xml !== undefined) parts.setText(other, shiftFormulaElements(xml, shift, false));
  }
  const workbook = parts.text(WORKBOOK) ?? '';
  parts.setText(
    WORKBOOK,
    workbook.replace(
      /(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<\/)/g,
      (_m, open: string, text: string, close: string) => open + shiftFormula(text, shift, false) + close,
    ),
  );
  dropCalcChain(parts);
}

export interface Shift {
  sheet: string;
  at: number;
  count: number;
}

function cannotMove(sheet: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Det er ikke plass under tabellen på arket «${sheet}», og arket har tegninger, diagrammer eller merknader som ikke kan flyttes i en fil. Åpne arbeidsboka i Excel og bruk tillegget der.`,
    `There is no room below the table on sheet "${sheet}", and the sheet has drawings, charts or notes that cannot be moved in a file. Open the workbook in Excel and use the add-in there.`,
  );
}

function otherWorksheets(parts: PackageParts, own: string): string[] {
  const rels = relationships(parts.text(relsPartOf(WORKBOOK)) ?? '');
  return sheetEntries(parts.text(WORKBOOK) ?? '')
    .map((s) => rels.find((r) => r.id === s.relId))
    .filter((r) => r !== undefined && !r.external && hasType(r, RELATIONSHIP_TYPE.worksheet))
    .map((r) => resolveTarget(WORKBOOK, r?.target ?? ''))
    .filter((p) => p !== own);
}

function dropCalcChain(parts: PackageParts): void {
  const relsPart = relsPartOf(WORKBOOK);
  const rels = parts.text(relsPart) ?? '';
  for (const r of relationships(rels).filter((x) => !x.external && /\/calcChain$/.test(x.type))) {
    const target = resolveTarget(WORKBOOK, r.target);
    parts.remove(target);
    parts.setText(relsPart, removeRelationship(parts.text(relsPart) ?? '', r.id));
    parts.setText(CONTENT_TYPES, removeOverride(parts.text(CONTENT_TYPES) ?? '', target));
  }
}

// ---------------------------------------------------------------------------------------------------------

function shiftRow(row: number, shift: Shift): number {
  return row >= shift.at ? row + shift.count : row;
}

/** `B12`, `$B$12`, `B3:C12` or `A:A` as the insertion moves it: a range that spans the insertion grows. */
function shiftArea(area: string, shift: Shift): string {
  const m = /^(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?$/.exec(area);
  if (m === null) return area;
  const [, c1 = '', r1 = '', c2, r2] = m;
  const top = Number(r1);
  if (c2 === undefined || r2 === undefined) return `${c1}${shiftRow(top, shift)}`;
  return `${c1}${shiftRow(top, shift)}:${c2}${shiftRow(Number(r2), shift)}`;
}

const REF_ATTRIBUTES = new Set(['ref', 'sqref', 'activeCell', 'topLeftCell']);

/** Every start tag's cell-reference attributes (`ref`, `sqref`, …) shifted; `<brk id>` page breaks too. */
function shiftAttributes(xml: string, shift: Shift): string {
  return xml.replace(/<((?:\w+:)?\w+)(\s[^>]*?)?(\/?)>/g, (tag: string, name: string, attrs: string | undefined) => {
    if (attrs === undefined) return tag;
    const local = name.replace(/^\w+:/, '');
    return tag.replace(/\s(\w+)="([^"]*)"/g, (whole: string, attr: string, value: string) => {
      if (REF_ATTRIBUTES.has(attr))
        return ` ${attr}="${value
          .split(/\s+/)
          .map((a) => shiftArea(a, shift))
          .join(' ')}"`;
      if (local === 'brk' && attr === 'id' && /^\d+$/.test(value)) return ` id="${shiftRow(Number(value), shift)}"`;
      return whole;
    });
  });
}

/** The worksheet: rows and cells renumbered, reference attributes and formulas shifted. */
function shiftWorksheet(xml: string, shift: Shift, home: boolean): string {
  const renumbered = xml
    .replace(/<((?:\w+:)?row)\b([^>]*)>/g, (tag: string) =>
      tag.replace(/\sr="(\d+)"/, (_m, r: string) => ` r="${shiftRow(Number(r), shift)}"`),
    )
    .replace(/<((?:\w+:)?c)\b([^>]*)>/g, (tag: string) =>
      tag.replace(/\sr="([A-Z]{1,3})(\d+)"/, (_m, c: string, r: string) => ` r="${c}${shiftRow(Number(r), shift)}"`),
    );
  // <c r> and <row r> are done; the generic pass must not touch them again.
  const attributesShifted = renumbered.replace(/<((?:\w+:)?(?!c\b|row\b)\w+)(\s[^>]*?)?(\/?)>/g, (tag: string) =>
    shiftAttributes(tag, shift),
  );
  return shiftFormulaElements(attributesShifted, shift, home);
}

/** Formulas of cells, conditional formats and data validations. */
function shiftFormulaElements(xml: string, shift: Shift, home: boolean): string {
  return xml.replace(
    /(<(?:\w+:)?(?:f|formula|formula1|formula2)\b[^>]*>)([^<]*)(<\/)/g,
    (_m, open: string, text: string, close: string) => open + shiftFormula(text, shift, home) + close,
  );
}

/**
 * A formula's A1 references to the shifted sheet, moved: unqualified ones when the formula stands on that
 * sheet (`home`), and those qualified with its name (`Økonomi!C21`, `'Mål og resultater'!$B$3`) anywhere.
 * Text in double quotes is left alone; names and functions (`LOG10(`, `Tabell1[`) are not references.
 */
export function shiftFormula(formula: string, shift: Shift, home: boolean): string {
  const REF =
    /(?<![\w.\]$'])((?:'(?:[^']|'')+'|[^\s!'"(),:;=+\-*/^&<>{}[\]%]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w([!])/g;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REF, (whole: string, prefix: string | undefined, area: string) => {
            const sheet = prefix === undefined ? undefined : unquote(prefix.slice(0, -1));
            const ours = sheet === undefined ? home : sheet.toLowerCase() === shift.sheet.toLowerCase();
            return ours ? (prefix ?? '') + shiftArea(area, shift) : whole;
          }),
    )
    .join('');
}

function unquote(name: string): string {
  return name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}
