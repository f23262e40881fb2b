/**
 * One definition per contract table's columns (src/core/contract/contract.ts): the template, the register forms,
 * the demo and the parser take their columns from it. Adding a column to Prosjekter is one edit there (plus the
 * demo's data, which the compiler asks for): the last test makes that edit in a fresh module registry and finds the
 * column everywhere it belongs.
 */
import type * as Contract from '../../src/core/contract/contract';
import type * as Fields from '../../src/core/forms/fields';
import type * as Register from '../../src/core/forms/register';
import type * as Template from '../../src/core/template/template';
import type * as Demo from '../../src/core/sample/demo';
import type * as Parse from '../../src/core/parse/plan';
import type * as Snapshots from '../../src/core/snapshot/fromTableData';
import { TABLES } from '../../src/core/contract/contract';
import { EMPTY_PROJECT, EMPTY_REPORT, fieldInput, fieldLabel } from '../../src/core/forms/fields';
import { checkProjectForm, formChoices } from '../../src/core/forms/register';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { templateWorkbook } from '../../src/core/template/template';

const keys = (columns: readonly { key: string }[]): string[] => columns.map((c) => c.key);
const headers = (columns: readonly { header: string }[]): string[] => columns.map((c) => c.header);

test('the forms hold one field per column of their table, in its order', () => {
  expect(Object.keys(EMPTY_PROJECT)).toEqual(keys(TABLES.projects.columns));
  expect(Object.keys(EMPTY_REPORT)).toEqual(keys(TABLES.reports.columns));
  expect(Object.values(EMPTY_PROJECT).every((typed) => typed === '')).toBe(true);
});

test('a field is shown as its column kind says, labelled in both languages', () => {
  const column = (key: string) => TABLES.projects.columns.find((c) => c.key === key)!;
  expect(['granted', 'decisionDate', 'name', 'id'].map((key) => fieldInput(column(key)))).toEqual(['number', 'date', 'text', 'text']);
  expect(fieldInput(TABLES.reports.columns.find((c) => c.key === 'comment')!)).toBe('long');
  expect([fieldLabel(column('ownFinancing'), 'nb'), fieldLabel(column('ownFinancing'), 'en')]).toEqual([
    'Egenfinansiering',
    'Own financing',
  ]);
  expect([fieldLabel(column('name'), 'nb'), fieldLabel(column('name'), 'en')]).toEqual(['Prosjektnavn', 'Project name']);
});

test('the template and the demo write every table with the contract headers; the demo fills the register by kind', () => {
  for (const data of [templateWorkbook(), hallingdalDemo()]) {
    for (const key of ['projects', 'reports', 'reallocations'] as const) {
      const table = data.tables.find((t) => t.name === TABLES[key].name);
      expect(table?.header).toEqual(headers(TABLES[key].columns));
    }
  }
  const projects = hallingdalDemo().tables.find((t) => t.name === TABLES.projects.name)!;
  expect(projects.rows).toHaveLength(8);
  TABLES.projects.columns.forEach((column, index) => {
    for (const row of projects.rows) {
      const cell = row[index];
      if (cell === null || cell === undefined) continue;
      if (column.kind === 'date') expect(cell).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string });
      else if (column.kind === 'kroner') expect(typeof cell).toBe('number');
      else expect(typeof cell).toBe('string');
    }
  });
});

test('a checked form writes only columns of its table, each value as its kind', () => {
  const checked = checkProjectForm(
    { id: 'X-1', name: 'Ny', strategy: 'A', decisionDate: '01.03.2022', granted: '10 000' },
    formChoices(snapshotFromData(hallingdalDemo())),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  expect(Object.keys(checked.row).every((header) => headers(TABLES.projects.columns).includes(header))).toBe(true);
  expect(checked.row).toEqual({ ProsjektID: 'X-1', Prosjekt: 'Ny', Strategi: 'A', Vedtaksdato: { date: '2022-03-01' }, Innvilget: 10000 });
});

test('a column added to the contract alone is a form field, a template header, a demo cell and a row cell', () => {
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- a fresh registry is the point: the modules must load after the edit */
    const contract = require('../../src/core/contract/contract') as typeof Contract;
    const added: Contract.ColumnSpec = {
      key: 'contact',
      header: 'Kontaktperson',
      kind: 'text',
      required: false,
      width: 20,
      label: { en: 'Contact person' },
    };
    (contract.TABLES.projects.columns as unknown as Contract.ColumnSpec[]).push(added);
    const fields = require('../../src/core/forms/fields') as typeof Fields;
    const register = require('../../src/core/forms/register') as typeof Register;
    const template = require('../../src/core/template/template') as typeof Template;
    const demo = require('../../src/core/sample/demo') as typeof Demo;
    const parse = require('../../src/core/parse/plan') as typeof Parse;
    const snapshots = require('../../src/core/snapshot/fromTableData') as typeof Snapshots;
    /* eslint-enable @typescript-eslint/no-require-imports */

    expect(Object.keys(fields.EMPTY_PROJECT)).toContain('contact');
    expect([fields.fieldInput(added), fields.fieldLabel(added, 'en')]).toEqual(['text', 'Contact person']);
    expect(template.templateWorkbook().tables.find((t) => t.name === 'Prosjekter')?.header).toContain('Kontaktperson');

    const data = demo.hallingdalDemo();
    const projects = data.tables.find((t) => t.name === 'Prosjekter')!;
    expect(projects.header[projects.header.length - 1]).toBe('Kontaktperson');
    expect(projects.rows.every((row) => row.length === projects.header.length)).toBe(true);

    const snapshot = snapshots.snapshotFromData(data);
    // The compiled types know no `contact`: the column exists only in this registry.
    const typed = { id: 'X-1', name: 'Ny', strategy: 'A', contact: ' Kari Nordmann ' } as Partial<Register.ProjectFormInput>;
    const checked = register.checkProjectForm(typed, register.formChoices(snapshot));
    expect(checked.ok && checked.row['Kontaktperson']).toBe('Kari Nordmann');
    // The parser binds the column by its header: no finding about it, the register read as before.
    const { plan, findings } = parse.parsePlan(snapshot);
    expect(findings.filter((f) => f.message.en.includes('Kontaktperson'))).toEqual([]);
    expect(plan.projects).toHaveLength(8);
  });
});
