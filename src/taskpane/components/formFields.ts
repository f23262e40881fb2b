import { TABLES, type ColumnSpec } from '../../core/contract/contract';
import { fieldInput, fieldLabel } from '../../core/forms/fields';
import type { FormChoices } from '../../core/forms/register';
import type { Texts } from '../i18n';

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

export function projectFields(t: Texts, choices: FormChoices): FieldSpec[] {
  return columnFields(TABLES.projects.columns, t, choices, {
    id: { hint: t.form.idHint },
    strategy: select(choices.strategies.map((s) => ({ value: s.code, label: `${s.code}. ${s.name}` }))),
    naering: select(choices.naeringer.map((n) => ({ value: n, label: n }))),
    phase: select(choices.phases.map((p) => ({ value: p, label: capitalise(p) }))),
    status: select(choices.statuses.map((s) => ({ value: s, label: capitalise(s) }))),
  });
}

export function reportFields(t: Texts, choices: FormChoices, values: Values): FieldSpec[] {
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
