import { TABLES } from '../../src/core/contract/contract';
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';

/**
 * A second programme unlike the sample in every way that matters to printing: another name, period
 * (2023–2026) and plan year (2024), five innsatsområder of which one has seven strategies, two-letter codes,
 * long compound words in names and texts, six næringer with long names, texts spanning strategies, and
 * figures in the millions. Its thematic table is far too wide for one A4 page.
 */
export const WIDE_YEAR = 2024;

export function widePlan(): WorkbookData {
  const t = (spec: { name: string; sheet: string }, header: string[], rows: CellInput[][], totalRow?: CellInput[]): TableData => {
    const table: TableData = { name: spec.name, sheet: spec.sheet, header, rows };
    if (totalRow) table.totalRow = totalRow;
    return table;
  };
  const areas: [number, string, string][] = [
    [1, 'Kompetanseutvikling og rekrutteringsarbeid', 'Tematisk'],
    [2, 'Innovasjon og næringsutvikling', 'Tematisk'],
    [3, 'Reiselivsdestinasjonsutvikling', 'Tematisk'],
    [4, 'Grønn omstilling', 'Tematisk'],
    [5, 'Omdømmebygging og bostedsattraktivitet', 'Støtteområde'],
  ];
  const strategies: [string, string, number][] = [
    ['RA', 'Lærlingordninger', 1],
    ['RB', 'Etter- og videreutdanningstilbud', 1],
    ['RC', 'Tilflyttingsarbeid', 1],
    ['IA', 'Bedriftsnettverk', 2],
    ['IB', 'Gründerveiledning', 2],
    ['IC', 'Produktutviklingsprosjekter', 2],
    ['ID', 'Eksportsatsing', 2],
    ['IE', 'Teknologioverføring', 2],
    ['IF', 'Leverandørutvikling', 2],
    ['IG', 'Kapitaltilgang', 2],
    ['DA', 'Helårsturisme', 3],
    ['DB', 'Opplevelsesproduksjon', 3],
    ['GA', 'Sirkulærøkonomi', 4],
    ['GB', 'Energieffektivisering', 4],
    ['OA', 'Omdømmekampanjer', 5],
    ['OB', 'Velkomstarbeid', 5],
  ];
  const naeringer = [
    'Landbruksbasert matproduksjon',
    'Reiseliv og opplevelsesnæringer',
    'Industri',
    'Bygg og anlegg',
    'Kunnskapsbasert tjenesteyting',
    'Øvrig næringsliv',
  ];
  const years = [2023, 2024, 2025, 2026];
  const thematic = strategies.filter(([, , area]) => area !== 5);
  const budget = (i: number): number => 150000 + 50000 * (i % 4);
  const areaBudget = (area: number): number => strategies.map(([, , a], i) => (a === area ? budget(i) : 0)).reduce((x, y) => x + y, 0);
  const frames = areas.map(([nr]) => areaBudget(nr));
  const areaSum = frames.reduce((a, b) => a + b, 0);
  const targets = naeringer.map((_, i) => years.map((y, j) => 2 + i + j));
  const resultRows = naeringer.map((n, i) => thematic.map((_, j) => ((i + j) % 3 === 0 ? 1 + (j % 2) : null)));
  return {
    sheets: ['Oppsett', 'Mål', 'Budsjett', 'Prosjekter'],
    tables: [
      t(
        TABLES.program,
        ['Felt', 'Verdi'],
        [
          ['Programnavn', 'Omstilling Fjellregionen Sør'],
          ['Region', 'Fjellregionen'],
          ['Første år', 2023],
          ['Siste år', 2026],
          ['Handlingsplanår', WIDE_YEAR],
        ],
      ),
      t(TABLES.areas, ['Nr', 'Innsatsområde', 'Type'], areas),
      t(
        TABLES.strategies,
        ['Kode', 'Strategi', 'Innsatsområde', 'Beskrivelse'],
        strategies.map(([code, name, area]) => [
          code,
          name,
          area,
          `${name}: et langsiktig arbeid med samarbeidspartnere i regionen og næringsmiddelindustrien`,
        ]),
      ),
      t(
        TABLES.naeringer,
        ['Nr', 'Næring'],
        naeringer.map((n, i) => [i + 1, n]),
      ),
      t(
        TABLES.jobTargets,
        ['Næring', ...years.map(String), 'Sum'],
        naeringer.map((n, i) => [n, ...(targets[i] ?? []), (targets[i] ?? []).reduce((a, b) => a + b, 0)]),
      ),
      t(
        TABLES.resultatmal,
        ['År', 'Næring', ...thematic.map(([code, name]) => `${code}. ${name}`), 'Sum'],
        naeringer.map((n, i) => [WIDE_YEAR, n, ...(resultRows[i] ?? []), (resultRows[i] ?? []).reduce<number>((a, b) => a + (b ?? 0), 0)]),
      ),
      t(
        TABLES.resultatmalSum,
        ['År', 'Innsatsområde', 'Arbeidsplasser'],
        [
          [WIDE_YEAR, 1, 4],
          [WIDE_YEAR, 'Sum', 30],
        ],
      ),
      t(
        TABLES.delmal,
        ['År', 'Strategier', 'Delmål', 'Prosjekter igangsatt', 'Prosjekter gjennomført', 'Bedrifter involvert', 'Nye bedrifter'],
        [
          [WIDE_YEAR, 'RA, RB', 'Minst tre lærlingplasser i industribedriftene, og et felles opplæringskontor etablert', 3, null, 5, null],
          [WIDE_YEAR, 'IB', 'Fire gründerbedrifter i bedriftsinkubatoren', 4, 1, null, 4],
          [WIDE_YEAR, 'DA, DB', 'Helårsprodukter utviklet sammen med destinasjonsselskapet', 2, null, 6, null],
          [WIDE_YEAR, 'OA', 'Kommunikasjonsstrategi vedtatt', 1, 1, null, null],
        ],
      ),
      t(
        TABLES.tiltak,
        ['År', 'Strategier', 'Tiltak'],
        [
          [WIDE_YEAR, 'RA', 'Kartlegge kompetansebehovet i bedriftene'],
          [WIDE_YEAR, 'IA, IB, IC', 'Forprosjekt for leverandørnettverk og innovasjonsprogram'],
          [WIDE_YEAR, 'IG', 'Samarbeidsavtale med Innovasjon Norge om kapitaltilgang'],
          [WIDE_YEAR, 'GA', 'Sirkulærøkonomiprosjekt i treforedlingsindustrien'],
          [WIDE_YEAR, 'OA, OB', 'Velkomstpakke for tilflyttere'],
        ],
      ),
      t(
        TABLES.budget,
        ['År', 'Strategi', 'Beløp'],
        strategies.map(([code], i) => [WIDE_YEAR, code, budget(i)]),
      ),
      t(
        TABLES.frames,
        ['År', 'Post', 'Beløp'],
        [
          ...areas.map(([, name], i): CellInput[] => [WIDE_YEAR, name, frames[i] ?? 0]),
          [WIDE_YEAR, 'Sum innsatsområder', areaSum],
          [WIDE_YEAR, 'Administrasjon og programledelse', 1200000],
          [WIDE_YEAR, 'Sum totalt', areaSum + 1200000],
        ],
      ),
      t(
        TABLES.financing,
        ['År', 'Kilde', 'Beløp'],
        [
          [WIDE_YEAR, 'Fylkeskommunen', areaSum],
          [WIDE_YEAR, 'Vertskommunene', 1200000],
          [WIDE_YEAR, 'Sum', areaSum + 1200000],
        ],
      ),
    ],
  };
}
