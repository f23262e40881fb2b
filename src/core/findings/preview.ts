/**
 * How many cells a group of many findings shows before "… og N til" (the pane's group row and the CLI's
 * grouped report alike); the rest are listed on demand (the pane's "Vis alle", the CLI's --all).
 */
export const GROUP_PREVIEW_CELLS = 3;
