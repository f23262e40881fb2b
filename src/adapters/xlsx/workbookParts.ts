/** Finding the parts of a package that other parts point at: a sheet's worksheet part, the stylesheet. */
import { WorkbookOperationError } from '../port';
import { hasType, PackageParts, RELATIONSHIP_TYPE, relationships, relsPartOf, resolveTarget } from './opc';
import { WORKBOOK } from './package';
import { sheetEntries } from './workbookXml';

/** The worksheet part of the sheet named `sheet`, through workbook.xml and its relationships. */
export function worksheetPart(parts: PackageParts, sheet: string): string {
  const entry = sheetEntries(parts.text(WORKBOOK) ?? '').find((s) => s.name === sheet);
  const target = relationships(parts.text(relsPartOf(WORKBOOK)) ?? '').find((r) => r.id === entry?.relId)?.target;
  if (entry === undefined || target === undefined) {
    throw new WorkbookOperationError('not-found', `Fant ikke arket «${sheet}».`, `Sheet "${sheet}" was not found.`);
  }
  return resolveTarget(WORKBOOK, target);
}

/** The workbook's stylesheet part, from the workbook's relationships (`rels`); undefined when it has none. */
export function existingStylesPart(rels: string): string | undefined {
  const relationship = relationships(rels).find((r) => hasType(r, RELATIONSHIP_TYPE.styles) && !r.external);
  return relationship === undefined ? undefined : resolveTarget(WORKBOOK, relationship.target);
}
