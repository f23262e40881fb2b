/** Types for manifest/check.js (plain CommonJS, run by Node and by webpack). */
export interface ManifestCheck {
  errors: string[];
  info: { id: string; version: string; source: string; origin: string | null; icons: string[] } | null;
}
export function checkManifest(xml: string, options?: { assetsDir?: string }): ManifestCheck;
export function pngSize(
  bytes: Buffer,
): { width: number; height: number; error?: undefined } | { error: string; width?: undefined; height?: undefined };
