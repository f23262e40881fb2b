import { SsbPort } from '../../adapters/ssb/port';
import { fetchFromSsb } from '../../core/effekt/fetch';
import { StatisticsError } from '../../core/effekt/ssb';
import type { Lang } from '../../core/findings/types';
import type { CliIo } from '../io';
import { editCopy, type CopyTarget } from './copy';

export type FetchSsbOptions = CopyTarget;

/**
 * `handlingsplan hent-ssb <file.xlsx> -o <out.xlsx>`: the pane's *Hent fra SSB* on a file. Reads the workbook,
 * fetches the region's figures from SSB and writes a copy with them in Effektindikatorer. The input is never
 * written; offline, a timeout or an error from SSB is one line and status 2, and nothing is written.
 */
export function fetchSsbCommand(options: FetchSsbOptions, io: CliIo, lang: Lang): Promise<number> {
  const statistics = new SsbPort(io.ssbApi === undefined ? {} : { api: io.ssbApi });
  const today = io.today ?? new Date().toISOString().slice(0, 10);
  return editCopy(options, io, lang, async (port) => (await fetchFromSsb(port, statistics, today)).lines, [StatisticsError]);
}
