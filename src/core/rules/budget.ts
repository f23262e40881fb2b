import { formatPercent, makeFinding } from '../findings/make';
import type { Finding } from '../findings/types';
import type { FinancingLine, FrameLine, Plan } from '../model/plan';
import { normalizeKey } from '../parse/header';
import type { ValidationSettings } from '../settings';
import { sumOf, type RuleContext } from './context';
import { framesAfterReallocations } from './reallocations';

/** Strategy budgets against area frames, frames against their declared sums, and the total against financing. */
export function budgetRules({ plan, settings, years }: RuleContext): Finding[] {
  return years.flatMap((year) => budgetRulesForYear(plan, settings, year));
}

function budgetRulesForYear(plan: Plan, settings: ValidationSettings, year: number): Finding[] {
  const frames = plan.frames.filter((f) => f.year === year);
  const financing = plan.financing.filter((f) => f.year === year);
  return [
    ...strategiesAgainstFrames(plan, frames, year),
    ...declaredFrameSums(frames, year),
    ...financingRules(frames, financing, year),
    ...adminShare(frames, settings, year),
  ];
}

/** The frame of each area, first line wins (a duplicate is a structure finding). */
function areaFrames(frames: readonly FrameLine[]): Map<number, FrameLine> {
  const byArea = new Map<number, FrameLine>();
  for (const f of frames) if (f.line.kind === 'area' && !byArea.has(f.line.area)) byArea.set(f.line.area, f);
  return byArea;
}

function strategiesAgainstFrames(plan: Plan, frames: readonly FrameLine[], year: number): Finding[] {
  const areaOf = new Map(plan.strategies.map((s) => [s.code, s.area]));
  const lines = plan.budget.filter((b) => b.year === year && areaOf.has(b.strategy.value));
  if (lines.length === 0) {
    // Frames decided, strategies not budgeted yet: normal early in planning, so said once, not per area.
    const firstAreaFrame = [...areaFrames(frames).values()][0];
    return firstAreaFrame === undefined ? [] : [makeFinding('budget.no-strategy-budget', firstAreaFrame.amount, { year })];
  }
  if (frames.length === 0) return [makeFinding('budget.no-frame', lines[0]!.strategy, { year })];
  const byArea = areaFrames(frames);
  // Omdisponeringer move money between the areas' frames during the year: the strategies must fit the frames after them.
  const after = framesAfterReallocations(plan, year);
  const findings: Finding[] = [];
  for (const area of plan.areas) {
    const ofArea = lines.filter((b) => areaOf.get(b.strategy.value) === area.nr);
    const budget = sumOf(ofArea.map((b) => b.amount.value));
    const frame = byArea.get(area.nr);
    if (!frame) {
      if (ofArea.length > 0) findings.push(makeFinding('budget.missing-frame', ofArea[0]!.amount, { area: area.nr, year }, { expected: budget, actual: null }));
      continue;
    }
    const params = { area: `${area.nr} ${area.name}`, year };
    const amount = after.get(area.nr) ?? frame.amount.value;
    if (budget > amount) findings.push(makeFinding('budget.strategies-exceed-frame', frame.amount, params, { expected: amount, actual: budget }));
    else if (budget < amount) findings.push(makeFinding('budget.frame-not-allocated', frame.amount, params, { expected: amount, actual: budget }));
  }
  return findings;
}

function areaFrameTotal(frames: readonly FrameLine[]): number {
  return sumOf([...areaFrames(frames).values()].map((f) => f.amount.value));
}

function costTotal(frames: readonly FrameLine[]): number {
  return sumOf(frames.filter((f) => f.line.kind === 'cost').map((f) => f.amount.value));
}

/** The declared total of the frames, or the sum of its parts when none is declared. */
function frameTotal(frames: readonly FrameLine[]): { value: number; declared?: FrameLine } {
  const declared = frames.find((f) => f.line.kind === 'sum-total');
  const computed = areaFrameTotal(frames) + costTotal(frames);
  return declared ? { value: declared.amount.value, declared } : { value: computed };
}

function declaredFrameSums(frames: readonly FrameLine[], year: number): Finding[] {
  const findings: Finding[] = [];
  const areas = areaFrameTotal(frames);
  for (const line of frames) {
    if (line.line.kind === 'sum-areas' && line.amount.value !== areas) {
      findings.push(makeFinding('budget.frame-sum', line.amount, { year }, { expected: areas, actual: line.amount.value }));
    }
    if (line.line.kind === 'sum-total') {
      const expected = areas + costTotal(frames);
      if (line.amount.value !== expected) findings.push(makeFinding('budget.total', line.amount, { year }, { expected, actual: line.amount.value }));
    }
  }
  return findings;
}

function financingRules(frames: readonly FrameLine[], financing: readonly FinancingLine[], year: number): Finding[] {
  const sources = financing.filter((f) => !f.isSum);
  const declared = financing.find((f) => f.isSum);
  const findings: Finding[] = [];
  const sourcesTotal = sumOf(sources.map((f) => f.amount.value));
  if (declared && declared.amount.value !== sourcesTotal) {
    findings.push(makeFinding('budget.financing-sum', declared.amount, { year }, { expected: sourcesTotal, actual: declared.amount.value }));
  }
  if (frames.length === 0 || financing.length === 0) return findings;
  const total = frameTotal(frames);
  const at = declared?.amount ?? sources[sources.length - 1]?.amount;
  if (at && sourcesTotal !== total.value) {
    findings.push(makeFinding('budget.financing', at, { year }, { expected: total.value, actual: sourcesTotal }));
  }
  return findings;
}

function adminShare(frames: readonly FrameLine[], settings: ValidationSettings, year: number): Finding[] {
  const adminKeys = new Set(settings.adminPosts.map(normalizeKey));
  const admin = frames.filter((f) => f.line.kind === 'cost' && adminKeys.has(normalizeKey(f.post.value)));
  const first = admin[0];
  const total = areaFrameTotal(frames) + costTotal(frames);
  if (!first || total <= 0) return [];
  const share = sumOf(admin.map((f) => f.amount.value)) / total;
  if (share <= settings.adminShareMax) return [];
  return [makeFinding('budget.admin-share', first.amount, { share: formatPercent(share), limit: formatPercent(settings.adminShareMax), year }, {
    expected: Math.floor(settings.adminShareMax * total),
    actual: first.amount.value,
  })];
}
