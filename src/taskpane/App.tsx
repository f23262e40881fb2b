import { FluentProvider, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import type { StatisticsPort } from '../core/effekt/ssb';
import { Actions } from './components/Actions';
import { Header } from './components/Header';
import { LiveControl } from './components/LiveControl';
import { OpenWorkbook } from './components/OpenWorkbook';
import { Results } from './components/Results';
import { StatusMessage } from './components/StatusMessage';
import { YearPicker } from './components/YearPicker';
import type { PaneHost } from './host';
import type { Lang } from './i18n';
import { usePane } from './state/usePane';
import { fluentTheme, type ThemeName } from './theme';

const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0 },
});

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  page: {
    boxSizing: 'border-box',
    maxWidth: '1120px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    // Wide (the standalone page on a desktop): controls on the left, findings on the right.
    '@media (min-width: 760px)': {
      gridTemplateColumns: 'minmax(280px, 340px) minmax(0, 1fr)',
      columnGap: tokens.spacingHorizontalXXL,
      alignItems: 'start',
    },
  },
  controls: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  results: {
    minWidth: 0,
  },
});

export interface AppProps {
  host: PaneHost;
  theme?: ThemeName;
  initialLang?: Lang;
  /** the clock, for the generation time stamp (tests pass a fixed one) */
  now?: () => Date;
  /** how long typing must pause before a live check (tests pass a short one) */
  livePauseMs?: number;
  onLanguageChange?: (lang: Lang) => void;
  /** Hent fra SSB's statistics port; by default SSB's API over fetch, loaded in its own chunk when first used */
  statistics?: () => Promise<StatisticsPort>;
}

async function ssbStatistics(): Promise<StatisticsPort> {
  const { SsbPort } = await import(/* webpackChunkName: "ssb" */ '../adapters/ssb/port');
  return new SsbPort();
}

/** The pane's layout; its state and actions are ./state/usePane's. */
export function App({
  host,
  theme = 'light',
  initialLang = 'nb',
  now = () => new Date(),
  livePauseMs,
  onLanguageChange,
  statistics = ssbStatistics,
}: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const pane = usePane({
    host,
    initialLang,
    now,
    statistics,
    ...(livePauseMs !== undefined ? { livePauseMs } : {}),
    ...(onLanguageChange ? { onLanguageChange } : {}),
  });
  const { t, busy, live, reallocation } = pane;
  const { info, fileName, year, status } = pane.state;
  const disabled = busy !== null;

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider} lang={t.htmlLang}>
      <main className={styles.page} aria-busy={disabled}>
        <Header t={t} info={info} fileName={fileName} count={live.count} onSwitchLanguage={pane.switchLanguage} />
        <div className={styles.body}>
          <div className={styles.controls}>
            {pane.standalone && (
              <OpenWorkbook
                t={t}
                disabled={disabled}
                compact={pane.state.pkg !== null}
                onFile={pane.openFile}
                onSample={() => pane.openSample()}
                onDemo={() => pane.openSample('demo')}
              />
            )}
            {info && (
              <YearPicker t={t} years={info.years} year={year} planYear={info.planYear} disabled={disabled} onChange={pane.changeYear} />
            )}
            <Actions
              t={t}
              busy={busy}
              enabled={pane.ready}
              canCreateTemplate={!pane.standalone}
              onValidate={pane.validate}
              onGenerate={() => pane.makeSheet('handlingsplan')}
              onReport={() => pane.makeSheet('styrerapport')}
              onFetchSsb={pane.fetchSsb}
              nextYear={year === null ? null : year + 1}
              onPrepareYear={pane.prepareNext}
              onCreateTemplate={pane.makeTemplate}
              onNewProject={() => pane.openForm('project')}
              onNewReport={() => pane.openForm('report')}
              onNewReallocation={reallocation.open}
            />
            <LiveControl t={t} mode={live.mode} disabled={disabled} onChange={live.setEnabled} />
            <StatusMessage t={t} status={status} />
          </div>
          <div className={styles.results}>
            <Results pane={pane} />
          </div>
        </div>
      </main>
    </FluentProvider>
  );
}
