import { Button, makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import type { Texts } from '../i18n';
import type { BusyKind } from '../state/useRunner';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  wide: {
    // Each action on a full-width row of its own in the pane; side by side only where there is room.
    flexGrow: 1,
    flexBasis: '14rem',
  },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export interface ActionsProps {
  t: Texts;
  busy: BusyKind | null;
  /** nothing to act on yet (standalone page before a workbook is open) */
  enabled: boolean;
  /** Excel only: create the contract's tables in the open workbook */
  canCreateTemplate: boolean;
  onValidate: () => void;
  onGenerate: () => void;
  onReport: () => void;
  onFetchSsb: () => void;
  /** the year *Forbered* prepares (the chosen year + 1); null while no year is known */
  nextYear: number | null;
  onPrepareYear: () => void;
  onCreateTemplate: () => void;
  onNewProject: () => void;
  onNewReport: () => void;
  onNewReallocation: () => void;
}

/**
 * Valider, Generer handlingsplan, Generer styrerapport, Hent fra SSB, Forbered {år + 1} and (in Excel) Opprett / oppdater arbeidsbok; the
 * register's two forms; Ny omdisponering; and the running action's progress.
 */
export function Actions({
  t,
  busy,
  enabled,
  canCreateTemplate,
  onValidate,
  onGenerate,
  onReport,
  onFetchSsb,
  nextYear,
  onPrepareYear,
  onCreateTemplate,
  onNewProject,
  onNewReport,
  onNewReallocation,
}: ActionsProps) {
  const styles = useStyles();
  const disabled = busy !== null || !enabled;
  return (
    <section className={styles.root} aria-label={t.actionsLabel}>
      <div className={styles.buttons}>
        <Button className={styles.wide} appearance="primary" disabled={disabled} onClick={onValidate}>
          {t.validate}
        </Button>
        <Button className={styles.wide} disabled={disabled} onClick={onGenerate}>
          {t.generate}
        </Button>
        <Button className={styles.wide} disabled={disabled} onClick={onReport}>
          {t.report}
        </Button>
        <Button className={styles.wide} disabled={disabled} onClick={onFetchSsb}>
          {t.fetchSsb}
        </Button>
        {nextYear !== null && (
          <Button className={styles.wide} disabled={disabled} onClick={onPrepareYear}>
            {t.prepareYear(nextYear)}
          </Button>
        )}
        {canCreateTemplate && (
          <Button className={styles.wide} appearance="subtle" disabled={busy !== null} onClick={onCreateTemplate}>
            {t.createTemplate}
          </Button>
        )}
      </div>
      <div className={styles.buttons} role="group" aria-label={t.registerLabel}>
        <Button className={styles.wide} appearance="secondary" disabled={disabled} onClick={onNewProject}>
          {t.newProject}
        </Button>
        <Button className={styles.wide} appearance="secondary" disabled={disabled} onClick={onNewReport}>
          {t.newReport}
        </Button>
      </div>
      <div className={styles.buttons} role="group" aria-label={t.budgetGroupLabel}>
        <Button className={styles.wide} appearance="secondary" disabled={disabled} onClick={onNewReallocation}>
          {t.newReallocation}
        </Button>
      </div>
      <div className={styles.progress} aria-live="polite">
        {busy !== null && (
          <>
            <ProgressBar thickness="medium" aria-hidden="true" />
            <Spinner size="extra-tiny" labelPosition="after" label={t.busy[busy]} />
          </>
        )}
      </div>
    </section>
  );
}
