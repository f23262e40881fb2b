import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '../../core/forms/register';
import type { Texts } from '../i18n';
import type { FieldSpec, Values } from './formFields';

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
 * A form's state and focus: the values typed, the first field focused once the form can be used, and after a
 * refused submit the first wrong field, so keyboard and screen reader users land on what to correct.
 */
export function useFormShell({ initial, fields: fieldsOf, adjust, busy, errors, onSubmit }: FormShellProps) {
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

  return { values, fields, set, submit, keep };
}
