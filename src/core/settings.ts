/**
 * Limits the rules apply. They are settings with defaults, never literals inside rules, so a programme
 * with other rules of thumb can change them.
 */
export interface ValidationSettings {
  /** Highest share of the total frame that administration may take before a warning (the seed says "ca 10 %"). */
  adminShareMax: number;
  /** Cost lines (Rammer posts outside the areas) counted as administration, matched by normalised name. */
  adminPosts: string[];
  /** The year to check; defaults to the programme's Handlingsplanår. */
  year?: number;
  /** Today's date (ISO), for rules that depend on whether a year is over. Passed in: the core reads no clock. */
  today?: string;
}

export const DEFAULT_SETTINGS: ValidationSettings = {
  adminShareMax: 0.12,
  adminPosts: ['Administrasjon'],
};
