import { makeFinding } from '../findings/make';
import { formatPercent, formatShareAbove } from '../text/figures';
import type { Finding } from '../findings/types';
import type { FinancingLine, FrameLine, Plan } from '../model/plan';
import { normalizeKey } from '../text/keys';
import type { ValidationSettings } from '../settings';
import { sumOf, type RuleContext } from './context';
import { framesAfterReallocations } from '../count/reallocations';
import { inYear, notChecked, unknownsOf } from '../findings/unknowns';

/** Strategy budgets against area frames, frames against their declared sums, and the total against financing. */
export function budgetRules({ plan, settings, years }: RuleContext): Finding[] {
  return years.flatMap((year) => budgetRulesForYear(plan, settings, year));
}

function budgetRulesForYear(plan: Plan, settings: ValidationSettings, year: number): Finding[] {
  const frames = plan.frames.filter((f) => f.year === year);
  const financing = plan.financing.filter((f) => f.year === year);
  return onePerCell([
    ...strategiesAgainstFrames(plan, frames, year),
    ...declaredFrameSums(plan, frames, year),
    ...financingRules(plan, frames, financing, year),
    ...adminShare(plan, frames, settings, year),
  ]);
}

/** A declared figure that feeds two checks (the financing sum) is told once that it was not checked. */
function onePerCell(findings: Finding[]): Finding[] {
  const told = new Set<string>();
  return findings.filter((f) => {
    if (f.rule !== 'values.not-checked') return true;
    const key = `${f.sheet}!${f.cell}`;
    if (told.has(key)) return false;
    told.add(key);
    return true;
  });
}

/** Unreadable frame lines of the year that `kinds` of line (or a line of unknown kind) could be. */
function unknownFrames(plan: Plan, year: number, kinds: readonly string[], area?: number) {
  return unknownsOf(
    plan,
    'frames',
    (w) =>
      inYear(w.year, year) &&
      (w.line === null || (kinds.includes(w.line.kind) && (area === undefined || w.line.kind !== 'area' || w.line.area === area))),
  );
}

function unknownSources(plan: Plan, year: number) {
  return unknownsOf(plan, 'financing', (w) => inYear(w.year, year) && w.isSum !== true);
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
  const unknownBudget = unknownsOf(plan, 'budget', (w) => inYear(w.year, year) && (w.strategy === null || areaOf.has(w.strategy)));
  const unknownMoves = unknownsOf(plan, 'reallocations', (w) => inYear(w.year, year));
  if (lines.length === 0 && unknownBudget.length > 0) {
    // The year's budget lines cannot be read: each area frame is left unchecked.
    return [...areaFrames(frames).values()].flatMap((f) => notChecked(f.amount, unknownBudget, frameCheck(plan, f, year)));
  }
  if (lines.length === 0) {
    // Frames decided, strategies not budgeted yet: normal early in planning, so said once, not per area.
    const firstAreaFrame = [...areaFrames(frames).values()][0];
    return firstAreaFrame === undefined ? [] : [makeFinding('budget.no-strategy-budget', firstAreaFrame.amount, { year })];
  }
  if (frames.length === 0)
    return unknownFrames(plan, year, ['area']).length > 0 ? [] : [makeFinding('budget.no-frame', lines[0]!.strategy, { year })];
  const byArea = areaFrames(frames);
  // Omdisponeringer move money between the areas' frames during the year: the strategies must fit the frames after them.
  const after = framesAfterReallocations(plan, year);
  const findings: Finding[] = [];
  for (const area of plan.areas) {
    const ofArea = lines.filter((b) => areaOf.get(b.strategy.value) === area.nr);
    const budget = sumOf(ofArea.map((b) => b.amount.value));
    const frame = byArea.get(area.nr);
    const blocking = [
      ...unknownBudget.filter((u) => u.what.table === 'budget' && (u.what.strategy === null || areaOf.get(u.what.strategy) === area.nr)),
      ...unknownMoves,
    ];
    if (!frame) {
      // A frame line that is there but cannot be read is no missing frame.
      if (unknownFrames(plan, year, ['area'], area.nr).length > 0) continue;
      const first = ofArea[0];
      if (first)
        findings.push(
          makeFinding(
            'budget.missing-frame',
            first.amount,
            { area: area.nr, year },
            { expected: blocking.length > 0 ? null : budget, actual: null },
          ),
        );
      continue;
    }
    if (blocking.length > 0) {
      findings.push(...notChecked(frame.amount, blocking, frameCheck(plan, frame, year)));
      continue;
    }
    const params = { area: `${area.nr} ${area.name}`, year };
    const amount = after.get(area.nr) ?? frame.amount.value;
    if (budget > amount)
      findings.push(makeFinding('budget.strategies-exceed-frame', frame.amount, params, { expected: amount, actual: budget }));
    else if (budget < amount)
      findings.push(makeFinding('budget.frame-not-allocated', frame.amount, params, { expected: amount, actual: budget }));
  }
  return findings;
}

function frameCheck(plan: Plan, frame: FrameLine, year: number): { nb: string; en: string } {
  const area = frame.line.kind === 'area' ? frame.line.area : 0;
  const name = plan.areas.find((a) => a.nr === area)?.name ?? '';
  return {
    nb: `rammen for innsatsområde ${area} ${name} mot strategienes budsjett (${year})`,
    en: `the frame of focus area ${area} ${name} against its strategies' budgets (${year})`,
  };
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

function declaredFrameSums(plan: Plan, frames: readonly FrameLine[], year: number): Finding[] {
  const findings: Finding[] = [];
  const areas = areaFrameTotal(frames);
  const areaBlocking = unknownFrames(plan, year, ['area']);
  const totalBlocking = unknownFrames(plan, year, ['area', 'cost']);
  for (const line of frames) {
    if (line.line.kind === 'sum-areas' && areaBlocking.length > 0) {
      findings.push(
        ...notChecked(line.amount, areaBlocking, {
          nb: `oppgitt sum for innsatsområdene (${year})`,
          en: `the declared sum of the focus areas (${year})`,
        }),
      );
    } else if (line.line.kind === 'sum-areas' && line.amount.value !== areas) {
      findings.push(makeFinding('budget.frame-sum', line.amount, { year }, { expected: areas, actual: line.amount.value }));
    }
    if (line.line.kind === 'sum-total' && totalBlocking.length > 0) {
      findings.push(
        ...notChecked(line.amount, totalBlocking, { nb: `oppgitt totalramme (${year})`, en: `the declared total frame (${year})` }),
      );
    } else if (line.line.kind === 'sum-total') {
      const expected = areas + costTotal(frames);
      if (line.amount.value !== expected)
        findings.push(makeFinding('budget.total', line.amount, { year }, { expected, actual: line.amount.value }));
    }
  }
  return findings;
}

function financingRules(plan: Plan, frames: readonly FrameLine[], financing: readonly FinancingLine[], year: number): Finding[] {
  const sources = financing.filter((f) => !f.isSum);
  const declared = financing.find((f) => f.isSum);
  const findings: Finding[] = [];
  const sourcesTotal = sumOf(sources.map((f) => f.amount.value));
  const sourceBlocking = unknownSources(plan, year);
  if (declared && sourceBlocking.length > 0) {
    findings.push(
      ...notChecked(declared.amount, sourceBlocking, {
        nb: `oppgitt sum for finansieringen (${year})`,
        en: `the declared financing sum (${year})`,
      }),
    );
  } else if (declared && declared.amount.value !== sourcesTotal) {
    findings.push(
      makeFinding('budget.financing-sum', declared.amount, { year }, { expected: sourcesTotal, actual: declared.amount.value }),
    );
  }
  // An unreadable declared total is reported at its cell; the financing is then held against the parts.
  const frameUnknown = unknownFrames(plan, year, ['area', 'cost']);
  if ((frames.length === 0 && frameUnknown.length === 0) || (financing.length === 0 && sourceBlocking.length === 0)) return findings;
  const total = frameTotal(frames);
  // With a readable declared total the parts do not matter here; without one, every part does.
  const totalBlocking = total.declared ? [] : frameUnknown;
  const blocking = [...sourceBlocking, ...totalBlocking];
  const at = declared?.amount ?? sources[sources.length - 1]?.amount;
  if (at && blocking.length > 0) {
    findings.push(
      ...notChecked(at, blocking, {
        nb: `finansieringen mot totalrammen (${year})`,
        en: `the financing against the total frame (${year})`,
      }),
    );
  } else if (at && sourcesTotal !== total.value) {
    findings.push(makeFinding('budget.financing', at, { year }, { expected: total.value, actual: sourcesTotal }));
  }
  return findings;
}

function adminShare(plan: Plan, frames: readonly FrameLine[], settings: ValidationSettings, year: number): Finding[] {
  const adminKeys = new Set(settings.adminPosts.map(normalizeKey));
  const admin = frames.filter((f) => f.line.kind === 'cost' && adminKeys.has(normalizeKey(f.post.value)));
  const first = admin[0];
  const total = areaFrameTotal(frames) + costTotal(frames);
  if (!first) return [];
  const blocking = unknownFrames(plan, year, ['area', 'cost']);
  if (blocking.length > 0)
    return notChecked(first.amount, blocking, {
      nb: `administrasjonens andel av totalrammen (${year})`,
      en: `administration's share of the total frame (${year})`,
    });
  if (total <= 0) return [];
  const share = sumOf(admin.map((f) => f.amount.value)) / total;
  if (share <= settings.adminShareMax) return [];
  return [
    makeFinding(
      'budget.admin-share',
      first.amount,
      { share: formatShareAbove(share, settings.adminShareMax), limit: formatPercent(settings.adminShareMax), year },
      {
        expected: Math.floor(settings.adminShareMax * total),
        actual: first.amount.value,
      },
    ),
  ];
}
