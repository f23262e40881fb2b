import JSZip from 'jszip';
import type { GeneratedSheetInfo } from '../../core/snapshot/types';
import * as errors from './errors';
import { markersFromWorkbookXml } from './markers';
import { RELATIONSHIPS_NS } from './workbookXml';
import { attributes, escapeRegExp, prefixFor, rootElement } from './xml';

/**
 * Everything done to a file's bytes before exceljs sees them: recognise what the file is, refuse zip bombs,
 * and work around exceljs crashes on valid OOXML. All changes are made to an in-memory copy; the user's file
 * is never written. No Node built-ins here, so the reader also runs in the browser.
 */

/** Default ceiling on the unpacked size of all parts together (and so of any single part). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

export interface XlsxReadOptions {
  /** Refuse a workbook whose parts unpack to more than this many bytes. Defaults to MAX_UNCOMPRESSED_BYTES. */
  maxUncompressedBytes?: number;
}

export interface PreparedPackage {
  /** A zip exceljs can load: the same parts, fixed up, stored uncompressed. */
  bytes: Uint8Array;
  /** The main part is macro-enabled (.xlsm). Read anyway: the cell data is the same and nothing is written. */
  macroEnabled: boolean;
  /** `headerRowCount` per table name, from the table parts (see readHeaderRowCount for why). */
  headerRowCounts: Map<string, number>;
  /** The sheets this program generated, from their marker names in workbook.xml (exceljs drops constant names). */
  generated: GeneratedSheetInfo[];
}

export async function preparePackage(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<PreparedPackage> {
  const { parts, macroEnabled } = await readPackageParts(bytes, options);
  // Read before the fixes below, which only serve exceljs; the markers are in workbook.xml, which they leave alone.
  const generated = generatedSheets(parts);
  const headerRowCounts = fixParts(parts);
  return { bytes: await repack(parts), macroEnabled, headerRowCounts, generated };
}

/** A workbook package unpacked as it is: part name → bytes, in the zip's order. */
export interface UnpackedPackage {
  parts: Map<string, Uint8Array>;
  macroEnabled: boolean;
}

/**
 * Every part of a workbook package, unpacked within the size limits, after checking that the bytes are a
 * workbook at all. Shared by the reader and by the renderer, which edits a few parts and keeps the rest.
 */
export async function readPackageParts(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<UnpackedPackage> {
  const limit = options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES;
  rejectNonZip(bytes);
  const zip = await loadZip(bytes);
  checkDeclaredSizes(zip, limit);
  await checkIsPackage(zip);
  const parts = await inflateAll(zip, limit);
  const contentTypes = decode(parts.get(CONTENT_TYPES));
  if (!parts.has(WORKBOOK)) {
    // A Word or PowerPoint file is a zip too; only a package that claims to be a workbook is "damaged".
    throw XML_WORKBOOK_MAIN.test(contentTypes) ? errors.corrupt(`missing ${WORKBOOK}`) : errors.notXlsx();
  }
  return { parts, macroEnabled: MACRO_MAIN.test(contentTypes) };
}

function generatedSheets(parts: Map<string, Uint8Array>): GeneratedSheetInfo[] {
  try {
    return markersFromWorkbookXml(decode(parts.get(WORKBOOK)));
  } catch (error) {
    throw errors.corrupt(errors.describe(error));
  }
}

export const CONTENT_TYPES = '[Content_Types].xml';
export const WORKBOOK = 'xl/workbook.xml';
const XML_WORKBOOK_MAIN = /(spreadsheetml\.(sheet|template)|ms-excel\.(sheet|template|addin)\.macroEnabled)\.main\+xml/i;
const MACRO_MAIN = /ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml/i;

// ---------------------------------------------------------------------------------------------------------
// What kind of file is this?

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK"

/** Office wraps an encrypted .xlsx in a compound file with a stream of this name (stored as UTF-16LE). */
const ENCRYPTED_STREAM = 'EncryptedPackage';

function rejectNonZip(bytes: Uint8Array): void {
  if (startsWith(bytes, CFB_MAGIC)) {
    throw containsBytes(bytes, utf16le(ENCRYPTED_STREAM)) ? errors.encrypted() : errors.legacyFormat();
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw notZip(bytes);
}

/** An XML spreadsheet another program wrote (flat OpenDocument, Excel 2003 XML) gets the hint; anything else is no workbook. */
function notZip(bytes: Uint8Array): Error {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (/^\s*(?:\uFEFF)?<\?xml/.test(head) || /^\s*</.test(head)) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return errors.otherFormat('xml2003');
    if (/opendocument\.spreadsheet|<office:spreadsheet/.test(head)) return errors.otherFormat('fods');
  }
  return errors.notXlsx();
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i * 2] = code & 0xff;
    out[i * 2 + 1] = code >> 8;
  }
  return out;
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = 0; i <= last; i++) {
    if (haystack[i] !== first) continue;
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Unzipping within limits

async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    // Reads the central directory only; nothing is inflated yet.
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    throw errors.corrupt(errors.describe(error));
  }
}

/** Normalised part name: some writers store names with a leading slash; exceljs strips it too. */
function partName(entry: JSZip.JSZipObject): string {
  return entry.name.replace(/^\/+/, '');
}

function fileEntries(zip: JSZip): JSZip.JSZipObject[] {
  return Object.values(zip.files).filter((entry) => !entry.dir);
}

/** Without a content-types part a zip is no Office file at all, unless it still holds a workbook part. */
async function checkIsPackage(zip: JSZip): Promise<void> {
  const names = new Set(fileEntries(zip).map(partName));
  if (names.has(CONTENT_TYPES)) return;
  if (names.has(WORKBOOK)) throw errors.corrupt(`missing ${CONTENT_TYPES}`);
  throw await otherPackage(zip, names);
}

/**
 * A zip that is no Office package may be another program's spreadsheet: an OpenDocument file names its type
 * in its `mimetype` entry; a Numbers document keeps its sheets under `Index/`.
 */
async function otherPackage(zip: JSZip, names: Set<string>): Promise<Error> {
  const mimetype = zip.file('mimetype');
  // The mimetype entry is a few dozen bytes; anything larger is not one.
  if (mimetype && names.has('mimetype') && declaredSize(mimetype) < 200) {
    const type = await mimetype.async('string').catch(() => '');
    if (type.includes('opendocument.spreadsheet')) return errors.otherFormat('ods');
  }
  if ([...names].some((n) => n.startsWith('Index/') || n === 'Index.zip')) return errors.otherFormat('numbers');
  return errors.notXlsx();
}

/** The central-directory fields JSZip keeps on a loaded entry; not in its type declarations, so checked at run time. */
interface CentralDirectoryData {
  uncompressedSize: number;
}

function declaredSize(entry: JSZip.JSZipObject): number {
  const data: unknown = '_data' in entry ? entry._data : undefined;
  if (isCentralDirectoryData(data)) return data.uncompressedSize;
  return 0; // unknown: the streaming check in inflateWithin still bounds it
}

function isCentralDirectoryData(value: unknown): value is CentralDirectoryData {
  return typeof value === 'object' && value !== null && 'uncompressedSize' in value && typeof value.uncompressedSize === 'number';
}

/** Cheap first line of defence: refuse before inflating anything when the archive admits to being too big. */
function checkDeclaredSizes(zip: JSZip, limit: number): void {
  let total = 0;
  for (const entry of fileEntries(zip)) {
    const size = declaredSize(entry);
    if (size > limit) throw errors.tooLarge(limit);
    total += size;
    if (total > limit) throw errors.tooLarge(limit);
  }
}

/** Thrown inside inflateWithin when a part turns out larger than the sizes it declared. */
class OverBudget extends Error {}

/**
 * Inflates every part, counting real bytes as they come: declared sizes can lie, and JSZip would only notice
 * after inflating the whole part into memory.
 */
async function inflateAll(zip: JSZip, limit: number): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  let used = 0;
  for (const entry of fileEntries(zip)) {
    try {
      const data = await inflateWithin(entry, limit - used);
      used += data.length;
      parts.set(partName(entry), data);
    } catch (error) {
      throw error instanceof OverBudget ? errors.tooLarge(limit) : errors.corrupt(errors.describe(error));
    }
  }
  return parts;
}

/** JSZip's chunked reader (what its own `async()` uses); present at run time but not in its type declarations. */
interface StreamingEntry {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
}

function canStream(entry: object): entry is StreamingEntry {
  return 'internalStream' in entry && typeof entry.internalStream === 'function';
}

async function inflateWithin(entry: JSZip.JSZipObject, budget: number): Promise<Uint8Array> {
  if (!canStream(entry)) {
    const data = await entry.async('uint8array');
    if (data.length > budget) throw new OverBudget();
    return data;
  }
  const stream = entry.internalStream('uint8array');
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk) => {
        if (settled) return;
        total += chunk.length;
        if (total > budget) fail(new OverBudget());
        else chunks.push(chunk);
      })
      .on('error', fail)
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(concat(chunks, total));
      })
      .resume();
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// In-memory fixes for exceljs

const WORKSHEET_RELS = /^xl\/worksheets\/_rels\/[^/]+\.rels$/;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;

/** Applies the fixes part by part and collects the tables' header row counts on the way. */
function fixParts(parts: Map<string, Uint8Array>): Map<string, number> {
  const headerRowCounts = new Map<string, number>();
  for (const [name, data] of parts) {
    if (name === WORKBOOK) {
      rewriteText(parts, name, data, bindRelationshipsToR);
    } else if (WORKSHEET_RELS.test(name)) {
      rewriteText(parts, name, data, fixWorksheetRels);
    } else if (WORKSHEET.test(name)) {
      rewriteText(parts, name, data, stripDataValidations);
    } else if (TABLE_PART.test(name)) {
      const found = readHeaderRowCount(decode(data));
      if (found) headerRowCounts.set(found.name, found.count);
    }
  }
  return headerRowCounts;
}

function rewriteText(parts: Map<string, Uint8Array>, name: string, data: Uint8Array, fix: (xml: string) => string): void {
  const xml = decode(data);
  const fixed = fix(xml);
  if (fixed !== xml) parts.set(name, new TextEncoder().encode(fixed));
}

function decode(data: Uint8Array | undefined): string {
  return data === undefined ? '' : new TextDecoder('utf-8').decode(data);
}

/** Relationship elements are always empty elements, so a tag-level pattern is enough. */
export function fixWorksheetRels(xml: string): string {
  return xml.replace(/<Relationship\b[^>]*>/g, fixRelationship);
}

function fixRelationship(element: string): string {
  if (/\bTargetMode\s*=\s*["']External["']/.test(element)) return element;
  // exceljs looks notes up by a part name only it writes (xl/commentsN.xml) and crashes on others, such as
  // openpyxl's xl/comments/comment1.xml. The snapshot never holds notes, so the link is dropped.
  if (/\bType\s*=\s*["'][^"']*\/comments["']/.test(element)) return '';
  // exceljs finds a sheet's tables by the relative target Excel writes ("../tables/table1.xml") and crashes
  // on the equally valid absolute form openpyxl writes ("/xl/tables/table1.xml").
  return element.replace(/\bTarget\s*=\s*(["'])\/xl\/([^"']*)\1/, 'Target=$1../$2$1');
}

/**
 * exceljs finds each sheet's part through the attribute literally named `r:id`, so a workbook that binds the
 * relationships namespace to another prefix (equally valid XML) would show no sheets at all. The copy it
 * reads gets the prefix `r`, unless `r` already means something else there.
 */
export function bindRelationshipsToR(xml: string): string {
  const root = rootElement(xml);
  const prefix = prefixFor(root, RELATIONSHIPS_NS);
  if (prefix === undefined || prefix === '' || prefix === 'r' || attributes(root.span.startTag).has('xmlns:r')) return xml;
  const p = escapeRegExp(prefix);
  return xml.replace(new RegExp(`(\\s)xmlns:${p}=`, 'g'), '$1xmlns:r=').replace(new RegExp(`(\\s)${p}:id=`, 'g'), '$1r:id=');
}

/**
 * exceljs expands every validation range into one object per cell while loading, so a list on whole columns
 * (B2:B1048576, a common way to set one up) costs seconds and >100 MB per column. The snapshot never reads
 * validations, so they are removed from the in-memory copy.
 */
export function stripDataValidations(xml: string): string {
  if (!xml.includes('<dataValidations')) return xml;
  return xml.replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>/g, '');
}

/**
 * exceljs reads a table's header row as present only when `headerRowCount="1"` is written, but Excel leaves
 * the attribute out because 1 is the default. The count is therefore taken from the table part itself.
 */
function readHeaderRowCount(xml: string): { name: string; count: number } | undefined {
  const tag = /<table\b[^>]*>/.exec(xml)?.[0];
  const name = tag === undefined ? undefined : /\sname\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
  if (tag === undefined || name === undefined) return undefined;
  const count = /\sheaderRowCount\s*=\s*["'](\d+)["']/.exec(tag)?.[1];
  return { name, count: count === undefined ? 1 : Number(count) };
}

/** Stored, not deflated: exceljs would only inflate it again, and the limits were enforced above. */
async function repack(parts: Map<string, Uint8Array>): Promise<Uint8Array> {
  return zipParts(parts, 'STORE');
}

/** A package to hand to the user: deflated like Excel's own files, parts in the given order. */
export async function packParts(parts: Map<string, Uint8Array>): Promise<Uint8Array> {
  return zipParts(parts, 'DEFLATE');
}

async function zipParts(parts: Map<string, Uint8Array>, compression: 'STORE' | 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data, { binary: true, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression });
}
