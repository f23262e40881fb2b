import { z } from 'zod';

/**
 * zod schemas for the rows the parser checks as a whole after reading their cells one by one (reporting bad cells
 * as findings): the Program table, strategies, delmål and tiltak. Every other row is checked cell by cell against
 * its column's kind in the contract (src/core/contract/contract.ts), which is the one list of each table's columns.
 */
const year = z.number().int().min(1900).max(2200);
const count = z.number().int().min(0);
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

export const StrategyRowSchema = z.object({ code: nonEmpty, name: nonEmpty, area: z.number().int().min(1), description: z.string() });
export const MinimaSchema = z.object({
  started: count.optional(),
  completed: count.optional(),
  companies: count.optional(),
  newCompanies: count.optional(),
});
export const DelmalRowSchema = z.object({ year, strategies: z.array(nonEmpty).min(1), text: nonEmpty, minima: MinimaSchema });
export const TiltakRowSchema = z.object({ year, strategies: z.array(nonEmpty).min(1), text: nonEmpty });

export type AreaType = z.infer<typeof AreaTypeSchema>;
export type ProgramValues = z.infer<typeof ProgramSchema>;
export type Minima = z.infer<typeof MinimaSchema>;
