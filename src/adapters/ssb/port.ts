import { INDICATOR_NAMES } from '../../core/effekt/indicators';
import {
  StatisticsError,
  type SsbCodeUsed,
  type SsbFigure,
  type SsbRequest,
  type SsbResult,
  type StatisticsPort,
} from '../../core/effekt/ssb';
import { z } from 'zod';
import { badResponse, SSB_API, SsbClient, SsbHttpError, type ClientOptions } from './client';
import { cellsOf, DatasetSchema, labelOf, type Cell, type Dataset } from './jsonstat';

/**
 * The statistics port over SSB's PxWebApi 2. Every table is asked for the region's kommuner through SSB's code
 * list `agg_KommSummer` ("kommuner summert til dagens grenser"): one series per kommune as it is today, with
 * the years before a renumbering (kommuner 3040–3046 of 2020–2023 are 3320–3330 since 2024) summed into it.
 * The code list's value map also tells which earlier numbers each code covers, so a workbook that still has an
 * old number finds its kommune, and the user is told which code SSB used.
 */

export const REGION_CODELIST = 'agg_KommSummer';

/** What one SSB table gives: which indicator each of its figures is, from the dataset's categories. */
export interface SsbTable {
  id: string;
  /** extra `valueCodes[...]` selections; ContentsCode `*` unless given */
  select: Record<string, string>;
  /** the indicators of one dataset cell, with how much it adds to each (a cell may count for two) */
  indicatorsOf: (cell: Cell, dataset: Dataset) => string[];
}

/** Single-year ages in 07459 are `000` … `104`, and `105+`. */
function age(code: string): number | undefined {
  const m = /^(\d{1,3})\+?$/.exec(code);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

function contentLabel(cell: Cell, dataset: Dataset): string {
  return labelOf(dataset, 'ContentsCode', cell.at.ContentsCode ?? '').toLowerCase();
}

export const SSB_TABLES: readonly SsbTable[] = [
  {
    // 07459 Befolkning, etter region, kjønn, alder og år (1. januar). Kjonn is left out, so SSB sums it.
    id: '07459',
    select: { ContentsCode: 'Personer1', Alder: '*' },
    indicatorsOf: (cell) => {
      const years = age(cell.at.Alder ?? '');
      if (years === undefined) return [];
      return years >= 20 && years <= 39 ? [INDICATOR_NAMES.population, INDICATOR_NAMES.population2039] : [INDICATOR_NAMES.population];
    },
  },
  {
    // 11616 Sysselsatte per 4. kvartal, etter region, statistikkvariabel, år og alder: the variable
    // "Sysselsatte personer med arbeidssted i regionen".
    id: '11616',
    select: { ContentsCode: '*' },
    indicatorsOf: (cell, dataset) => (contentLabel(cell, dataset).includes('arbeidssted') ? [INDICATOR_NAMES.employed] : []),
  },
  {
    // Nyetablerte foretak per kommune: see the README on what is known of this table.
    id: '12972',
    select: { ContentsCode: '*' },
    indicatorsOf: (cell, dataset) => (/nye|nyetabl/.test(contentLabel(cell, dataset)) ? [INDICATOR_NAMES.newEnterprises] : []),
  },
];

const CodelistSchema = z.object({
  id: z.string(),
  values: z.array(z.object({ code: z.string(), label: z.string(), valueMap: z.array(z.string()).optional() })),
});

export interface SsbPortOptions extends ClientOptions {
  tables?: readonly SsbTable[];
  /** PxWebApi's base URL; SSB's own unless a test serves recorded answers elsewhere */
  api?: string;
}

export class SsbPort implements StatisticsPort {
  readonly client: SsbClient;
  private readonly tables: readonly SsbTable[];
  private readonly api: string;

  constructor(options: SsbPortOptions = {}) {
    this.client = new SsbClient(options);
    this.tables = options.tables ?? SSB_TABLES;
    this.api = options.api ?? SSB_API;
  }

  async fetchIndicators(request: SsbRequest): Promise<SsbResult> {
    const { used, unknown } = await this.regionCodes(request.kommuner);
    if (used.length === 0) {
      throw new StatisticsError(
        'unknown-region',
        `SSB kjenner ingen av kommunenumrene i tabellen Kommuner (${unknown.join(', ')}). Sjekk numrene (fire sifre, slik de er i dag).`,
        `Statistics Norway knows none of the kommune numbers in the Kommuner table (${unknown.join(', ')}). Check the numbers (four digits, as they are today).`,
      );
    }
    const byCode = new Map(used.map((u) => [u.code, u.kommune]));
    const figures: SsbFigure[] = [];
    const failedTables: SsbResult['failedTables'] = [];
    for (const table of this.tables) {
      try {
        const dataset = await this.data(
          table,
          used.map((u) => u.code),
          request.fromYear,
        );
        figures.push(...figuresOf(table, dataset, byCode));
      } catch (error) {
        if (!(error instanceof SsbHttpError)) throw error;
        failedTables.push({
          table: table.id,
          nb: `Tabell ${table.id} kunne ikke hentes (HTTP ${error.status}); de andre tallene er hentet.`,
          en: `Table ${table.id} could not be fetched (HTTP ${error.status}); the other figures were fetched.`,
        });
      }
    }
    return { figures, codesUsed: used, unknownKommuner: unknown, failedTables };
  }

  /** Each kommunenummer's code in SSB's list of today's kommuner, found by the code itself or an earlier number it covers. */
  private async regionCodes(kommuner: readonly string[]): Promise<{ used: SsbCodeUsed[]; unknown: string[] }> {
    const body = await this.client.getJson(`${this.api}/codelists/${REGION_CODELIST}?lang=no`);
    const parsed = CodelistSchema.safeParse(body);
    if (!parsed.success) throw badResponse();
    const used: SsbCodeUsed[] = [];
    const unknown: string[] = [];
    for (const kommune of kommuner) {
      const own = parsed.data.values.find((v) => v.code === `K-${kommune}`);
      const found = own ?? parsed.data.values.find((v) => v.valueMap?.includes(kommune));
      if (found === undefined) {
        unknown.push(kommune);
        continue;
      }
      const earlier = (found.valueMap ?? []).filter((code) => code !== found.code.replace(/^K-/, ''));
      used.push({ kommune, code: found.code, label: found.label, earlier });
    }
    return { used, unknown };
  }

  private async data(table: SsbTable, codes: readonly string[], fromYear: number): Promise<Dataset> {
    const params = [
      'lang=no',
      'outputFormat=json-stat2',
      `valueCodes[Region]=${codes.join(',')}`,
      `codelist[Region]=${REGION_CODELIST}`,
      'outputValues[Region]=aggregated',
      ...Object.entries(table.select).map(([dim, value]) => `valueCodes[${dim}]=${value}`),
      `valueCodes[Tid]=from(${fromYear})`,
    ];
    const body = await this.client.getJson(`${this.api}/tables/${table.id}/data?${params.join('&')}`);
    const parsed = DatasetSchema.safeParse(body);
    if (!parsed.success) throw badResponse();
    return parsed.data;
  }
}

/** The dataset's cells summed per (indicator, kommune, year). */
export function figuresOf(table: SsbTable, dataset: Dataset, kommuneOf: ReadonlyMap<string, string>): SsbFigure[] {
  const sums = new Map<string, SsbFigure>();
  for (const cell of cellsOf(dataset)) {
    const kommune = kommuneOf.get(cell.at.Region ?? '');
    const year = Number(cell.at.Tid);
    if (kommune === undefined || !Number.isInteger(year)) continue;
    for (const indicator of table.indicatorsOf(cell, dataset)) {
      const key = `${indicator}|${kommune}|${year}`;
      const figure = sums.get(key) ?? { indicator, kommune, year, value: 0, table: table.id };
      figure.value += cell.value;
      sums.set(key, figure);
    }
  }
  return [...sums.values()];
}
