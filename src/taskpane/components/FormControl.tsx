import { Input, Select, Textarea } from '@fluentui/react-components';
import type { Texts } from '../i18n';
import type { FieldSpec } from './formFields';

/** The Fluent control for a field's kind, its value and changes passed through. */
export function fieldControl(
  field: FieldSpec,
  value: string,
  change: (value: string) => void,
  ref: (element: HTMLElement | null) => void,
  busy: boolean,
  t: Texts,
  styles: { control: string; select: string },
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
