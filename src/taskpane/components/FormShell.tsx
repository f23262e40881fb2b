import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { fieldControl } from './FormControl';
import { useFormShell, type FormShellProps } from './useFormShell';

const useFormStyles = makeStyles({
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

/**
 * A form of the pane: labelled Fluent fields and the check's message under each wrong field (the state and the
 * focus in useFormShell).
 */
export function FormShell(props: FormShellProps) {
  const { t, title, intro, below, busy, errors, onCancel } = props;
  const styles = useFormStyles();
  const { values, fields, set, submit, keep } = useFormShell(props);

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
            {fieldControl(field, values[field.name] ?? '', (value) => set(field.name, value), keep(field.name), busy, t, styles)}
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

export type { FormShellProps };
