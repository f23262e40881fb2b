/** Types for manifest/icons.js, the icon generator. */
export const SIZES: number[];
export function drawIcon(size: number): Buffer;
export function encodePng(width: number, height: number, rgba: Buffer): Buffer;
