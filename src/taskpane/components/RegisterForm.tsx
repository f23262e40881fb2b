import { EMPTY_PROJECT, EMPTY_REPORT } from '../../core/forms/fields';
import type { FieldErrors, FormChoices } from '../../core/forms/register';
import type { Texts } from '../i18n';
import type { FormKind } from '../session';
import { FormShell } from './FormShell';
import { projectFields, reportFields, type Values } from './formFields';

export interface RegisterFormProps {
  t: Texts;
  kind: FormKind;
  choices: FormChoices;
  busy: boolean;
  /** field messages from the last submit; empty when it has not been tried or went through */
  errors: FieldErrors<string>;
  onSubmit: (values: Values) => void;
  onCancel: () => void;
}

/**
 * Nytt prosjekt / Ny prosjektlederrapport: labelled Fluent fields, dropdowns filled from the workbook, and
 * the check's message under each wrong field.
 */
export function RegisterForm({ t, kind, choices, busy, errors, onSubmit, onCancel }: RegisterFormProps) {
  // A report is usually for the næring its project is registered under; the user may change it.
  const adjust = (old: Values, next: Values, name: string): Values => {
    if (kind !== 'report' || name !== 'projectId' || old.naering !== '') return next;
    const naering = choices.projects.find((p) => p.id === next.projectId)?.naering;
    return naering && choices.naeringer.includes(naering) ? { ...next, naering } : next;
  };
  return (
    <FormShell
      t={t}
      title={kind === 'project' ? t.form.projectTitle : t.form.reportTitle}
      intro={kind === 'project' ? t.form.projectIntro : t.form.reportIntro}
      initial={kind === 'project' ? EMPTY_PROJECT : EMPTY_REPORT}
      fields={(values) => (kind === 'project' ? projectFields(t, choices) : reportFields(t, choices, values))}
      adjust={adjust}
      busy={busy}
      errors={errors}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}
