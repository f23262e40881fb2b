/**
 * axe-core in the page: injected as a script tag (so the context must bypass the page's CSP, which forbids
 * inline scripts), run with the WCAG 2.1 A/AA rules and best practices, as BROWSER.md did by hand.
 */
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_PATH = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface Violation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  nodes: string[];
}

interface AxeGlobal {
  axe?: { run(context: unknown, options: object): Promise<AxeResults> };
  document: unknown;
}

export async function axeScan(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => (globalThis as unknown as AxeGlobal).axe !== undefined);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const g = globalThis as unknown as AxeGlobal;
    if (!g.axe) throw new Error('axe-core did not load');
    const results = await g.axe.run(g.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? undefined,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    }));
  }, TAGS);
}

/** The violations that fail a test: impact serious or critical. */
export function severe(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(state: string, violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `[${state}] ${v.impact ?? 'unknown'} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n}`)
          .join('\n')}`,
    )
    .join('\n');
}
