import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { RowContext } from '../../adapters/port';
import type { Texts } from '../i18n';

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6em, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  value: { margin: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
});

/** The table row around a finding's cell (standalone page, where there is no grid to select in). */
export function RowContextView({ t, context }: { t: Texts; context: RowContext | null }) {
  const styles = useStyles();
  if (context === null) {
    return (
      <div className={styles.root}>
        <Caption1>{t.rowContextNone}</Caption1>
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Caption1 as="h4">{t.rowContext(context.table)}</Caption1>
      <dl className={styles.list}>
        {context.header.map((name, i) => (
          <div key={i} className={styles.pair}>
            <dt className={styles.term}>{name}</dt>
            <dd className={styles.value}>{context.values[i] === undefined || context.values[i] === '' ? '–' : context.values[i]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
