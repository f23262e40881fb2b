/** Types for manifest/build.js (plain CommonJS, run by Node and by webpack). */
export const DEV_URL: string;
export function normalizeAddinUrl(value: string): string;
export function buildManifest(xml: string, addinUrl?: string): string;
export function buildCheckedManifest(options?: { addinUrl?: string; source?: string; assetsDir?: string }): string;
