import { TABLES } from '../contract/contract';
import type { Localized } from '../findings/types';
import { parsePlan } from '../parse/plan';
import type { WorkbookSnapshot } from '../snapshot/types';
import { parseCell } from '../util/brand';
import { planSsbWrite, ssbRequestOf, StatisticsError, type IndicatorValues, type SsbCodeUsed, type StatisticsPort } from './ssb';

/** What the fetch needs from the workbook: the reading and the row writing of the workbook port. */
export interface IndicatorWorkbook {
  readSnapshot(): Promise<WorkbookSnapshot>;
  writeRows(table: string, changes: { update: { row: number; values: IndicatorValues }[]; append: IndicatorValues[] }): Promise<unknown>;
}

export interface SsbFetchSummary {
  appended: number;
  updated: number;
  unchanged: number;
  /** rows the user typed, left as they are although SSB has a figure for them */
  kept: number;
  codesUsed: SsbCodeUsed[];
  unknownKommuner: string[];
  /** what to tell the user, one line each */
  lines: Localized[];
}

/**
 * Hent fra SSB, the one use case the CLI and the pane both run: reads the workbook, asks SSB for the region's
 * kommuner from the baseline year on, and writes what is new or changed into `Effektindikatorer` in one write.
 * Rows the user typed are never touched; fetching twice gives the same workbook.
 */
export async function fetchFromSsb(workbook: IndicatorWorkbook, statistics: StatisticsPort, today: string): Promise<SsbFetchSummary> {
  const snapshot = await workbook.readSnapshot();
  const { plan } = parsePlan(snapshot);
  if (!snapshot.tables.some((t) => t.name.toLowerCase() === TABLES.indicators.name.toLowerCase())) {
    throw new StatisticsError(
      'unknown-region',
      'Arbeidsboka har ingen tabell Effektindikatorer. Opprett den med «Opprett / oppdater arbeidsbok» (eller handlingsplan init).',
      'The workbook has no Effektindikatorer table. Create it with "Opprett / oppdater arbeidsbok" (or handlingsplan init).',
    );
  }
  const request = ssbRequestOf(plan);
  if (request === undefined) {
    throw new StatisticsError(
      'unknown-region',
      'Fyll inn kommunene i tabellen Kommuner og Første år i Program før du henter fra SSB.',
      'Fill in the kommuner in the Kommuner table and Første år in Program before fetching from Statistics Norway.',
    );
  }
  const result = await statistics.fetchIndicators(request);
  const changes = planSsbWrite(plan, result.figures, today);
  const rowOf = (cell: string): number => parseCell(cell.split(':')[0] ?? cell).row;
  if (changes.updates.length + changes.appends.length > 0) {
    await workbook.writeRows(TABLES.indicators.name, {
      update: changes.updates.map((u) => ({ row: rowOf(u.at.cell), values: u.values })),
      append: changes.appends,
    });
  }
  const summary: SsbFetchSummary = {
    appended: changes.appends.length,
    updated: changes.updates.length,
    unchanged: changes.unchanged,
    kept: changes.keptUserRows.length,
    codesUsed: result.codesUsed,
    unknownKommuner: result.unknownKommuner,
    lines: [],
  };
  summary.lines = summaryLines(summary, result.failedTables, request.fromYear);
  return summary;
}

function summaryLines(s: SsbFetchSummary, failed: readonly Localized[], from: number): Localized[] {
  const lines: Localized[] = [
    {
      nb: `Hentet fra SSB fra ${from}: ${s.appended} nye rader, ${s.updated} oppdatert, ${s.unchanged} uendret.`,
      en: `Fetched from Statistics Norway from ${from}: ${s.appended} new rows, ${s.updated} updated, ${s.unchanged} unchanged.`,
    },
  ];
  if (s.kept > 0)
    lines.push({
      nb: `${s.kept} rader du har skrevet selv (Kilde er ikke SSB) er ikke rørt.`,
      en: `${s.kept} rows you typed yourself (Kilde is not SSB) were left as they are.`,
    });
  for (const used of s.codesUsed) {
    const earlier = used.earlier.length > 0 ? used.earlier.join(', ') : '';
    if (used.code !== `K-${used.kommune}` || earlier !== '') {
      lines.push({
        nb: `${used.kommune}: SSB brukte ${used.code} (${used.label}, summert til dagens grenser${earlier === '' ? '' : `; omfatter tidligere nummer ${earlier}`}).`,
        en: `${used.kommune}: Statistics Norway used ${used.code} (${used.label}, summed to today's borders${earlier === '' ? '' : `; covers earlier numbers ${earlier}`}).`,
      });
    }
  }
  if (s.unknownKommuner.length > 0) {
    lines.push({
      nb: `SSB kjenner ikke kommunenummer ${s.unknownKommuner.join(', ')}; rett dem i tabellen Kommuner.`,
      en: `Statistics Norway does not know kommune number ${s.unknownKommuner.join(', ')}; correct them in the Kommuner table.`,
    });
  }
  lines.push(...failed.map((f) => ({ nb: f.nb, en: f.en })));
  lines.push({ nb: 'Kilde: Statistisk sentralbyrå (SSB), lisens CC BY 4.0.', en: 'Source: Statistics Norway (SSB), licence CC BY 4.0.' });
  return lines;
}
