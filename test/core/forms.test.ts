/**
 * The register forms' check: choices read from the workbook's own tables, a message at each wrong field, and
 * a typed row keyed by the contract's headers when everything is right.
 */
import { checkProjectForm, checkReportForm, formChoices, type ProjectFormInput, type ReportFormInput } from '../../src/core/forms/register';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';

const choices = formChoices(snapshotFromData(hallingdalDemo()));

const project: ProjectFormInput = {
  id: 'EKS-09',
  name: 'Eksempel: Ny satsing',
  owner: 'Eksempel AS',
  strategy: 'a',
  naering: 'industri',
  phase: 'Forstudie',
  status: 'søkt',
  decisionDate: '',
  granted: '250 000',
  ownFinancing: '100.000,-',
  otherFinancing: '',
};
const report: ReportFormInput = {
  projectId: 'eks-01',
  date: '15.09.2023',
  naering: 'Industri',
  jobs: '2',
  companies: '',
  newCompanies: '1',
  comment: '=SUM(A1)',
};

test('choices come from the workbook: its projects, strategies, næringer and period', () => {
  expect(choices.projects.map((p) => p.id)).toEqual(['EKS-01', 'EKS-02', 'EKS-03', 'EKS-04', 'EKS-05', 'EKS-06', 'EKS-07', 'EKS-08']);
  expect(choices.strategies.map((s) => s.code)).toContain('M');
  expect(choices.naeringer).toEqual(['Opplevelsesnæring', 'Bygg og anlegg', 'Industri', 'Øvrig næringsliv']);
  expect(choices.period).toEqual({ first: 2022, last: 2024 });
  expect([choices.hasProjects, choices.hasReports]).toEqual([true, true]);
});

test('a valid project gives one typed row keyed by the Prosjekter headers, spelled as the workbook spells its codes', () => {
  const checked = checkProjectForm(project, choices);
  expect(checked).toEqual({
    ok: true,
    table: 'Prosjekter',
    projectId: 'EKS-09',
    row: {
      ProsjektID: 'EKS-09',
      Prosjekt: 'Eksempel: Ny satsing',
      Prosjekteier: 'Eksempel AS',
      Strategi: 'A',
      Næring: 'Industri',
      'PLP-fase': 'Forstudie',
      Status: 'Søkt',
      Innvilget: 250000,
      Egenfinansiering: 100000,
    },
  });
});

test('a wrong project names each wrong field and gives no row', () => {
  const checked = checkProjectForm(
    {
      ...project,
      id: ' eks-01 ',
      name: '  ',
      strategy: 'Z',
      granted: '12,5',
      ownFinancing: '-5',
      otherFinancing: 'mye',
      decisionDate: '31.02.2022',
    },
    choices,
  );
  expect(checked.ok).toBe(false);
  if (checked.ok) return;
  expect(Object.keys(checked.errors).sort()).toEqual([
    'decisionDate',
    'granted',
    'id',
    'name',
    'otherFinancing',
    'ownFinancing',
    'strategy',
  ]);
  expect(checked.errors.id?.nb).toMatch(/finnes allerede/);
  expect(checked.errors.granted?.nb).toMatch(/helt tall/);
  expect(checked.errors.ownFinancing?.en).toMatch(/negative/);
  expect(checked.errors.decisionDate?.nb).toMatch(/dato/);
});

test('a valid report: the project as the register spells it, the date as a date, text kept as text', () => {
  expect(checkReportForm(report, choices)).toEqual({
    ok: true,
    table: 'Rapporter',
    projectId: 'EKS-01',
    row: {
      ProsjektID: 'EKS-01',
      Rapportdato: { date: '2023-09-15' },
      Næring: 'Industri',
      'Nye arbeidsplasser': 2,
      'Nye bedrifter': 1,
      Kommentar: '=SUM(A1)',
    },
  });
});

test('a report for an unknown project, outside the period, with fractional jobs is refused field by field', () => {
  const checked = checkReportForm({ ...report, projectId: 'P-99', date: '2026-01-10', jobs: '1,5', naering: '' }, choices);
  expect(checked.ok).toBe(false);
  if (checked.ok) return;
  expect(checked.errors.projectId?.nb).toMatch(/Prosjekter/);
  expect(checked.errors.date?.nb).toBe('Datoen må være i programperioden 2022–2024.');
  expect(checked.errors.jobs?.en).toBe('Must be a whole number.');
  expect(checked.errors.naering?.nb).toBe('Må fylles ut.');
  expect(checked.errors.comment).toBeUndefined();
});

test('jobs are required in a report; zero is a valid answer', () => {
  const missing = checkReportForm({ ...report, jobs: ' ' }, choices);
  expect(missing.ok ? null : missing.errors.jobs?.nb).toBe('Må fylles ut.');
  const zero = checkReportForm({ ...report, jobs: '0' }, choices);
  expect(zero.ok ? zero.row['Nye arbeidsplasser'] : null).toBe(0);
});

test('the published plan has the register tables but no projects yet: nothing to report on', () => {
  const plain = formChoices(snapshotFromData(hallingdalSample()));
  expect(plain.projects).toEqual([]);
  expect(checkReportForm(report, plain).ok).toBe(false);
});
