/**
 * The pane's reducer, without React: what each of the user's actions does to what the pane shows. The
 * validations are real ones, through the session over a RecordingPort, for the sample and the second programme.
 */
import type { RowContext } from '../../src/adapters/port';
import { formChoices } from '../../src/core/forms/register';
import { check, type Checked } from '../../src/taskpane/session';
import { summaryStatus } from '../../src/taskpane/state/outcomes';
import { initialPaneState, paneReducer, type PaneAction, type PaneState } from '../../src/taskpane/state/paneState';
import type { Status } from '../../src/taskpane/state/status';
import { secondProgramme } from '../fixtures/secondProgramme';
import { RecordingPackage, RecordingPort, sampleData } from './fakes';

const NOW = new Date('2026-11-27T10:15:00Z');
const INFO: Status = { intent: 'info', lines: [(t) => t.noTables] };

function reduce(state: PaneState, ...actions: PaneAction[]): PaneState {
  return actions.reduce(paneReducer, state);
}

async function checkedSample(year: number | null = 2022): Promise<Checked> {
  return check(await RecordingPort.open(sampleData()), year, NOW);
}

function checkedAction(checked: Checked, year?: number): PaneAction {
  return { type: 'checked', checked, status: summaryStatus(checked.result), ...(year !== undefined ? { year } : {}) };
}

const CONTEXT: RowContext = { table: 'Budsjett', header: ['Post'], values: ['Lønn'] };

describe('paneReducer', () => {
  test('a workbook read afresh shows its header and its plan year, and no findings', async () => {
    const checked = await checkedSample();
    const state = reduce(initialPaneState('nb'), { type: 'read', info: checked.info });
    expect(state.info?.programName).toBe('Sats på Hallingdal');
    expect(state.year).toBe(2022);
    expect(state.validation).toBeNull();
    expect(state.status).toBeNull();
  });

  test('a validation shows its findings, counts the run and clears the rows shown and the selection', async () => {
    const checked = await checkedSample();
    let state = reduce(initialPaneState('nb'), { type: 'read', info: checked.info }, checkedAction(checked), {
      type: 'selected',
      key: 'k',
      context: CONTEXT,
    });
    expect(state.selected).toBe('k');
    expect(state.contexts.get('k')).toEqual(CONTEXT);
    state = reduce(state, checkedAction(checked));
    expect(state.validation?.run).toBe(2);
    expect(state.validation?.summary).toEqual(expect.objectContaining({ feil: 4, advarsel: 1 }));
    expect(state.selected).toBeNull();
    expect(state.contexts.size).toBe(0);
    expect(state.status?.intent).toBe('error');
  });

  test('the chosen year stays while it is in the period, and moves when a validation is for another year', async () => {
    const checked = await checkedSample(2023);
    let state = reduce(initialPaneState('nb'), { type: 'read', info: checked.info }, { type: 'year', year: 2023 }, checkedAction(checked));
    expect(state.year).toBe(2023);
    state = reduce(state, checkedAction(checked, 2024));
    expect(state.year).toBe(2024);
  });

  test('a year no longer in the period (edited in the workbook) gives way to the validated one', async () => {
    const second = await check(await RecordingPort.open(secondProgramme()), 2024, NOW);
    const state = reduce(initialPaneState('nb'), { type: 'year', year: 1999 }, checkedAction(second));
    expect(second.info.years).not.toContain(1999);
    expect(state.year).toBe(2024);
  });

  test('another year drops the findings and the status; the language is kept', async () => {
    const checked = await checkedSample();
    const state = reduce(
      initialPaneState('en'),
      checkedAction(checked),
      { type: 'selected', key: 'k', context: null },
      { type: 'year', year: 2023 },
    );
    expect(state).toEqual(expect.objectContaining({ lang: 'en', year: 2023, validation: null, status: null, selected: null }));
    expect(state.contexts.size).toBe(0);
  });

  test('selecting in Excel (no row to show) keeps the rows shown before', () => {
    const state = reduce(initialPaneState('nb'), { type: 'selected', key: 'a', context: CONTEXT }, { type: 'selected', key: 'b' });
    expect(state.selected).toBe('b');
    expect([...state.contexts.keys()]).toEqual(['a']);
  });

  test('opening a file adopts its package, name and year, with the status given', async () => {
    const pkg = await RecordingPackage.open(secondProgramme());
    const checked = await check(pkg, null, NOW);
    const state = reduce(initialPaneState('nb'), checkedAction(await checkedSample()), {
      type: 'opened',
      pkg,
      fileName: 'andre.xlsx',
      info: checked.info,
      status: INFO,
    });
    expect(state.pkg).toBe(pkg);
    expect(state.fileName).toBe('andre.xlsx');
    expect(state.year).toBe(checked.info.planYear ?? checked.info.years[0]);
    expect(state.info?.programName).toBe(checked.info.programName);
    expect(state.validation).toBeNull();
    expect(state.status).toBe(INFO);
  });

  test('a form opens without the previous status, keeps its refused fields, and an appended row closes it and drops the findings', async () => {
    const checked = await checkedSample();
    let state = reduce(initialPaneState('nb'), checkedAction(checked));
    state = reduce(state, { type: 'formOpened', form: { kind: 'project', choices: formChoices(checked.snapshot) } });
    expect(state.form?.kind).toBe('project');
    expect(state.status).toBeNull();
    expect(state.validation).not.toBeNull();
    state = reduce(state, { type: 'formRefused', errors: { id: { nb: 'Finnes fra før', en: 'Already there' } }, status: INFO });
    expect(state.formErrors).toEqual({ id: { nb: 'Finnes fra før', en: 'Already there' } });
    expect(state.status).toBe(INFO);
    state = reduce(state, { type: 'appended', status: INFO });
    expect(state.form).toBeNull();
    expect(state.formErrors).toEqual({});
    expect(state.validation).toBeNull();
  });
});
