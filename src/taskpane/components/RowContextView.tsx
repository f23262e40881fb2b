import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
  // The finding's own cell: marked by more than colour (weight and an outline), for every reader.
  focusTerm: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  focusValue: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
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
        {context.header.map((name, i) => {
          const focus = i === context.column;
          return (
            <div key={i} className={styles.pair}>
              <dt className={mergeClasses(styles.term, focus && styles.focusTerm)}>{name}</dt>
              <dd
                className={mergeClasses(styles.value, focus && styles.focusValue)}
                {...(focus ? { 'aria-current': 'true' as const, 'data-finding-cell': '' } : {})}
              >
                {context.values[i] === undefined || context.values[i] === '' ? '–' : context.values[i]}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
