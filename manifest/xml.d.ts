/** Types for manifest/xml.js, the manifest's strict XML parser. */
export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  ns: string | null;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  column: number;
  namespaces: Record<string, string>;
}
export class XmlError extends Error {
  line: number;
  column: number;
}
export function parseXml(text: string): { root: XmlElement; declaration: { encoding: string | null } | null };
export function attrNS(element: XmlElement, ns: string, local: string): string | undefined;
