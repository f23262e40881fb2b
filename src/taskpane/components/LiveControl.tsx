import { Caption1, makeStyles, Switch, tokens } from '@fluentui/react-components';
import type { Texts } from '../i18n';
import type { LiveMode } from '../state/useLiveChecks';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
});

export interface LiveControlProps {
  t: Texts;
  mode: LiveMode;
  disabled: boolean;
  onChange: (on: boolean) => void;
}

/** The switch for live checks (in Excel), or why there are none (an old Excel, the standalone page). */
export function LiveControl({ t, mode, disabled, onChange }: LiveControlProps) {
  const styles = useStyles();
  if (mode === 'standalone') return <Caption1 className={styles.hint}>{t.live.needsExcel}</Caption1>;
  const supported = mode !== 'unsupported';
  return (
    <div className={styles.root}>
      <Switch
        label={t.live.label}
        checked={mode === 'on'}
        disabled={disabled || !supported}
        aria-describedby="live-checks-hint"
        onChange={(_, data) => onChange(data.checked)}
      />
      <Caption1 id="live-checks-hint" className={styles.hint}>
        {supported ? t.live.hint : t.live.unsupported}
      </Caption1>
    </div>
  );
}
