import { z } from 'zod';
import { TABLES } from '../contract/contract';
import { formatNumber } from '../text/figures';
import type { Localized } from '../findings/types';
import type { Plan, Reallocation } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { parsePlan } from '../parse/plan';
import { framesAfterReallocations, reallocationFindings } from '../count/reallocations';
import type { WorkbookSnapshot } from '../snapshot/types';
import { a1, kroner as toKroner } from '../util/brand';
import { dateField, requiredText, rowOf, wholeNumber, type FieldErrors, type FormCheck } from './register';

/**
 * Ny omdisponering: the board moves money from one innsatsområde (or strategy) to another during the year
 * (the seed's §2.4). Without any UI: what the form offers (the workbook's own areas and strategies), the
 * frames before and after the move, and the check that refuses a move that would leave a frame negative
 * — now or for a later reallocation of the same year — or change the total. The row goes to
 * Omdisponeringer through the port's appendRow, like the register forms' rows.
 */

export interface ReallocationFormInput {
  from: string;
  to: string;
  amount: string;
  date: string;
  decision: string;
}

export const EMPTY_REALLOCATION: Readonly<ReallocationFormInput> = { from: '', to: '', amount: '', date: '', decision: '' };

/** One thing money can be moved from or to: an area (its frame) or a strategy (its area's frame). */
export interface ReallocationSide {
  /** what the row's Fra / Til will hold: `2. Innovasjonskultur`, or a strategy's code as Strategier spells it */
  value: string;
  /** what the dropdown shows */
  label: string;
  area: number;
  kind: 'area' | 'strategy';
}

export interface ReallocationChoices {
  /** whether the workbook has Omdisponeringer (a form for a missing table cannot add a row) */
  hasTable: boolean;
  sides: ReallocationSide[];
  areas: { nr: number; name: string }[];
  period: { first: number; last: number } | null;
  /** the plan as read when the form opened: the frames and the year's earlier reallocations */
  plan: Plan;
}

export function reallocationChoices(snapshot: WorkbookSnapshot): ReallocationChoices {
  const { plan } = parsePlan(snapshot);
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  const areas = plan.areas.map((a) => ({ nr: a.nr, name: a.name }));
  const areaSides: ReallocationSide[] = plan.areas.map((a) => ({
    value: areaLabel(a.nr, a.name),
    label: areaLabel(a.nr, a.name),
    area: a.nr,
    kind: 'area',
  }));
  const strategySides: ReallocationSide[] = plan.strategies
    .filter((s) => plan.areas.some((a) => a.nr === s.area))
    .map((s) => ({ value: s.code, label: `${s.code}. ${s.name}`, area: s.area, kind: 'strategy' }));
  return {
    hasTable: snapshot.tables.some((t) => t.name.toLowerCase() === TABLES.reallocations.name.toLowerCase()),
    sides: [...areaSides, ...strategySides],
    areas,
    period: first !== undefined && last !== undefined && last >= first ? { first, last } : null,
    plan,
  };
}

function areaLabel(nr: number, name: string): string {
  return `${nr}. ${name}`;
}

// ---------------------------------------------------------------------------------------------------------
// Frames before and after

export interface FramePreview {
  year: number;
  rows: { area: number; name: string; before: number; after: number }[];
  totalBefore: number;
  totalAfter: number;
}

/**
 * The year's area frames as they stand after the reallocations already decided, and as they would stand
 * after this one; null while the form does not yet say which year, what or how much (or the year has no
 * frames). Amounts the form would refuse are still shown: the negative frame is what the user must see.
 */
export function previewReallocation(input: Readonly<Partial<ReallocationFormInput>>, choices: ReallocationChoices): FramePreview | null {
  const date = isoOf(input.date ?? '');
  if (date === null) return null;
  const year = Number(date.slice(0, 4));
  const before = framesAfterReallocations(choices.plan, year);
  if (before.size === 0) return null;
  const from = sideNamed(choices, input.from ?? '');
  const to = sideNamed(choices, input.to ?? '');
  const amount = amountOf(input.amount ?? '');
  const after = new Map(before);
  if (from !== undefined && to !== undefined && amount !== null && from.area !== to.area) {
    after.set(from.area, (after.get(from.area) ?? 0) - amount);
    after.set(to.area, (after.get(to.area) ?? 0) + amount);
  }
  const rows = choices.areas
    .filter((a) => before.has(a.nr))
    .map((a) => ({ area: a.nr, name: a.name, before: before.get(a.nr) ?? 0, after: after.get(a.nr) ?? 0 }));
  const sum = (values: Iterable<number>) => [...values].reduce((n, v) => n + v, 0);
  return { year, rows, totalBefore: sum(before.values()), totalAfter: sum(after.values()) };
}

function sideNamed(choices: ReallocationChoices, typed: string): ReallocationSide | undefined {
  const key = normalizeKey(typed);
  if (key === '') return undefined;
  const number = /^\s*(\d+)\s*\.?\s*$/.exec(typed)?.[1];
  const areas = choices.sides.filter((s) => s.kind === 'area');
  if (number !== undefined) return areas.find((s) => s.area === Number(number));
  const byName = choices.areas.find((a) => normalizeKey(a.name) === key);
  return (
    choices.sides.find((s) => normalizeKey(s.value) === key) ??
    choices.sides.find((s) => normalizeKey(s.label) === key) ??
    (byName === undefined ? undefined : areas.find((s) => s.area === byName.nr))
  );
}

function isoOf(typed: string): string | null {
  const parsed = dateField(true).safeParse(typed);
  return parsed.success ? parsed.data : null;
}

function amountOf(typed: string): number | null {
  const parsed = wholeNumber(true).safeParse(typed);
  return parsed.success && parsed.data !== null && parsed.data > 0 ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------------------
// The check

type Problem =
  'required' | 'notNumber' | 'negative' | 'notWhole' | 'notDate' | 'tooLong' | 'unknownSide' | 'sameSide' | 'zero' | 'outsidePeriod';

function sideField(choices: ReallocationChoices) {
  return z.string().transform((typed, ctx): ReallocationSide | null => {
    if (typed.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const side = sideNamed(choices, typed);
    if (side === undefined) ctx.addIssue({ code: 'custom', message: 'unknownSide' });
    return side ?? null;
  });
}

function reallocationSchema(choices: ReallocationChoices) {
  const period = choices.period;
  return z
    .object({
      from: sideField(choices),
      to: sideField(choices),
      amount: wholeNumber(true).refine((n) => n === null || n > 0, 'zero'),
      date: dateField(true).refine(
        (d) => d === null || period === null || (Number(d.slice(0, 4)) >= period.first && Number(d.slice(0, 4)) <= period.last),
        'outsidePeriod',
      ),
      decision: requiredText,
    })
    .superRefine((v, ctx) => {
      if (v.from !== null && v.to !== null && normalizeKey(v.from.value) === normalizeKey(v.to.value))
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'sameSide' });
    });
}

/**
 * Checks a new reallocation against the workbook as it is now. Besides each field's own check, the move is
 * refused when the year has no frames or cannot be read, when it would leave the giving frame negative,
 * when it would take money a later reallocation of the year moves on, or when it would change the total.
 */
export function checkReallocationForm(
  input: Readonly<Partial<ReallocationFormInput>>,
  choices: ReallocationChoices,
): FormCheck<keyof ReallocationFormInput> {
  const parsed = reallocationSchema(choices).safeParse({ ...EMPTY_REALLOCATION, ...input });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, choices) };
  const v = parsed.data;
  const { from, to, amount, date } = v;
  if (from === null || to === null || amount === null || date === null) return { ok: false, errors: {} };
  const refusal = refusalOf(choices, from, to, amount, date);
  if (refusal !== null) return { ok: false, errors: refusal };
  return {
    ok: true,
    table: TABLES.reallocations.name,
    projectId: `${from.value} → ${to.value}`,
    row: rowOf(TABLES.reallocations.columns, { date: { date }, from: from.value, to: to.value, amount, decision: v.decision }),
  };
}

function refusalOf(
  choices: ReallocationChoices,
  from: ReallocationSide,
  to: ReallocationSide,
  amount: number,
  date: string,
): FieldErrors<keyof ReallocationFormInput> | null {
  const { plan } = choices;
  const year = Number(date.slice(0, 4));
  const unreadable = plan.unknowns.find(
    (u) => (u.what.table === 'frames' || u.what.table === 'reallocations') && (u.what.year === null || u.what.year === year),
  );
  if (unreadable !== undefined) {
    const at = `${unreadable.sheet}!${unreadable.cell}`;
    return {
      date: {
        nb: `Rammene for ${year} kan ikke leses: rett ${at} først.`,
        en: `The frames for ${year} cannot be read: correct ${at} first.`,
      },
    };
  }
  const before = framesAfterReallocations(plan, year);
  if (before.size === 0)
    return { date: { nb: `Rammer har ingen innsatsområder for ${year}.`, en: `Rammer has no focus-area frames for ${year}.` } };
  if (from.area === to.area) return null;
  const left = before.get(from.area) ?? 0;
  const fromName = areaName(choices, from.area);
  if (amount > left) {
    return {
      amount: {
        nb: `Rammen for ${fromName} har ${formatNumber(left)} kr i ${year}; å flytte ${formatNumber(amount)} kr ville gjort den negativ.`,
        en: `The frame of ${fromName} holds ${formatNumber(left)} kr in ${year}; moving ${formatNumber(amount)} kr would make it negative.`,
      },
    };
  }
  // The year's moves in date order with this one among them: one that held before and fails now would no
  // longer have its money (the new move, dated earlier, took it), and a total that changes is no reallocation.
  const withMove: Plan = { ...plan, reallocations: [...plan.reallocations, newRow(from, to, amount, date)] };
  const findingsBefore = new Set(reallocationFindings(plan).map((f) => `${f.rule}|${f.cell}`));
  const broken = reallocationFindings(withMove).filter((f) => !findingsBefore.has(`${f.rule}|${f.cell}`));
  const own = broken.find((f) => f.rule === 'reallocation.not-available' && f.cell === NEW_ROW_CELL);
  if (own !== undefined) {
    const then = formatNumber(typeof own.expected === 'number' ? own.expected : 0);
    const day = `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
    return {
      amount: {
        nb: `Rammen for ${fromName} har ${then} kr den ${day}; å flytte ${formatNumber(amount)} kr ville gjort den negativ.`,
        en: `The frame of ${fromName} holds ${then} kr on ${day}; moving ${formatNumber(amount)} kr would make it negative.`,
      },
    };
  }
  if (broken.some((f) => f.rule === 'reallocation.not-available')) {
    return {
      amount: {
        nb: `Da blir det for lite igjen i rammen for ${fromName} til en senere omdisponering i ${year}.`,
        en: `That leaves too little in the frame of ${fromName} for a later reallocation in ${year}.`,
      },
    };
  }
  const after = framesAfterReallocations(withMove, year);
  const sum = (m: Map<number, number>) => [...m.values()].reduce((n, x) => n + x, 0);
  if (broken.length > 0 || sum(after) !== sum(before)) {
    return { to: { nb: 'Flyttingen ville endret summen av rammene.', en: 'The move would change the total of the frames.' } };
  }
  return null;
}

/** Where the new row is taken to stand while it is checked: below anything a table can hold. */
const NEW_ROW_CELL = a1('A1048576');

/** The new row as the parser would read it, placed after the table's rows. */
function newRow(from: ReallocationSide, to: ReallocationSide, amount: number, date: string): Reallocation {
  const ref = { sheet: TABLES.reallocations.sheet, cell: NEW_ROW_CELL };
  return {
    date,
    from: { ...ref, value: from.value },
    to: { ...ref, value: to.value },
    amount: { ...ref, value: toKroner(amount) },
    decision: '',
    ref,
  };
}

function areaName(choices: ReallocationChoices, nr: number): string {
  const area = choices.areas.find((a) => a.nr === nr);
  return area === undefined ? String(nr) : areaLabel(area.nr, area.name);
}

function fieldErrors(error: z.ZodError, choices: ReallocationChoices): FieldErrors<keyof ReallocationFormInput> {
  const errors: FieldErrors<keyof ReallocationFormInput> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof ReallocationFormInput | undefined;
    if (typeof field !== 'string' || errors[field] !== undefined) continue;
    errors[field] = message(issue.message as Problem, choices);
  }
  return errors;
}

function message(problem: Problem, choices: ReallocationChoices): Localized {
  const period = choices.period;
  switch (problem) {
    case 'required':
      return { nb: 'Må fylles ut.', en: 'Required.' };
    case 'notNumber':
      return { nb: 'Skriv et beløp, f.eks. 100 000.', en: 'Enter an amount, e.g. 100 000.' };
    case 'negative':
    case 'zero':
      return { nb: 'Beløpet må være større enn 0.', en: 'The amount must be more than 0.' };
    case 'notWhole':
      return { nb: 'Skriv hele kroner.', en: 'Enter whole kroner.' };
    case 'notDate':
      return { nb: 'Skriv en dato, f.eks. 15.09.2022.', en: 'Enter a date, e.g. 15.09.2022.' };
    case 'tooLong':
      return { nb: 'Teksten er for lang for en celle.', en: 'The text is too long for a cell.' };
    case 'unknownSide':
      return { nb: 'Velg et innsatsområde eller en strategi fra lista.', en: 'Choose a focus area or a strategy from the list.' };
    case 'sameSide':
      return { nb: 'Fra og Til må være forskjellige.', en: 'From and To must differ.' };
    case 'outsidePeriod':
      return period === null
        ? { nb: 'Datoen er utenfor programperioden.', en: 'The date is outside the programme period.' }
        : {
            nb: `Datoen må være i programperioden ${period.first}–${period.last}.`,
            en: `The date must be within the programme period ${period.first}–${period.last}.`,
          };
  }
}
