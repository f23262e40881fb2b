/**
 * The board's documents as the board gets them: both sheets of the sample and the demo rendered into real
 * .xlsx files, printed to PDF by LibreOffice with Carlito exactly as `--pdf` does, and read back with poppler
 * (`pdftotext -bbox-layout`). Every word's box on every page must be at least 8 pt type (a box is about
 * 1.25 × the type size in points), every printed word must be a whole word of the layout (a word broken
 * inside a cell prints as two pieces that are not), and the pages are counted as the README states them.
 * Needs LibreOffice, Carlito and poppler-utils (CI installs them); where LibreOffice is missing the tests are
 * skipped with a message saying so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderLayoutIntoFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { sheetToPdf } from '../../src/cli/pdf';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { inputDigest } from '../../src/core/digest';
import { shownText } from '../../src/core/layout/fit';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { wordsOf } from '../../src/core/layout/metrics';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { withEffektValues } from '../support/effektValues';

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const soffice = process.env['HANDLINGSPLAN_SOFFICE'] ?? onPath('soffice') ?? onPath('libreoffice');
const poppler = onPath('pdftotext');
const available = soffice !== undefined && poppler !== undefined;
if (!available) {
  console.warn(
    'print test SKIPPED: LibreOffice (soffice) or poppler-utils (pdftotext) is missing; install them with apt-get install -y libreoffice-calc poppler-utils fonts-crosextra-carlito',
  );
}
const maybe = available ? describe : describe.skip;

/** The smallest box height of 8 pt type: poppler's boxes are ascent + descent, 1.27 × the size for Carlito. */
const MIN_BOX = 8 * 1.25;

/** Pages as the README's table states them. */
const PAGES: Record<string, number> = {
  'Handlingsplan 2022 of the sample': 6,
  'Styrerapport 2022 of the sample': 4,
  'Handlingsplan 2022 of the demo': 7,
  'Styrerapport 2022 of the demo': 4,
  'Styrerapport 2022 of the sample with indicator values': 6,
};

interface Word {
  text: string;
  height: number;
}

interface Printed {
  layout: SheetLayout;
  pages: Word[][];
  text: string;
}

const dir = mkdtempSync(join(tmpdir(), 'hp-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function print(data: WorkbookData, name: string, kind: 'handlingsplan' | 'styrerapport'): Promise<Printed> {
  const input = join(dir, `${name}.xlsx`);
  await writeWorkbookDataFile(data, input);
  const snap = snapshotFromData(data);
  const result = validateWorkbook(snap, { year: 2022, today: '2026-11-27' });
  const build = kind === 'handlingsplan' ? buildHandlingsplan : buildStyrerapport;
  const layout = build({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snap),
    generatedAt: '2026-11-27T10:00:00Z',
  });
  const out = join(dir, `${name}-${kind}.xlsx`);
  const outcome = await renderLayoutIntoFile(input, layout, out);
  const pdf = join(dir, `${name}-${kind}.pdf`);
  await sheetToPdf(out, outcome.sheet, pdf, { soffice: soffice ?? 'soffice' });
  const bbox = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const plain = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { layout, pages: pagesOf(bbox.stdout), text: plain.stdout };
}

function pagesOf(xml: string): Word[][] {
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: decode(m[3] ?? ''),
        height: Number(m[2]) - Number(m[1]),
      })),
    );
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The whole words a printed page may show: every word of the layout's cells (numbers as Norwegian Excel shows
 * them), of its header and footer, and the pieces of words a line may end in after a hyphen (`SMB-` +
 * `utvikling`), which is a break between words, not inside one. Figures alone (page numbers, dates, times)
 * are always whole.
 */
function wholeWords(layout: SheetLayout): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of wordsOf(text)) {
      words.add(word);
      const parts = word.split(/(?<=[-–/])/);
      parts.forEach((p) => words.add(p));
    }
  };
  for (const cell of layout.cells) add(shownText(cell));
  add(layout.print.header);
  add(layout.print.footer.replace(/&[PN]/g, ''));
  for (const chart of layout.charts ?? []) {
    add(chart.title);
    add(chart.valueAxisTitle ?? '');
    chart.series.forEach((s) => add(s.name));
    chart.categories.labels.forEach(add);
  }
  return words;
}

function brokenWords(printed: Printed): string[] {
  const whole = wholeWords(printed.layout);
  return printed.pages.flatMap((page, i) =>
    page.filter((w) => !whole.has(w.text) && !/^[\d.,:%–-]+$/.test(w.text)).map((w) => `page ${i + 1}: "${w.text}"`),
  );
}

const CASES: [string, () => WorkbookData, 'handlingsplan' | 'styrerapport'][] = [
  ['Handlingsplan 2022 of the sample', hallingdalSample, 'handlingsplan'],
  ['Styrerapport 2022 of the sample', hallingdalSample, 'styrerapport'],
  ['Handlingsplan 2022 of the demo', hallingdalDemo, 'handlingsplan'],
  ['Styrerapport 2022 of the demo', hallingdalDemo, 'styrerapport'],
  // Values added in the test (the sample has none): the Effektmål tables and line charts on paper.
  ['Styrerapport 2022 of the sample with indicator values', () => withEffektValues(hallingdalSample()), 'styrerapport'],
];

maybe('printed through LibreOffice with Carlito', () => {
  const printed = new Map<string, Printed>();
  beforeAll(async () => {
    // One after another: four LibreOffice processes at once would only fight over two cores.
    for (const [name, data, kind] of CASES) printed.set(name, await print(data(), name.replace(/ /g, '_'), kind));
  }, 300_000);
  const get = (name: string): Printed => {
    const found = printed.get(name);
    if (found === undefined) throw new Error(`${name} was not printed`);
    return found;
  };

  describe.each(CASES.map(([name]) => name))('%s', (name) => {
    test('every page prints type of at least 8 pt, footnotes included', () => {
      const small = get(name).pages.flatMap((page, i) =>
        page.filter((w) => w.height < MIN_BOX).map((w) => `page ${i + 1}: "${w.text}" ${(w.height / 1.27).toFixed(1)} pt`),
      );
      expect(small).toEqual([]);
    });

    test('no word is split across lines', () => {
      expect(brokenWords(get(name))).toEqual([]);
    });

    test(`prints on the pages the README states (${PAGES[name]})`, () => {
      expect(get(name).pages).toHaveLength(PAGES[name] ?? 0);
    });

    test('numbers print the Norwegian way', () => {
      const text = get(name).text;
      expect(text).not.toMatch(/\d,\d{3}\b(?!,)/);
      if (name.startsWith('Handlingsplan')) expect(text).toMatch(/3 200 000/);
    });
  });

  test("the Handlingsplan carries the seed's notes", () => {
    const text = get('Handlingsplan 2022 of the sample').text.replace(/\s+/g, ' ');
    expect(text).toContain('1) Delmål er delvis konkrete målsettinger');
    expect(text).toContain('2) Måltall for arbeidsplasser er knyttet til');
    // §4: the notes under the budget frame, and their numbers on the lines they explain
    expect(text).toContain('Administrasjon 1)');
    expect(text).toContain('Prosjektledelse/prosjektarbeid 2)');
    expect(text).toContain('Administrasjonskostnad anslått til ca 10 % av ramme');
    expect(text).toContain('Prosjektrettet arbeid fra programleder');
    expect(text.indexOf('Sum totalt')).toBeLessThan(text.indexOf('Administrasjonskostnad anslått'));
  });

  test("the demo's frames after its reallocation print with the moves, on one page", () => {
    const pages = get('Handlingsplan 2022 of the demo').pages.map((page) => page.map((w) => w.text).join(' '));
    const page = pages.findIndex((p) => p.includes('Etter omdisponering'));
    expect(page).toBeGreaterThan(0);
    // poppler reads column by column: the heading, then each column's words.
    for (const words of ['Omdisponeringer 2022 Dato 15.09.2022 Fra Til', 'Beløp Vedtak 100 000 Eksempel: styresak 9/22'])
      expect(pages[page]).toContain(words);
  });

  test('the Effektmål section prints the region\'s figures, the change, "ingen data" and "mangler" — never a 0 for them', () => {
    const text = get('Styrerapport 2022 of the sample with indicator values').text;
    expect(text).toContain('Effektmål – regionens utvikling siden grunnlagsåret 2021');
    const line = (label: string) =>
      text
        .split('\n')
        .find((l) => l.trimStart().startsWith(label))
        ?.replace(/\s+/g, ' ')
        .trim();
    expect(line('Folkemengde 20–39 år')).toBe('Folkemengde 20–39 år 4 000 ingen data 4 200 ingen data 2023 200 5,0 %');
    expect(line('Kommune-NM-plassering')).toBe('Kommune-NM-plassering 120 110 mangler ingen data mangler mangler mangler');
    expect(line('Sysselsatte etter arbeidssted')).toBe('Sysselsatte etter arbeidssted ingen data');
  });

  test('the Styrerapport before the first report: no "Ikke nådd", "–" for ratios of nothing', () => {
    const text = get('Styrerapport 2022 of the sample').text;
    expect(text).not.toContain('Ikke nådd');
    expect(text).toContain('Ingen rapporter ennå');
    expect(text).toMatch(/–/);
    expect(text).not.toMatch(/0[.,]00/);
  });
});
