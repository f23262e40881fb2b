import type { LayoutCell, SheetLayout } from '../../core/layout/types';
import type { RenderOutcome } from '../port';
import { escapeRegExp } from './xml';
import { absoluteRange, quotedSheet } from './refs';
import { existingStylesPart } from './workbookParts';
import { chartXml, drawingXml } from './chartXml';
import { commentsXml, usedVmlBlocks, vmlXml } from './notesXml';
import { notesByCell } from '../../core/layout/notes';
import * as errors from './errors';
import { isMarkerName, MARKER_NAME, markerValue } from './markers';
import {
  addDefault,
  addOverride,
  addRelationship,
  CONTENT_TYPE,
  EMPTY_RELATIONSHIPS,
  hasType,
  PackageParts,
  RELATIONSHIP_TYPE,
  relationships,
  relsPartOf,
  removeOverride,
  removePartTree,
  removeRelationship,
  resolveTarget,
  unusedRelationshipId,
} from './opc';
import { CONTENT_TYPES, packParts, readPackageParts, WORKBOOK, type XlsxReadOptions } from './package';
import { cellFormat, worksheetXml } from './sheetXml';
import { addCellFormats, formatKey, MINIMAL_STYLES, type CellFormat } from './stylesXml';
import {
  activeTab,
  addDefinedNames,
  appendSheet,
  definedNames,
  removeDefinedNames,
  removeSheet,
  setActiveTab,
  setFullCalcOnLoad,
  sheetEntries,
  type NewDefinedName,
  type SheetEntry,
} from './workbookXml';

/**
 * Renders a sheet layout into a copy of the user's workbook at the package level: a new worksheet part, its
 * formats appended to styles.xml, and its entries in workbook.xml, the workbook's relationships and the
 * content types. Every other part is carried over byte for byte, so charts, custom properties, add-in parts
 * and names that exceljs would lose on a re-save survive. The input is never changed; the caller gets the
 * new package's bytes. Browser-safe: no Node built-ins (see ./file for files).
 */

/** The port's outcome (sheet, replaced, renamedFrom), plus the new package and what a shell should tell. */
export interface RenderResult extends RenderOutcome {
  bytes: Uint8Array;
  /** anchor names left out because the workbook already uses them for something of the user's */
  skippedAnchors: string[];
  /** the package is macro-enabled (.xlsm): the output must keep that extension for Excel to open it */
  macroEnabled: boolean;
}

const WORKSHEETS_FOLDER = 'xl/worksheets';
const MAX_SHEET_NAME = 31;

export async function renderLayoutIntoPackage(input: Uint8Array, layout: SheetLayout, options?: XlsxReadOptions): Promise<RenderResult> {
  checkSheetName(layout.sheet);
  const { parts: stored, macroEnabled } = await readPackageParts(input, options);
  const parts = new PackageParts(stored);
  const outcome = asDamage(() => renderInto(parts, layout));
  return { bytes: await packParts(parts.entries()), ...outcome, macroEnabled };
}

/** Parts that cannot be edited as XML (no <sheets>, an unclosed element) mean a damaged workbook. */
function asDamage<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof SyntaxError) throw errors.corrupt(error.message);
    throw error;
  }
}

function renderInto(parts: PackageParts, layout: SheetLayout): Omit<RenderResult, 'bytes' | 'macroEnabled'> {
  const edit = startEdit(parts);
  const target = chooseTarget(edit.workbook, layout.sheet);
  if (target.replacing !== undefined) removeGeneratedSheet(parts, edit, target.replacing);
  const index = addSheet(parts, edit, layout, target);
  const skippedAnchors = addNames(edit, layout, target.name, index, target.replacing?.name);
  edit.workbook = setFullCalcOnLoad(edit.workbook);
  if (target.wasActive) edit.workbook = setActiveTab(edit.workbook, index);
  finishEdit(parts, edit);
  const outcome: Omit<RenderResult, 'bytes' | 'macroEnabled'> = {
    sheet: target.name,
    replaced: target.replacing !== undefined,
    skippedAnchors,
  };
  if (target.name !== layout.sheet) outcome.renamedFrom = layout.sheet;
  return outcome;
}

/** Where the layout goes: its own name (replacing our earlier sheet of that name) or the next free one. */
interface Target {
  name: string;
  sheetId: number;
  /** our earlier sheet of the same name, to be replaced */
  replacing?: SheetEntry;
  /** the replaced sheet was the one the workbook opens on */
  wasActive: boolean;
}

function chooseTarget(workbook: string, wanted: string): Target {
  const sheets = sheetEntries(workbook);
  // Never reuse a removed sheet's id: other parts (calcChain, revisions) may still refer to it.
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const existing = sheets.find((s) => sameSheetName(s.name, wanted));
  if (existing === undefined) return { name: wanted, sheetId, wasActive: false };
  const ours = carriesMarker(workbook, existing.index) ? existing : ourRenamedSheet(workbook, wanted, sheets);
  if (ours === undefined) return { name: freeName(wanted, sheets), sheetId, wasActive: false };
  return { name: ours.name, sheetId, replacing: ours, wasActive: activeTab(workbook) === ours.index };
}

/**
 * When the user owns the wanted name, an earlier run went to `Name (2)`, `Name (3)`, …; regenerating must
 * replace that sheet of ours rather than add yet another one.
 */
function ourRenamedSheet(workbook: string, wanted: string, sheets: readonly SheetEntry[]): SheetEntry | undefined {
  const pattern = new RegExp(`^${escapeRegExp(wanted.toLowerCase())} \\(\\d+\\)$`);
  return sheets.find((s) => pattern.test(s.name.toLowerCase()) && carriesMarker(workbook, s.index));
}

/** The new worksheet part with its relationship, content type and entry in <sheets>; returns its position. */
function addSheet(parts: PackageParts, edit: Edit, layout: SheetLayout, target: Target): number {
  const styleIndex = appendStyles(parts, edit, layout);
  const part = unusedWorksheetPart(parts);
  const sheetRels = new SheetRelationships();
  const drawingRelId = addCharts(parts, edit, layout, sheetRels, target.name);
  const legacyDrawingRelId = addNotes(parts, edit, layout, sheetRels);
  sheetRels.write(parts, part);
  parts.setText(
    part,
    worksheetXml(layout, {
      styleIndex,
      tabSelected: target.wasActive,
      ...(drawingRelId ? { drawingRelId } : {}),
      ...(legacyDrawingRelId ? { legacyDrawingRelId } : {}),
    }),
  );
  const relId = unusedRelationshipId(edit.rels);
  edit.rels = addRelationship(edit.rels, { id: relId, type: RELATIONSHIP_TYPE.worksheet, target: part.slice('xl/'.length) });
  edit.contentTypes = addOverride(edit.contentTypes, part, CONTENT_TYPE.worksheet);
  edit.workbook = appendSheet(edit.workbook, { name: target.name, sheetId: target.sheetId, relId });
  return sheetEntries(edit.workbook).length - 1;
}

/**
 * The layout's charts: a drawing part for the sheet with one chart part per chart, their relationships and
 * content types. Returns the sheet's relationship id of the drawing, or undefined when there are no charts.
 * Replacing the sheet later removes them with it (removePartTree follows the relationships).
 */
function addCharts(
  parts: PackageParts,
  edit: Edit,
  layout: SheetLayout,
  sheetRels: SheetRelationships,
  sheetName: string,
): string | undefined {
  const charts = layout.charts ?? [];
  if (charts.length === 0) return undefined;
  const drawing = unusedPart(parts, (n) => `xl/drawings/drawing${n}.xml`);
  let drawingRels = EMPTY_RELATIONSHIPS;
  const chartRelIds: string[] = [];
  for (const chart of charts) {
    const part = unusedPart(parts, (n) => `xl/charts/chart${n}.xml`);
    parts.setText(part, chartXml(chart, sheetName));
    edit.contentTypes = addOverride(edit.contentTypes, part, CONTENT_TYPE.chart);
    const id = unusedRelationshipId(drawingRels);
    drawingRels = addRelationship(drawingRels, {
      id,
      type: RELATIONSHIP_TYPE.chart,
      target: `../charts/${part.slice('xl/charts/'.length)}`,
    });
    chartRelIds.push(id);
  }
  parts.setText(drawing, drawingXml(charts, chartRelIds));
  parts.setText(relsPartOf(drawing), drawingRels);
  edit.contentTypes = addOverride(edit.contentTypes, drawing, CONTENT_TYPE.drawing);
  return sheetRels.add(RELATIONSHIP_TYPE.drawing, `../drawings/${drawing.slice('xl/drawings/'.length)}`);
}

/**
 * The layout's marks as cell notes, so a reader who points at a red cell sees which error it stands for: a
 * comments part and its VML drawing. Returns the sheet's relationship id of the VML drawing, or undefined.
 */
function addNotes(parts: PackageParts, edit: Edit, layout: SheetLayout, sheetRels: SheetRelationships): string | undefined {
  const notes = notesByCell(layout.marks);
  if (notes.length === 0) return undefined;
  const comments = unusedPart(parts, (n) => `xl/comments${n}.xml`);
  parts.setText(comments, commentsXml(notes));
  edit.contentTypes = addOverride(edit.contentTypes, comments, CONTENT_TYPE.comments);
  sheetRels.add(RELATIONSHIP_TYPE.comments, `../${comments.slice('xl/'.length)}`);
  const vmlParts = parts
    .names()
    .filter((name) => name.toLowerCase().endsWith('.vml'))
    .map((name) => parts.text(name) ?? '');
  const block = Math.max(0, ...usedVmlBlocks(vmlParts)) + 1;
  const vml = unusedPart(parts, (n) => `xl/drawings/vmlDrawing${n}.vml`);
  parts.setText(vml, vmlXml(notes, block));
  edit.contentTypes = addDefault(edit.contentTypes, 'vml', CONTENT_TYPE.vmlDrawing);
  return sheetRels.add(RELATIONSHIP_TYPE.vmlDrawing, `../drawings/${vml.slice('xl/drawings/'.length)}`);
}

/** The new sheet's relationships, gathered while its parts are added and written once at the end. */
class SheetRelationships {
  private xml = EMPTY_RELATIONSHIPS;
  private count = 0;

  add(type: string, target: string): string {
    const id = unusedRelationshipId(this.xml);
    this.xml = addRelationship(this.xml, { id, type, target });
    this.count += 1;
    return id;
  }

  write(parts: PackageParts, sheetPart: string): void {
    if (this.count > 0) parts.setText(relsPartOf(sheetPart), this.xml);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The parts being edited

/** The three package-level parts every render changes, held as text until the end. */
interface Edit {
  workbook: string;
  rels: string;
  contentTypes: string;
}

const WORKBOOK_RELS = relsPartOf(WORKBOOK);

function startEdit(parts: PackageParts): Edit {
  return {
    workbook: parts.text(WORKBOOK) ?? '',
    rels: parts.text(WORKBOOK_RELS) ?? EMPTY_RELATIONSHIPS,
    contentTypes: parts.text(CONTENT_TYPES) ?? '',
  };
}

function finishEdit(parts: PackageParts, edit: Edit): void {
  parts.setText(WORKBOOK, edit.workbook);
  parts.setText(WORKBOOK_RELS, edit.rels);
  parts.setText(CONTENT_TYPES, edit.contentTypes);
}

// ---------------------------------------------------------------------------------------------------------
// Names of sheets

/** Excel compares sheet names without regard to case. */
function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Excel's rules for a sheet name; breaking them makes Excel repair the file. */
function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > MAX_SHEET_NAME ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw new RangeError(`Not a valid Excel sheet name: ${name}`);
  }
}

/** `Name (2)`, `Name (3)`, …: the first not taken, shortened to fit Excel's 31 characters. */
function freeName(name: string, sheets: readonly SheetEntry[]): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '')}${suffix}`;
    if (!sheets.some((s) => sameSheetName(s.name, candidate))) return candidate;
  }
}

function carriesMarker(workbook: string, index: number): boolean {
  return definedNames(workbook).some((n) => isMarkerName(n.name) && n.localSheetId === index);
}

// ---------------------------------------------------------------------------------------------------------
// Replacing a generated sheet

/**
 * Removes an earlier generated sheet and what belongs to it: its entry and scoped names, its part with the
 * parts only it used, its relationship, and the calculation chain (which may name its cells; Excel rebuilds
 * it). Workbook-scoped anchors are dealt with when the new ones are added.
 */
function removeGeneratedSheet(parts: PackageParts, edit: Edit, sheet: SheetEntry): void {
  const relationship = relationships(edit.rels).find((r) => r.id === sheet.relId);
  if (relationship !== undefined) {
    edit.rels = removeRelationship(edit.rels, relationship.id);
    if (!relationship.external) edit.contentTypes = removePartTree(parts, resolveTarget(WORKBOOK, relationship.target), edit.contentTypes);
  }
  edit.workbook = removeSheet(edit.workbook, sheet.index);
  dropCalcChain(parts, edit);
}

function dropCalcChain(parts: PackageParts, edit: Edit): void {
  for (const relationship of relationships(edit.rels).filter((r) => hasType(r, 'calcChain'))) {
    edit.rels = removeRelationship(edit.rels, relationship.id);
    const part = resolveTarget(WORKBOOK, relationship.target);
    parts.remove(part);
    edit.contentTypes = removeOverride(edit.contentTypes, part);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Styles and the new part

/** Appends the layout's formats to the workbook's stylesheet (creating one if it has none). */
function appendStyles(parts: PackageParts, edit: Edit, layout: SheetLayout): (cell: LayoutCell) => number | undefined {
  const part = stylesPart(parts, edit);
  const formats = layout.cells.map(cellFormat).filter((f): f is CellFormat => f !== undefined);
  const added = addCellFormats(parts.text(part) ?? MINIMAL_STYLES, formats);
  parts.setText(part, added.xml);
  return (cell) => {
    const format = cellFormat(cell);
    return format === undefined ? undefined : added.indexOf.get(formatKey(format));
  };
}

function stylesPart(parts: PackageParts, edit: Edit): string {
  const existing = existingStylesPart(edit.rels);
  if (existing !== undefined) return existing;
  const part = unusedPart(parts, (n) => `xl/styles${n === 1 ? '' : n}.xml`);
  edit.rels = addRelationship(edit.rels, {
    id: unusedRelationshipId(edit.rels),
    type: RELATIONSHIP_TYPE.styles,
    target: part.slice('xl/'.length),
  });
  edit.contentTypes = addOverride(edit.contentTypes, part, CONTENT_TYPE.styles);
  return part;
}

function unusedWorksheetPart(parts: PackageParts): string {
  return unusedPart(parts, (n) => `${WORKSHEETS_FOLDER}/sheet${n}.xml`);
}

function unusedPart(parts: PackageParts, nameFor: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = nameFor(n);
    // The relationships part too: a left-over sheetN.xml.rels would attach itself to the new sheet.
    if (!parts.has(name) && !parts.has(relsPartOf(name))) return name;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Defined names

/**
 * The marker, the print titles and the anchors. An anchor name the workbook already has is taken over when
 * it belonged to a generated sheet (or was left dangling, `#REF!`); a name of the user's is left alone and
 * the anchor reported as skipped, since two names alike make Excel repair the file.
 */
function addNames(edit: Edit, layout: SheetLayout, sheet: string, index: number, replacedSheet: string | undefined): string[] {
  const quoted = quotedSheet(sheet);
  const names: NewDefinedName[] = [{ name: MARKER_NAME, value: markerValue(layout.marker), localSheetId: index, hidden: true }];
  const titles = layout.print.titleRows;
  if (titles !== undefined)
    names.push({ name: '_xlnm.Print_Titles', value: `${quoted}!$${titles.from}:$${titles.to}`, localSheetId: index });

  const owned = generatedSheetNames(edit.workbook, replacedSheet);
  const existing = definedNames(edit.workbook).filter((n) => n.localSheetId === undefined);
  const taken = (anchor: string): (typeof existing)[number] | undefined =>
    existing.find((n) => n.name.toLowerCase() === anchor.toLowerCase());
  const skipped: string[] = [];
  const replace = new Set<string>();
  for (const anchor of layout.anchors) {
    checkName(anchor.name);
    const current = taken(anchor.name);
    if (current !== undefined && !isOwnedReference(current.value, owned)) {
      skipped.push(anchor.name);
      continue;
    }
    if (current !== undefined) replace.add(current.name.toLowerCase());
    names.push({ name: anchor.name, value: `${quoted}!${absoluteRange(anchor.range)}` });
  }
  edit.workbook = removeDefinedNames(edit.workbook, (n) => n.localSheetId === undefined && replace.has(n.name.toLowerCase()));
  edit.workbook = addDefinedNames(edit.workbook, names);
  return skipped;
}

/** Names of the sheets that carry a marker, plus the one just replaced (its marker is gone with it). */
function generatedSheetNames(workbook: string, replacedSheet: string | undefined): string[] {
  const sheets = sheetEntries(workbook);
  const marked = definedNames(workbook)
    .filter((n) => isMarkerName(n.name) && n.localSheetId !== undefined)
    .map((n) => sheets[n.localSheetId ?? -1]?.name)
    .filter((n): n is string => n !== undefined);
  return replacedSheet === undefined ? marked : [...marked, replacedSheet];
}

function isOwnedReference(value: string, ownedSheets: readonly string[]): boolean {
  const reference = value.replace(/^=/, '').trim();
  if (reference.startsWith('#REF!')) return true;
  return ownedSheets.some(
    (sheet) =>
      reference.toLowerCase().startsWith(`${quotedSheet(sheet)}!`.toLowerCase()) ||
      reference.toLowerCase().startsWith(`${sheet}!`.toLowerCase()),
  );
}

/** Excel's rules for a defined name: a letter, `_` or `\` first, no spaces, and not readable as a cell. */
function checkName(name: string): void {
  const wellFormed = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && name.length <= 255;
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (!wellFormed || looksLikeCell) throw new RangeError(`Not a valid Excel name: ${name}`);
}
