import { z } from 'zod';

/**
 * A JSON-stat 2.0 dataset as PxWebApi 2 answers (`outputFormat=json-stat2`), checked at the boundary with zod.
 * The values form one flat array in row-major order over the dimensions in `id` (the last one varies fastest).
 * `jsonstat-toolkit` reads the same, but ships no TypeScript types and brings its own loaders; all we need is
 * the dimension codes of each value, which is a few lines over a validated object.
 */
const Category = z.object({
  index: z.union([z.record(z.string(), z.number().int().nonnegative()), z.array(z.string())]),
  label: z.record(z.string(), z.string()).optional(),
});

export const DatasetSchema = z.object({
  version: z.literal('2.0'),
  class: z.literal('dataset'),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().nonnegative()).min(1),
  dimension: z.record(z.string(), z.object({ label: z.string().optional(), category: Category })),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
  updated: z.string().optional(),
});

export type Dataset = z.infer<typeof DatasetSchema>;

export interface Cell {
  /** the category code of each dimension */
  at: Record<string, string>;
  value: number;
}

/** The dataset's codes in index order, per dimension. */
export function codesOf(dataset: Dataset, dimension: string): string[] {
  const index = dataset.dimension[dimension]?.category.index;
  if (index === undefined) return [];
  if (Array.isArray(index)) return [...index];
  const codes: string[] = [];
  for (const [code, i] of Object.entries(index)) codes[i] = code;
  return codes;
}

export function labelOf(dataset: Dataset, dimension: string, code: string): string {
  return dataset.dimension[dimension]?.category.label?.[code] ?? code;
}

/** Every value that is there (SSB's `..` and `:` arrive as null and are left out), with its codes. */
export function cellsOf(dataset: Dataset): Cell[] {
  const codes = dataset.id.map((dim) => codesOf(dataset, dim));
  const total = dataset.size.reduce((a, b) => a * b, 1);
  if (codes.some((list, i) => list.length !== dataset.size[i])) throw new SyntaxError('JSON-stat: size does not match the categories');
  const cells: Cell[] = [];
  for (let flat = 0; flat < total; flat++) {
    const value = Array.isArray(dataset.value) ? dataset.value[flat] : dataset.value[String(flat)];
    if (value === null || value === undefined) continue;
    const at: Record<string, string> = {};
    let rest = flat;
    for (let d = dataset.id.length - 1; d >= 0; d--) {
      const size = dataset.size[d] ?? 1;
      const dim = dataset.id[d] ?? '';
      at[dim] = codes[d]?.[rest % size] ?? '';
      rest = Math.floor(rest / size);
    }
    cells.push({ at, value });
  }
  return cells;
}
