/** Types for scripts/check-headers.js: what a host must and must not send with taskpane.html. */
export function hostHeaderProblems(
  headers: Record<string, string | string[] | undefined>,
  response?: { url?: string; status?: number },
): string[];
export const FRAME_ANCESTORS: readonly string[];
