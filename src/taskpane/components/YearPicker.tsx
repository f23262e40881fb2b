import { Field, Select } from '@fluentui/react-components';
import type { Texts } from '../i18n';

export interface YearPickerProps {
  t: Texts;
  years: number[];
  year: number | null;
  planYear: number | null;
  disabled: boolean;
  onChange: (year: number) => void;
}

/** The year to validate and generate, from the programme period; Handlingsplanår is the default. */
export function YearPicker({ t, years, year, planYear, disabled, onChange }: YearPickerProps) {
  if (years.length === 0) return null;
  return (
    <Field label={t.year} hint={t.yearHelp(planYear)}>
      <Select value={year === null ? '' : String(year)} disabled={disabled} onChange={(_, data) => onChange(Number(data.value))}>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </Select>
    </Field>
  );
}
