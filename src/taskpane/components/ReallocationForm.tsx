import { makeStyles, tokens } from '@fluentui/react-components';
import type { FramePreview, ReallocationChoices, ReallocationFormInput } from '../../core/forms/reallocation';
import type { FieldErrors } from '../../core/forms/register';
import { formatCount } from '../format';
import type { Texts } from '../i18n';
import { FormShell } from './FormShell';
import type { FieldSpec, Values } from './formFields';

const useStyles = makeStyles({
  frames: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontVariantNumeric: 'tabular-nums',
    '& th, & td': {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
    '& td:not(:first-child), & th:not(:first-child)': { textAlign: 'right', whiteSpace: 'nowrap' },
  },
  changed: { fontWeight: tokens.fontWeightSemibold },
  negative: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const EMPTY: Readonly<ReallocationFormInput> = { from: '', to: '', amount: '', date: '', decision: '' };

export interface ReallocationFormProps {
  t: Texts;
  choices: ReallocationChoices;
  /** the core's preview of the frames before and after (passed in: the core is a chunk of its own) */
  preview: (input: Partial<ReallocationFormInput>, choices: ReallocationChoices) => FramePreview | null;
  busy: boolean;
  errors: FieldErrors<string>;
  onSubmit: (values: Values) => void;
  onCancel: () => void;
}

/**
 * Ny omdisponering: from, to (areas, then strategies, from the workbook), amount, date and the board's
 * decision, with the year's frames before and after the move as it is typed; the check refuses what would
 * leave a frame negative or change the total.
 */
export function ReallocationForm({ t, choices, preview, busy, errors, onSubmit, onCancel }: ReallocationFormProps) {
  const r = t.reallocation;
  const sides = choices.sides.map((s) => ({ value: s.value, label: s.label, group: s.kind === 'area' ? r.areas : r.strategies }));
  const period = choices.period;
  const fields = (): FieldSpec[] => [
    { name: 'from', label: r.from, required: true, kind: 'select', options: sides, hint: r.sideHint },
    { name: 'to', label: r.to, required: true, kind: 'select', options: sides },
    { name: 'amount', label: r.amount, required: true, kind: 'number', hint: t.form.kronerHint },
    {
      name: 'date',
      label: r.date,
      required: true,
      kind: 'date',
      ...(period ? { hint: t.form.periodHint(period.first, period.last) } : {}),
    },
    { name: 'decision', label: r.decision, required: true, kind: 'text', hint: r.decisionHint },
  ];
  return (
    <FormShell
      t={t}
      title={r.title}
      intro={r.intro}
      initial={EMPTY}
      fields={fields}
      below={(values) => <Frames t={t} preview={preview(values, choices)} />}
      busy={busy}
      errors={errors}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}

function Frames({ t, preview }: { t: Texts; preview: FramePreview | null }) {
  const styles = useStyles();
  const r = t.reallocation;
  if (preview === null) return <p className={styles.none}>{r.framesNone}</p>;
  const cell = (value: number, changed: boolean) => (
    <td className={value < 0 ? styles.negative : changed ? styles.changed : undefined}>{formatCount(value)}</td>
  );
  return (
    <div className={styles.frames}>
      <table className={styles.table}>
        <caption className={styles.caption}>{r.framesTitle(preview.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{r.area}</th>
            <th scope="col">{r.before}</th>
            <th scope="col">{r.after}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.area}>
              <th scope="row">{`${row.area}. ${row.name}`}</th>
              {cell(row.before, false)}
              {cell(row.after, row.after !== row.before)}
            </tr>
          ))}
          <tr>
            <th scope="row">{r.total}</th>
            {cell(preview.totalBefore, false)}
            {cell(preview.totalAfter, preview.totalAfter !== preview.totalBefore)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
