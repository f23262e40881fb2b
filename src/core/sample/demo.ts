/**
 * The demo workbook: the published Hallingdal plan (`hallingdalSample()`, unchanged) plus a small, clearly
 * fictional project register, so the register's rules and the board's figures have something to show.
 * Every project is named *Eksempel: …* and owned by an *Eksempel* owner: none of it is real. The published
 * plan itself stays in `hallingdalSample()`; this file only adds to a fresh copy of it.
 *
 * What the demo shows:
 *   - eight projects over strategies A–M, all four næringer, the three PLP phases and the five statuses,
 *     with grants decided in 2022 and 2023 and some own and other financing;
 *   - reports in 2022 and 2023, among them
 *       - one for a project without a grant (EKS-06, søkt): its job does not count;
 *       - one whose jobs later disappear (EKS-02: 3 jobs in 2022, a 2023 row says 2 are gone): counted gross,
 *         the 3 stay in 2022, and the 2023 row counts as a report with 0 new jobs;
 *       - one that names another næring than its project's (EKS-01's 2023 report): it counts for the næring
 *         it names;
 *   - one reallocation that keeps the total: 100 000 from area 3 to area 1 in September 2022. The
 *     strategies must fit the frames after reallocations, so the demo's Budsjett lines follow it: H
 *     200 000 → 100 000 and A 400 000 → 500 000.
 *
 * The figures worked out by hand are in test/core/demo.test.ts.
 */
import { TABLES, type RowValues, type TableSpec } from '../contract/contract';
import type { TableData, WorkbookData } from '../contract/tableData';
import { hallingdalSample } from './hallingdal';
import { headerOf, typedRowOf } from '../template/template';

const OPPLEVELSE = 'Opplevelsesnæring';
const BYGG = 'Bygg og anlegg';
const INDUSTRI = 'Industri';
const OVRIG = 'Øvrig næringsliv';

const PROJECTS: readonly RowValues<'projects'>[] = [
  {
    id: 'EKS-01',
    name: 'Eksempel: Rekrutteringsløft Hallingdal',
    owner: 'Eksempel Næringshage AS',
    strategy: 'A',
    naering: OVRIG,
    phase: 'Hovedprosjekt',
    status: 'Aktiv',
    decisionDate: '2022-03-15',
    granted: 300_000,
    ownFinancing: 150_000,
    otherFinancing: 50_000,
  },
  {
    id: 'EKS-02',
    name: 'Eksempel: Kompetansebank for byggenæringen',
    owner: 'Eksempel Byggmesterlag',
    strategy: 'B',
    naering: BYGG,
    phase: 'Forprosjekt',
    status: 'Avsluttet',
    decisionDate: '2022-04-20',
    granted: 200_000,
    ownFinancing: 100_000,
    otherFinancing: null,
  },
  {
    id: 'EKS-03',
    name: 'Eksempel: Forstudie produktivitet i småindustrien',
    owner: 'Eksempel Industri AS',
    strategy: 'C',
    naering: INDUSTRI,
    phase: 'Forstudie',
    status: 'Avsluttet',
    decisionDate: '2022-02-10',
    granted: 100_000,
    ownFinancing: 25_000,
    otherFinancing: null,
  },
  {
    id: 'EKS-04',
    name: 'Eksempel: Gründerverksted for opplevelser',
    owner: 'Eksempel Gründer AS',
    strategy: 'E',
    naering: OPPLEVELSE,
    phase: 'Hovedprosjekt',
    status: 'Innvilget',
    decisionDate: '2023-01-25',
    granted: 150_000,
    ownFinancing: 75_000,
    otherFinancing: 75_000,
  },
  {
    id: 'EKS-05',
    name: 'Eksempel: Grønn industriklynge',
    owner: 'Eksempel Klynge SA',
    strategy: 'J',
    naering: INDUSTRI,
    phase: 'Forprosjekt',
    status: 'Aktiv',
    decisionDate: '2023-05-10',
    granted: 250_000,
    ownFinancing: 100_000,
    otherFinancing: 150_000,
  },
  // Applied for, not decided: no grant, so its report does not count (and its own financing leverages nothing).
  {
    id: 'EKS-06',
    name: 'Eksempel: Vinternettverk for reiselivet',
    owner: 'Eksempel Reiseliv AS',
    strategy: 'D',
    naering: OPPLEVELSE,
    phase: 'Forstudie',
    status: 'Søkt',
    decisionDate: null,
    granted: null,
    ownFinancing: 40_000,
    otherFinancing: null,
  },
  // Turned down: Innvilget 0.
  {
    id: 'EKS-07',
    name: 'Eksempel: Samkjøringsapp for pendlere',
    owner: 'Eksempel Mobilitet AS',
    strategy: 'G',
    naering: OVRIG,
    phase: 'Forstudie',
    status: 'Avslått',
    decisionDate: '2022-06-01',
    granted: 0,
    ownFinancing: null,
    otherFinancing: null,
  },
  {
    id: 'EKS-08',
    name: 'Eksempel: Bostedskampanje Bo i dalen',
    owner: 'Eksempel Kommunesamarbeid',
    strategy: 'M',
    naering: OVRIG,
    phase: 'Forprosjekt',
    status: 'Aktiv',
    decisionDate: '2022-09-01',
    granted: 100_000,
    ownFinancing: null,
    otherFinancing: 25_000,
  },
];

const REPORTS: readonly RowValues<'reports'>[] = [
  {
    projectId: 'EKS-01',
    date: '2022-06-30',
    naering: OVRIG,
    jobs: 2,
    companies: 4,
    newCompanies: 0,
    comment: 'Eksempel: to nye stillinger etter rekrutteringsmesse',
  },
  {
    projectId: 'EKS-01',
    date: '2023-06-30',
    naering: OPPLEVELSE,
    jobs: 1,
    companies: 3,
    newCompanies: 0,
    comment: 'Eksempel: stillingen er i en reiselivsbedrift og telles for næringen rapporten nevner',
  },
  {
    projectId: 'EKS-02',
    date: '2022-12-15',
    naering: BYGG,
    jobs: 3,
    companies: 5,
    newCompanies: 1,
    comment: 'Eksempel: tre nye arbeidsplasser',
  },
  {
    projectId: 'EKS-02',
    date: '2023-03-31',
    naering: BYGG,
    jobs: 0,
    companies: null,
    newCompanies: null,
    comment: 'Eksempel: to av de tre arbeidsplassene fra 2022 er borte. Brutto telles de fortsatt i 2022',
  },
  {
    projectId: 'EKS-03',
    date: '2022-10-01',
    naering: INDUSTRI,
    jobs: 1,
    companies: 6,
    newCompanies: 0,
    comment: 'Eksempel: forstudien er avsluttet',
  },
  {
    projectId: 'EKS-04',
    date: '2023-09-30',
    naering: OPPLEVELSE,
    jobs: 2,
    companies: 2,
    newCompanies: 2,
    comment: 'Eksempel: to nyetablerte bedrifter',
  },
  {
    projectId: 'EKS-05',
    date: '2023-11-30',
    naering: INDUSTRI,
    jobs: 4,
    companies: 5,
    newCompanies: 1,
    comment: 'Eksempel: klyngen har fem medlemmer',
  },
  {
    projectId: 'EKS-06',
    date: '2022-11-15',
    naering: OPPLEVELSE,
    jobs: 1,
    companies: 1,
    newCompanies: 0,
    comment: 'Eksempel: prosjektet har ikke fått tilskudd; arbeidsplassen telles ikke',
  },
  { projectId: 'EKS-08', date: '2022-12-01', naering: OVRIG, jobs: 1, companies: 0, newCompanies: 0, comment: 'Eksempel: én ny stilling' },
];

/** 100 000 from area 3 (named by number and name) to area 1 (by name): the total stays 3 600 000. */
const REALLOCATION: RowValues<'reallocations'> = {
  date: '2022-09-15',
  from: '3. Kommunikasjon og samferdsel',
  to: 'Kompetanse og rekruttering',
  amount: 100_000,
  decision: 'Eksempel: styresak 9/22',
};

/** The demo's Budsjett lines after the reallocation: the moved 100 000 comes off H and goes to A. */
const BUDGET_AFTER_REALLOCATION: Readonly<Record<string, number>> = { A: 500_000, H: 100_000 };

function tableOf(data: WorkbookData, spec: TableSpec): TableData {
  const table = data.tables.find((t) => t.name === spec.name);
  if (!table) throw new Error(`The sample has no table ${spec.name}`);
  return table;
}

/** The Hallingdal sample with the fictional register above. A fresh copy each call. */
export function hallingdalDemo(): WorkbookData {
  const data = hallingdalSample();

  const projects = tableOf(data, TABLES.projects);
  for (const p of PROJECTS) projects.rows.push(typedRowOf(projects, TABLES.projects, p));

  const reports = tableOf(data, TABLES.reports);
  for (const r of REPORTS) reports.rows.push(typedRowOf(reports, TABLES.reports, r));

  const reallocations = tableOf(data, TABLES.reallocations);
  reallocations.rows.push(typedRowOf(reallocations, TABLES.reallocations, REALLOCATION));

  const budget = tableOf(data, TABLES.budget);
  const strategyColumn = budget.header.indexOf(headerOf(TABLES.budget, 'strategy'));
  const amountColumn = budget.header.indexOf(headerOf(TABLES.budget, 'amount'));
  for (const row of budget.rows) {
    const code = row[strategyColumn];
    const amount = typeof code === 'string' ? BUDGET_AFTER_REALLOCATION[code] : undefined;
    if (amount !== undefined) row[amountColumn] = amount;
  }
  return data;
}
