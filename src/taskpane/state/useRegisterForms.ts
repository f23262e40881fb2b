import { useRef } from 'react';
import { PaneError } from '../errors';
import { cellRef } from '../format';
import type { Say } from '../i18n';
import { readChoices, submitForm, type FormKind } from '../session';
import { appendedStatus, formRefusedStatus } from './outcomes';
import { changedCopy, copyName, goTo } from './target';
import type { PaneContext } from './paneContext';

export interface RegisterForms {
  /** Nytt prosjekt / Ny prosjektlederrapport: reads the dropdowns' choices, then shows the form */
  openForm: (kind: FormKind) => void;
  closeForm: () => void;
  submit: (values: Record<string, string>) => void;
}

/** The register's forms: open with the workbook's choices, refused fields, the new row appended. */
export function useRegisterForms({ host, state, dispatch, target, run }: PaneContext, dismissOthers: () => void): RegisterForms {
  /** the button that opened the form, to give the focus back to when it closes */
  const opener = useRef<HTMLElement | null>(null);

  const giveFocusBack = () => {
    const element = opener.current;
    opener.current = null;
    // After the form is gone, back to the button that opened it.
    setTimeout(() => element?.focus(), 0);
  };

  const closeForm = () => {
    dispatch({ type: 'formClosed' });
    giveFocusBack();
  };

  const openForm = (kind: FormKind) => {
    if (target === null) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement ? active : null;
    void run('form', async () => {
      const choices = await readChoices(target.port);
      const excel = host.kind === 'excel';
      if (kind === 'project' && !choices.hasProjects) throw new PaneError((tx) => tx.missingTable('Prosjekter', excel));
      if (kind === 'report' && !choices.hasReports) throw new PaneError((tx) => tx.missingTable('Rapporter', excel));
      if (kind === 'report' && choices.projects.length === 0) throw new PaneError((tx) => tx.noProjectsYet);
      dismissOthers();
      dispatch({ type: 'formOpened', form: { kind, choices } });
    });
  };

  const submit = (values: Record<string, string>) => {
    const { form } = state;
    if (target === null || form === null) return;
    const { kind } = form;
    const { port } = target;
    void run('append', async () => {
      const result = await submitForm(port, kind, values);
      if (!result.ok) {
        dispatch({ type: 'formRefused', errors: result.errors, status: formRefusedStatus(Object.keys(result.errors).length) });
        return;
      }
      const { outcome, projectId } = result;
      const where = cellRef(outcome.sheet, outcome.range);
      const said: Say =
        kind === 'project'
          ? (tx) => tx.appendedProject(projectId, outcome.table, where)
          : (tx) => tx.appendedReport(projectId, outcome.table, where);
      const copy = await changedCopy(target, copyName('oppdatert'));
      const goToRow = goTo(run, port, outcome.sheet, outcome.range, (tx) => tx.goToRow);
      // The findings shown were for the workbook before the new row; validate again to see them now.
      dispatch({ type: 'appended', status: appendedStatus([said], copy, goToRow) });
      giveFocusBack();
    });
  };

  return { openForm, closeForm, submit };
}
