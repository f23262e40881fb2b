import { renderLayoutIntoFile } from '../../adapters/xlsx/file';
import type { Lang } from '../../core/findings/types';
import { sheetUseCase, type SheetProblem } from '../../core/usecase';
import { cliError } from '../errors';
import { EXIT_OK, type CliIo } from '../io';
import { readWorkbook } from './validate';
import { checkYearOption } from './year';
import { checkFree } from './write';
import { copyPaths, fileFailure } from './copy';
import { findSoffice, pdfPathFor, PdfError, sheetToPdf } from '../pdf';

export interface GenerateOptions {
  /** `generate`: the Handlingsplan sheet; `report`: the board's Styrerapport */
  kind: 'generate' | 'report';
  file: string;
  out: string;
  force: boolean;
  year?: number;
  /** also write the sheet alone as a PDF next to `out` */
  pdf?: boolean;
}

/**
 * `handlingsplan generate|report <file.xlsx> [--year 2022] -o <out.xlsx>`: validates the workbook and writes a
 * copy of it with the *Handlingsplan {år}* (or *Styrerapport {år}*) sheet added, or the add-in's earlier one
 * replaced. The input file is never written. Errors in the input do not stop it: the board may need a draft,
 * and the sheet says so.
 */
export async function generateCommand(options: GenerateOptions, io: CliIo, lang: Lang): Promise<number> {
  const { source, output } = copyPaths(options, io, { macros: true });
  const snapshot = await readWorkbook(source, options.file);
  const made = sheetUseCase({
    snapshot,
    year: options.year ?? null,
    today: io.today ?? null,
    kind: options.kind === 'report' ? 'styrerapport' : 'handlingsplan',
    generatedAt: io.now ?? new Date().toISOString(),
  });
  checkYearOption(options.year, made.result.plan.program);
  if (!made.ok) throw yearProblem(made.problem);
  const { result, layout } = made;
  await checkFree(output, { out: options.out, force: options.force });
  const pdf = options.pdf === true ? pdfPathFor(output) : undefined;
  if (pdf !== undefined) await checkFree(pdf, { out: pdfPathFor(options.out), force: options.force });
  const outcome = await renderLayoutIntoFile(source, layout, output).catch(fileFailure);
  io.stdout(
    report(lang, {
      sheet: outcome.sheet,
      out: output,
      errors: result.summary.feil,
      replaced: outcome.replaced,
      renamedFrom: outcome.renamedFrom,
    }),
  );
  if (pdf !== undefined) await writePdf(output, outcome.sheet, pdf, io, lang);
  return EXIT_OK;
}

/**
 * The sheet alone as a PDF, when LibreOffice is there. Without it the workbook is still written (it is what
 * was asked for first) and the user is told how to make the PDF in Excel.
 */
async function writePdf(workbook: string, sheet: string, pdf: string, io: CliIo, lang: Lang): Promise<void> {
  const soffice = await (io.findSoffice ?? findSoffice)();
  if (soffice === undefined) {
    io.stderr(
      lang === 'nb'
        ? `handlingsplan: PDF-en er ikke laget: LibreOffice er ikke installert. Åpne ${workbook} i Excel, velg arket «${sheet}» og Fil → Eksporter → Opprett PDF/XPS (Alternativer: Aktive ark), eller installer LibreOffice (apt-get install libreoffice-calc fonts-crosextra-carlito) og kjør kommandoen på nytt med --force.\n`
        : `handlingsplan: the PDF was not made: LibreOffice is not installed. Open ${workbook} in Excel, select the sheet "${sheet}" and File → Export → Create PDF/XPS (Options: Active sheets), or install LibreOffice (apt-get install libreoffice-calc fonts-crosextra-carlito) and run the command again with --force.\n`,
    );
    return;
  }
  try {
    await sheetToPdf(workbook, sheet, pdf, { soffice });
  } catch (error) {
    if (error instanceof PdfError) throw cliError(`PDF-en kunne ikke lages: ${error.nb}`, `the PDF could not be made: ${error.en}`);
    throw error;
  }
  io.stdout(lang === 'nb' ? `Skrev arket «${sheet}» alene som PDF til ${pdf}.\n` : `Wrote sheet "${sheet}" alone as a PDF to ${pdf}.\n`);
}

/** A handlingsplan is for one year of the period; without one there is nothing to lay out. */
function yearProblem(problem: SheetProblem): Error {
  if (problem.kind === 'no-year') {
    return cliError('arbeidsboka oppgir ikke Handlingsplanår; bruk --year', 'the workbook states no Handlingsplanår; use --year');
  }
  const { year, first, last } = problem;
  return cliError(
    `Handlingsplanår ${year} ligger utenfor programperioden ${first}–${last}; bruk --year`,
    `Handlingsplanår ${year} is outside the programme period ${first}–${last}; use --year`,
  );
}

interface Outcome {
  sheet: string;
  out: string;
  errors: number;
  replaced: boolean;
  renamedFrom: string | undefined;
}

function report(lang: Lang, o: Outcome): string {
  const lines: string[] = [];
  if (lang === 'nb') {
    lines.push(`Skrev arket «${o.sheet}» til ${o.out}${o.replaced ? ' (erstattet det forrige)' : ''}.`);
    if (o.renamedFrom !== undefined)
      lines.push(`Arket «${o.renamedFrom}» finnes fra før og er ikke laget av Handlingsplan; det er ikke rørt.`);
    lines.push(
      o.errors > 0
        ? `Utkast: ${o.errors} feil i grunnlaget er merket på arket (se handlingsplan valider).`
        : 'Grunnlaget er validert uten feil.',
    );
  } else {
    lines.push(`Wrote sheet "${o.sheet}" to ${o.out}${o.replaced ? ' (replacing the previous one)' : ''}.`);
    if (o.renamedFrom !== undefined) lines.push(`Sheet "${o.renamedFrom}" exists and was not made by Handlingsplan; it was left alone.`);
    lines.push(
      o.errors > 0
        ? `Draft: ${o.errors} errors in the input are marked on the sheet (see handlingsplan validate).`
        : 'The input validated without errors.',
    );
  }
  return `${lines.join('\n')}\n`;
}
