import { applyFixesIntoFile } from '../../adapters/xlsx/file';
import { openXlsx } from '../../adapters/xlsx/read';
import { CATALOG, type RuleId } from '../../core/findings/catalog';
import { formatNumber } from '../../core/text/figures';
import type { Lang } from '../../core/findings/types';
import { validateWorkbook } from '../../core/validate';
import { cliError } from '../errors';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { readWorkbook } from './validate';
import { checkFree } from './write';
import { copyPaths, fileFailure } from './copy';

export interface FixOptions {
  file: string;
  out: string;
  force: boolean;
  /** only this rule's quick fixes */
  rule?: string;
  year?: number;
}

function isRuleId(text: string): text is RuleId {
  return Object.prototype.hasOwnProperty.call(CATALOG, text);
}

/**
 * `handlingsplan fix <file.xlsx> -o <out.xlsx> [--rule …]` (rett-opp): validates the workbook and writes a
 * copy with every quick fix applied (a number typed as text becomes the number), in one write, touching only
 * the cells the fixes name. The input file is never written. Exit status as for validate, of the copy:
 * 0 no feil left, 1 feil left (they have no quick fix), 2 unusable file or command line.
 */
export async function fixCommand(options: FixOptions, io: CliIo, lang: Lang): Promise<number> {
  const rule = options.rule;
  if (rule !== undefined && !isRuleId(rule)) {
    throw cliError(
      `ukjent regel «${rule}» (se regeltabellen i README, f.eks. values.number-as-text)`,
      `unknown rule '${rule}' (see the rule table in the README, e.g. values.number-as-text)`,
    );
  }
  const { source, output } = copyPaths(options, io, { macros: true });
  const settings = options.year === undefined ? {} : { year: options.year };
  const snapshot = await readWorkbook(source, options.file);
  const fixes = validateWorkbook(snapshot, settings)
    .groups.filter((g) => rule === undefined || g.rule === rule)
    .flatMap((g) => g.fixes);
  await checkFree(output, { out: options.out, force: options.force });
  const { outcome, bytes } = await applyFixesIntoFile(source, fixes, output).catch(fileFailure);
  // Validation reruns once, on the copy as written, so the summary is what the user will see in it.
  const after = validateWorkbook(await (await openXlsx(bytes)).readSnapshot(), settings);
  io.stdout(
    summary(lang, {
      changed: outcome.changed,
      changedSince: outcome.changedSince,
      out: output,
      feil: after.summary.feil,
      advarsel: after.summary.advarsel,
      rule,
    }),
  );
  return after.summary.feil > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function summary(
  lang: Lang,
  o: { changed: number; changedSince: number; out: string; feil: number; advarsel: number; rule: string | undefined },
): string {
  const count = lang === 'nb' ? formatNumber(o.changed) : o.changed.toLocaleString('en-GB');
  if (lang === 'nb') {
    const what = o.changed === 1 ? 'celle' : 'celler';
    const head =
      o.changed === 0
        ? `Ingen celler å rette${o.rule === undefined ? '' : ` for ${o.rule}`}; kopien er skrevet uendret til ${o.out}.`
        : `Rettet ${count} ${what}${o.rule === undefined ? '' : ` (${o.rule})`} i kopien ${o.out}.`;
    const since =
      o.changedSince === 0
        ? ''
        : `\n${formatNumber(o.changedSince)} ${o.changedSince === 1 ? 'celle var endret' : 'celler var endret'} i fila siden den ble lest, og ble ikke rørt.`;
    return `${head}${since}\nIgjen: ${o.feil} feil, ${o.advarsel} advarsler (se handlingsplan valider).\n`;
  }
  const what = o.changed === 1 ? 'cell' : 'cells';
  const head =
    o.changed === 0
      ? `No cells to fix${o.rule === undefined ? '' : ` for ${o.rule}`}; the copy was written unchanged to ${o.out}.`
      : `Fixed ${count} ${what}${o.rule === undefined ? '' : ` (${o.rule})`} in the copy ${o.out}.`;
  const since =
    o.changedSince === 0
      ? ''
      : `\n${o.changedSince.toLocaleString('en-GB')} ${o.changedSince === 1 ? 'cell had' : 'cells had'} changed in the file since it was read, and ${o.changedSince === 1 ? 'was' : 'were'} left as ${o.changedSince === 1 ? 'it was' : 'they were'}.`;
  return `${head}${since}\nLeft: ${o.feil} errors, ${o.advarsel} warnings (see handlingsplan validate).\n`;
}
