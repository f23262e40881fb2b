import { makeFinding } from '../findings/make';
import type { Finding } from '../findings/types';
import type { Located, Plan } from '../model/plan';
import type { RuleContext } from './context';

/**
 * Rows of the checked year that next year's plan proposed (`neste-aar`, *Forbered {år}*) and nobody has decided
 * yet: their `Forslag` cell is still filled in. One finding per row, at that cell, so `validate --year {år}`
 * lists exactly what is left to look at.
 */
export function proposalRules({ plan, years }: RuleContext): Finding[] {
  return years.flatMap((year) => proposalsOfYear(plan, year));
}

function proposalsOfYear(plan: Plan, year: number): Finding[] {
  const rows: { what: { nb: string; en: string }; proposal: Located<string> | undefined }[] = [
    ...plan.budget
      .filter((b) => b.year === year)
      .map((b) => ({
        what: { nb: `Budsjettet for strategi ${b.strategy.value}`, en: `The budget of strategy ${b.strategy.value}` },
        proposal: b.proposal,
      })),
    ...plan.frames
      .filter((f) => f.year === year)
      .map((f) => ({ what: { nb: `Rammelinjen «${f.post.value}»`, en: `The frame line "${f.post.value}"` }, proposal: f.proposal })),
    ...plan.financing
      .filter((f) => f.year === year)
      .map((f) => ({
        what: { nb: `Finansieringen fra «${f.source.value}»`, en: `The financing from "${f.source.value}"` },
        proposal: f.proposal,
      })),
    ...plan.tiltak
      .filter((t) => t.year === year)
      .map((t) => ({ what: { nb: `Tiltaket «${t.text}»`, en: `The measure "${t.text}"` }, proposal: t.proposal })),
    ...plan.delmal
      .filter((d) => d.year === year)
      .map((d) => ({ what: { nb: `Delmålet «${d.text}»`, en: `The sub-goal "${d.text}"` }, proposal: d.proposal })),
  ];
  return rows.flatMap(({ what, proposal }) =>
    proposal === undefined
      ? []
      : [
          makeFinding(
            'plan.proposal',
            proposal,
            { what: what.nb, whatEn: what.en, year: String(year), proposal: proposal.value },
            { expected: 'bestemt', actual: proposal.value },
          ),
        ],
  );
}
