import { z } from 'zod';

/**
 * zod schemas for one row of each contract table, after its cells were read into typed values.
 * The parser builds each row's values cell by cell (reporting bad cells as findings) and then checks the
 * whole row against its schema, so the domain types below are exactly what the rules may rely on.
 */
const year = z.number().int().min(1900).max(2200);
const count = z.number().int().min(0);
const kroner = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nonEmpty = z.string().trim().min(1);

export const AreaTypeSchema = z.enum(['tematisk', 'stotte']);

export const ProgramSchema = z.object({
  name: nonEmpty,
  region: z.string(),
  firstYear: year,
  lastYear: year,
  planYear: year,
  jobGoal: count.optional(),
});

export const AreaRowSchema = z.object({ nr: z.number().int().min(1), name: nonEmpty, type: AreaTypeSchema });
export const StrategyRowSchema = z.object({ code: nonEmpty, name: nonEmpty, area: z.number().int().min(1), description: z.string() });
export const NaeringRowSchema = z.object({ nr: z.number().int().min(1), name: nonEmpty });
export const JobTargetRowSchema = z.object({ naering: nonEmpty, byYear: z.record(z.string(), count), declaredSum: count.optional() });
export const ResultatmalRowSchema = z.object({ year, naering: nonEmpty, byStrategy: z.record(z.string(), count), declaredSum: count.optional() });
export const ResultatmalSumRowSchema = z.object({ year, area: z.number().int().min(1).nullable(), jobs: count });
export const MinimaSchema = z.object({ started: count.optional(), completed: count.optional(), companies: count.optional(), newCompanies: count.optional() });
export const DelmalRowSchema = z.object({ year, strategies: z.array(nonEmpty).min(1), text: nonEmpty, minima: MinimaSchema });
export const TiltakRowSchema = z.object({ year, strategies: z.array(nonEmpty).min(1), text: nonEmpty });
export const BudgetRowSchema = z.object({ year, strategy: nonEmpty, amount: kroner });
export const FrameRowSchema = z.object({ year, post: nonEmpty, amount: kroner });
export const FinancingRowSchema = z.object({ year, source: nonEmpty, amount: kroner });
export const ReallocationRowSchema = z.object({ date: isoDate, from: nonEmpty, to: nonEmpty, amount: kroner, decision: z.string() });
export const PlpPhaseSchema = z.enum(['forstudie', 'forprosjekt', 'hovedprosjekt']);
export const ProjectRowSchema = z.object({
  id: nonEmpty,
  name: nonEmpty,
  owner: z.string(),
  strategy: nonEmpty,
  naering: z.string(),
  phase: z.string(),
  status: z.string(),
  decisionDate: isoDate.optional(),
  granted: kroner.optional(),
  ownFinancing: kroner.optional(),
  otherFinancing: kroner.optional(),
});
export const ReportRowSchema = z.object({
  projectId: nonEmpty,
  date: isoDate,
  naering: nonEmpty,
  jobs: count,
  companies: count.optional(),
  newCompanies: count.optional(),
  comment: z.string(),
});

export type AreaType = z.infer<typeof AreaTypeSchema>;
export type ProgramValues = z.infer<typeof ProgramSchema>;
export type Minima = z.infer<typeof MinimaSchema>;
