/**
 * `run()` in-process, with the .xlsx adapter replaced, for the failure paths a real file cannot provoke:
 * an unexpected exception inside the core or adapter.
 */
import { WorkbookFileError } from '../../src/adapters/port';
import { run, type CliIo } from '../../src/cli/main';

const readSnapshot = jest.fn<Promise<never>, []>();

jest.mock('../../src/adapters/xlsx/file', () => ({
  openXlsxFile: () => Promise.resolve({ readSnapshot }),
  writeWorkbookDataFile: () => Promise.resolve(),
}));

function capture(debug = false): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd: '/work', debug }, out, err };
}

describe('unexpected failures', () => {
  test('one line "intern feil", exit 2, no stack by default', async () => {
    readSnapshot.mockRejectedValueOnce(new Error('boom\n  on two lines'));
    const { io, out, err } = capture();
    await expect(run(['validate', 'plan.xlsx'], io)).resolves.toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(['handlingsplan: intern feil: boom on two lines\n']);
  });

  test('the stack only with HANDLINGSPLAN_DEBUG', async () => {
    readSnapshot.mockRejectedValueOnce(new Error('boom'));
    const { io, err } = capture(true);
    await expect(run(['validate', 'plan.xlsx', '--lang', 'en'], io)).resolves.toBe(2);
    expect(err[0]).toBe('handlingsplan: internal error: boom\n');
    expect(err[1]).toMatch(/^Error: boom\n\s+at /);
  });

  test('a thrown string or an empty message still makes a line that says something', async () => {
    readSnapshot.mockRejectedValueOnce(new TypeError(''));
    readSnapshot.mockRejectedValueOnce('kaputt');
    const { io, err } = capture();
    await expect(run(['validate', 'plan.xlsx'], io)).resolves.toBe(2);
    await expect(run(['validate', 'plan.xlsx'], io)).resolves.toBe(2);
    expect(err).toEqual(['handlingsplan: intern feil: TypeError\n', 'handlingsplan: intern feil: kaputt\n']);
  });
});

describe('unusable workbooks', () => {
  test('the reason names the file when the adapter does not', async () => {
    readSnapshot.mockRejectedValueOnce(new WorkbookFileError('corrupt', 'Arbeidsboka er skadet.', 'The workbook is damaged.'));
    const { io, err } = capture();
    await expect(run(['validate', 'plan.xlsx'], io)).resolves.toBe(2);
    expect(err).toEqual(['handlingsplan: plan.xlsx: Arbeidsboka er skadet.\n']);
  });

  test('and is not repeated when the adapter already named it', async () => {
    readSnapshot.mockRejectedValueOnce(
      new WorkbookFileError('not-found', 'Finner ikke fila: /work/plan.xlsx', 'File not found: /work/plan.xlsx'),
    );
    const { io, err } = capture();
    await expect(run(['validate', 'plan.xlsx', '--lang', 'en'], io)).resolves.toBe(2);
    expect(err).toEqual(['handlingsplan: File not found: /work/plan.xlsx\n']);
  });
});
