// Number text: how figures, shares and percentages read in findings, notes, generated sheets and the shells.

/**
 * The one way figures are written, in the CLI, the pane, findings, notes and generated sheets: thousands grouped
 * with a space (`900 000`; a no-break space unless the shell asks for a plain one), a decimal comma (at most
 * two decimals, only when there are any). Years are never figures: findings carry them as text, so they are
 * never grouped (`2030`, not `2 030`).
 */
export function formatFigure(value: number, options: { space?: string; decimal?: string } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  // toString() switches to exponent notation past 1e21; such amounts are not kroner anyone budgets.
  const grouped = /e/.test(whole) ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, options.space ?? '\u00a0');
  const sign = rounded < 0 ? '-' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${options.decimal ?? ','}${fraction}`;
}

/** A finding's expected or actual value as text: figures as formatFigure writes them, text as it is. */
export function formatFindingValue(value: string | number, options: { space?: string; decimal?: string } = {}): string {
  return typeof value === 'number' ? formatFigure(value, options) : value;
}

/** Formats a number the Norwegian way for messages: `1 200 000`, `10,9 %`. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = value < 0 ? '-' : '';
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

export function formatPercent(share: number): string {
  return `${formatNumber(share * 100, 1)}\u00a0%`;
}

/**
 * A share above `limit`, with as many decimals as it takes to differ from the limit as printed: 12,04 % over a
 * 12 % limit is "12,04 %", never "12,0 %" (which would read as the limit itself).
 */
export function formatShareAbove(share: number, limit: number): string {
  for (let decimals = 1; decimals <= 4; decimals++) {
    const shown = `${formatNumber(share * 100, decimals)}\u00a0%`;
    if (shown !== `${formatNumber(limit * 100, decimals)}\u00a0%`) return shown;
  }
  return `over ${formatPercent(limit)}`;
}
