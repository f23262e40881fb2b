import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { TABLES, type ColumnSpec } from '../../core/contract/contract';
import { EMPTY_PROJECT, EMPTY_REPORT, fieldInput, fieldLabel } from '../../core/forms/fields';
import type { FieldErrors, FormChoices } from '../../core/forms/register';
import type { Texts } from '../i18n';
import type { FormKind } from '../session';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  buttons: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  // A field never grows past the pane: a dropdown of long project names is cut with an ellipsis (the
  // options themselves show in full) instead of pushing the pane into sideways scrolling.
  field: { minWidth: 0, maxWidth: '100%' },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  select: { width: '100%', minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
});

export type Values = Record<string, string>;

export interface FieldSpec {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  kind: 'text' | 'number' | 'date' | 'select' | 'long';
  /** `group`: options with a group are shown under its heading (an optgroup) */
  options?: { value: string; label: string; group?: string }[];
}

/**
 * One field per column of the form's table, in the contract's order, shown and labelled as the column's kind and
 * label say (src/core/forms/fields.ts); `more` adds what the pane knows about a field: its list, its hint.
 */
function columnFields(
  columns: readonly ColumnSpec[],
  t: Texts,
  choices: FormChoices,
  more: Readonly<Record<string, Partial<FieldSpec>>>,
): FieldSpec[] {
  const period = choices.period;
  return columns.map((column): FieldSpec => ({
    name: column.key,
    label: fieldLabel(column, t.lang),
    kind: fieldInput(column),
    ...(column.required ? { required: true } : {}),
    ...(column.kind === 'kroner' ? { hint: t.form.kronerHint } : {}),
    ...(column.kind === 'date' && period ? { hint: t.form.periodHint(period.first, period.last) } : {}),
    ...more[column.key],
  }));
}

function select(options: FieldSpec['options']): Partial<FieldSpec> {
  return { kind: 'select', ...(options ? { options } : {}) };
}

function projectFields(t: Texts, choices: FormChoices): FieldSpec[] {
  return columnFields(TABLES.projects.columns, t, choices, {
    id: { hint: t.form.idHint },
    strategy: select(choices.strategies.map((s) => ({ value: s.code, label: `${s.code}. ${s.name}` }))),
    naering: select(choices.naeringer.map((n) => ({ value: n, label: n }))),
    phase: select(choices.phases.map((p) => ({ value: p, label: capitalise(p) }))),
    status: select(choices.statuses.map((s) => ({ value: s, label: capitalise(s) }))),
  });
}

function reportFields(t: Texts, choices: FormChoices, values: Values): FieldSpec[] {
  const project = choices.projects.find((p) => p.id === values.projectId);
  const unsupported = project !== undefined && (project.granted ?? 0) <= 0;
  return columnFields(TABLES.reports.columns, t, choices, {
    projectId: {
      ...select(choices.projects.map((p) => ({ value: p.id, label: p.name === '' ? p.id : `${p.id} – ${p.name}` }))),
      ...(unsupported ? { hint: t.form.noGrantHint } : {}),
    },
    naering: select(choices.naeringer.map((n) => ({ value: n, label: n }))),
    jobs: { hint: t.form.jobsHint },
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

export interface FormShellProps {
  t: Texts;
  title: string;
  intro: string;
  initial: Readonly<Values>;
  fields: (values: Values) => FieldSpec[];
  /** a change to one field may fill another (the report's næring from its project) */
  adjust?: (old: Values, next: Values, name: string) => Values;
  /** shown under the fields, from what is typed (the reallocation's frames before and after) */
  below?: (values: Values) => ReactNode;
  busy: boolean;
  errors: FieldErrors<string>;
  onSubmit: (values: Values) => void;
  onCancel: () => void;
}

/**
 * A form of the pane: labelled Fluent fields and the check's message under each wrong field. The first
 * wrong field takes the focus after a refused submit, so keyboard and screen reader users land on what to
 * correct.
 */
export function FormShell({ t, title, intro, initial, fields: fieldsOf, adjust, below, busy, errors, onSubmit, onCancel }: FormShellProps) {
  const styles = useStyles();
  const [values, setValues] = useState<Values>(() => ({ ...initial }));
  const refs = useRef(new Map<string, HTMLElement>());
  const fields = fieldsOf(values);

  // The first field takes the focus once the form can be used: it opens while the pane is still busy
  // reading the workbook, and a disabled field cannot hold the focus.
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (busy || focusedOnOpen.current) return;
    focusedOnOpen.current = true;
    refs.current.get(fields[0]?.name ?? '')?.focus();
  }, [busy]);

  // After a refused submit the focus goes to the first wrong field. The fields are disabled while the check
  // runs (busy), and a disabled field cannot take the focus: so the move waits until the form is usable.
  const focusPending = useRef(false);
  useEffect(() => {
    focusPending.current = fields.some((f) => errors[f.name] !== undefined);
  }, [errors]);
  useEffect(() => {
    if (busy || !focusPending.current) return;
    focusPending.current = false;
    const first = fields.find((f) => errors[f.name] !== undefined);
    if (first) refs.current.get(first.name)?.focus();
  }, [errors, busy]);

  const set = (name: string, value: string) => {
    setValues((old) => {
      const next = { ...old, [name]: value };
      return adjust ? adjust(old, next, name) : next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  const keep = (name: string) => (element: HTMLElement | null) => {
    if (element) refs.current.set(name, element);
    else refs.current.delete(name);
  };

  return (
    <form className={styles.root} aria-labelledby="register-form-title" onSubmit={submit} noValidate>
      <h2 id="register-form-title" className={styles.heading}>
        {title}
      </h2>
      <p className={styles.intro}>{intro}</p>
      {fields.map((field) => {
        const message = errors[field.name];
        const text = message === undefined ? undefined : t.lang === 'nb' ? message.nb : message.en;
        return (
          <Field
            key={field.name}
            className={styles.field}
            label={field.label}
            required={field.required ?? false}
            {...(field.hint !== undefined ? { hint: field.hint } : {})}
            {...(text !== undefined ? { validationMessage: text, validationState: 'error' as const } : {})}
          >
            {control(field, values[field.name] ?? '', (value) => set(field.name, value), keep(field.name), busy, t, styles)}
          </Field>
        );
      })}
      {below?.(values)}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t.form.add}
        </Button>
        <Button type="button" disabled={busy} onClick={onCancel}>
          {t.form.cancel}
        </Button>
      </div>
    </form>
  );
}

function control(
  field: FieldSpec,
  value: string,
  change: (value: string) => void,
  ref: (element: HTMLElement | null) => void,
  busy: boolean,
  t: Texts,
  styles: ReturnType<typeof useStyles>,
) {
  const common = { name: field.name, value, disabled: busy, className: styles.control };
  switch (field.kind) {
    case 'select':
      return (
        <Select {...common} select={{ className: styles.select }} ref={ref} onChange={(_, data) => change(data.value)}>
          <option value="">{t.form.choose}</option>
          {optionGroups(field.options ?? []).map(({ group, options }) =>
            group === undefined ? (
              options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            ) : (
              <optgroup key={group} label={group}>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </Select>
      );
    case 'long':
      return <Textarea {...common} ref={ref} resize="vertical" onChange={(_, data) => change(data.value)} />;
    case 'date':
      return <Input {...common} ref={ref} type="date" onChange={(_, data) => change(data.value)} />;
    case 'number':
      return <Input {...common} ref={ref} inputMode="numeric" autoComplete="off" onChange={(_, data) => change(data.value)} />;
    case 'text':
      return <Input {...common} ref={ref} autoComplete="off" onChange={(_, data) => change(data.value)} />;
  }
}

/** Options in runs of the same group, in their order. */
function optionGroups(
  options: NonNullable<FieldSpec['options']>,
): { group: string | undefined; options: NonNullable<FieldSpec['options']> }[] {
  const runs: { group: string | undefined; options: NonNullable<FieldSpec['options']> }[] = [];
  for (const option of options) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs;
}
