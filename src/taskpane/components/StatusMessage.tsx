import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Texts } from '../i18n';
import type { Status } from '../state/status';

const useStyles = makeStyles({
  line: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  bar: {
    // Let long results wrap in a narrow pane instead of being cut off.
    whiteSpace: 'normal',
    alignItems: 'flex-start',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

/** The result of the last action; announced politely to screen readers. */
export function StatusMessage({ t, status }: { t: Texts; status: Status | null }) {
  const styles = useStyles();
  return (
    <div aria-live="polite" aria-atomic="true">
      {status && (
        <MessageBar intent={status.intent} layout="multiline" className={styles.bar}>
          <MessageBarBody>
            {status.title && <MessageBarTitle>{status.title(t)}</MessageBarTitle>}
            {status.lines.map((line, i) => (
              <span key={i} className={styles.line}>
                {line(t)}
              </span>
            ))}
          </MessageBarBody>
          {status.action && (
            <MessageBarActions>
              <Button size="small" onClick={status.action.run}>
                {status.action.label(t)}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </div>
  );
}
