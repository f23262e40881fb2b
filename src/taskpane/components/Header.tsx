import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { Texts } from '../i18n';
import type { CheckCount } from '../live';
import type { WorkbookInfo } from '../session';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  app: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  programme: {
    overflowWrap: 'anywhere',
  },
  details: {
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  // A file name is one word to its reader: it never breaks at its hyphens; a long one is cut with an
  // ellipsis (its full name in the tooltip) rather than widening the pane.
  file: {
    display: 'inline-block',
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
  },
  count: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  changes: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
  },
  language: {
    flexShrink: 0,
    minWidth: 'auto',
  },
});

export interface HeaderProps {
  t: Texts;
  info: WorkbookInfo | null;
  /** the opened file's name (standalone page) */
  fileName: string | null;
  /** the last check's errors and warnings, and what is new and fixed since the one before */
  count?: CheckCount | null;
  onSwitchLanguage: () => void;
}

/** The programme's name from the workbook, its region and period, and the language switch. */
export function Header({ t, info, fileName, count = null, onSwitchLanguage }: HeaderProps) {
  const styles = useStyles();
  const details = [
    info?.region ?? null,
    info?.firstYear != null && info.lastYear != null ? t.period(info.firstYear, info.lastYear) : null,
  ].filter((d): d is string => d !== null && d !== '');
  const title = info === null ? t.tagline : (info.programName ?? t.noProgramName);
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Caption1 className={styles.app}>{t.appName}</Caption1>
        <Subtitle2 as="h1" className={styles.programme}>
          {title}
        </Subtitle2>
        {(details.length > 0 || (fileName !== null && fileName !== '')) && (
          <Text size={200} className={styles.details}>
            {details.join(' · ')}
            {fileName !== null && fileName !== '' && (
              <>
                {details.length > 0 ? ' · ' : ''}
                <span className={styles.file} title={fileName} data-file-name="">
                  {fileName}
                </span>
              </>
            )}
          </Text>
        )}
        <Text size={200} className={styles.count} role="status" data-check-count="">
          {count !== null && (
            <>
              <span>{t.live.count(count.feil, count.advarsel)}</span>
              {count.added !== null && count.fixed !== null && count.added + count.fixed > 0 && (
                <span className={styles.changes}>{t.live.changes(count.added, count.fixed)}</span>
              )}
            </>
          )}
        </Text>
      </div>
      <Button
        className={styles.language}
        appearance="subtle"
        size="small"
        onClick={onSwitchLanguage}
        aria-label={t.switchLanguageLabel}
        lang={t.lang === 'nb' ? 'en' : 'nb'}
      >
        {t.switchLanguage}
      </Button>
    </header>
  );
}
