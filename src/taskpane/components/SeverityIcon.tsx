import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/findings/types';

const useStyles = makeStyles({
  icon: { flexShrink: 0, width: '16px', height: '16px' },
  feil: { color: tokens.colorStatusDangerForeground1 },
  advarsel: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

/**
 * The severity's mark, drawn here (a circle with "!", a triangle with "!", a circle with "i") so the pane
 * needs no icon package. Decorative: the severity is always also written out.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const className = mergeClasses(styles.icon, styles[severity]);
  if (severity === 'advarsel') {
    return (
      <svg className={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M7.13 1.5a1 1 0 0 1 1.74 0l6.5 11.5A1 1 0 0 1 14.5 14.5h-13a1 1 0 0 1-.87-1.5z" />
        <path fill={tokens.colorNeutralBackground1} d="M7.25 5.5h1.5v4.5h-1.5zM8 11a.9.9 0 1 1 0 1.8A.9.9 0 0 1 8 11z" />
      </svg>
    );
  }
  const mark =
    severity === 'feil'
      ? 'M7.25 3.8h1.5v5.2h-1.5zM8 10.2a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8z'
      : 'M7.25 7h1.5v5.2h-1.5zM8 3.8a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8z';
  return (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path fill={tokens.colorNeutralBackground1} d={mark} />
    </svg>
  );
}
