import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark';

/** Relative luminance of a `#RRGGBB` colour, 0 (black) to 1 (white); null when it is not one. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const channel = (h: string | undefined): number => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/**
 * Light or dark: Office's own theme when the host tells it (its pane background colour), else the
 * system's preference (prefers-color-scheme).
 */
export function pickTheme(officeBackground: string | undefined, prefersDark: boolean): ThemeName {
  const l = officeBackground === undefined ? null : luminance(officeBackground);
  if (l !== null) return l < 0.2 ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

export function fluentTheme(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : webLightTheme;
}
