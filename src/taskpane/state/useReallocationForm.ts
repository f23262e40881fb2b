import { useRef, useState } from 'react';
import { TABLES } from '../../core/contract/contract';
import type { FramePreview, ReallocationChoices, ReallocationFormInput } from '../../core/forms/reallocation';
import type { FieldErrors } from '../../core/forms/register';
import { PaneError } from '../errors';
import { cellRef } from '../format';
import type { PaneHost } from '../host';
import { readReallocationChoices, reallocationPreviewer, submitReallocation } from '../session';
import { appendedStatus, formRefusedStatus } from './outcomes';
import type { Status } from './status';
import { changedCopy, copyName, goTo, type Target } from './target';
import type { Runner } from './useRunner';

export interface OpenReallocation {
  choices: ReallocationChoices;
  preview: (input: Partial<ReallocationFormInput>, choices: ReallocationChoices) => FramePreview | null;
}

export interface ReallocationFormState {
  /** the open form, or null */
  form: OpenReallocation | null;
  errors: FieldErrors<string>;
  open: () => void;
  close: () => void;
  /** closes without moving the focus (another form takes it) */
  dismiss: () => void;
  submit: (values: Record<string, string>) => void;
}

export interface ReallocationFormOptions {
  host: PaneHost;
  /** the workbook the row goes into; null before one is open */
  target: Target | null;
  run: Runner['run'];
  setStatus: (status: Status | null) => void;
  /** the form opened (the other forms close) */
  onOpened: () => void;
  /** a row was added (the findings shown are for the workbook before it), with what to tell the user */
  onAppended: (status: Status) => void;
}

/** Ny omdisponering's state in the pane: open (reading the frames), refused fields, the row appended. */
export function useReallocationForm({
  host,
  target,
  run,
  setStatus,
  onOpened,
  onAppended,
}: ReallocationFormOptions): ReallocationFormState {
  const [form, setForm] = useState<OpenReallocation | null>(null);
  const [errors, setErrors] = useState<FieldErrors<string>>({});
  /** the button that opened the form, to give the focus back to when it closes */
  const opener = useRef<HTMLElement | null>(null);

  const close = () => {
    setForm(null);
    setErrors({});
    const element = opener.current;
    opener.current = null;
    setTimeout(() => element?.focus(), 0);
  };

  const dismiss = () => {
    setForm(null);
    setErrors({});
    opener.current = null;
  };

  const open = () => {
    if (target === null) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement ? active : null;
    void run('reallocation', async () => {
      const [choices, preview] = await Promise.all([readReallocationChoices(target.port), reallocationPreviewer()]);
      if (!choices.hasTable) throw new PaneError((tx) => tx.missingTable(TABLES.reallocations.name, host.kind === 'excel'));
      setErrors({});
      setStatus(null);
      onOpened();
      setForm({ choices, preview });
    });
  };

  const submit = (values: Record<string, string>) => {
    if (target === null || !form) return;
    const { port } = target;
    void run('append', async () => {
      const result = await submitReallocation(port, values);
      if (!result.ok) {
        setErrors(result.errors);
        setStatus(formRefusedStatus(Object.keys(result.errors).length));
        return;
      }
      const { outcome, what } = result;
      const where = cellRef(outcome.sheet, outcome.range);
      const copy = await changedCopy(target, copyName('oppdatert'));
      const goToRow = goTo(run, port, outcome.sheet, outcome.range, (tx) => tx.goToRow);
      const status = appendedStatus(
        [(tx) => tx.appendedReallocation(what, outcome.table, where), (tx) => tx.reallocationBudgetReminder],
        copy,
        goToRow,
      );
      close();
      onAppended(status);
    });
  };

  return { form, errors, open, close, dismiss, submit };
}
