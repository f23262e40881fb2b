import { Button, Caption1, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import type { Texts } from '../i18n';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  compact: {
    padding: tokens.spacingVerticalS,
    ...shorthands.borderStyle('solid'),
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  active: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: 'none' },
});

export interface OpenWorkbookProps {
  t: Texts;
  disabled: boolean;
  /** a workbook is open already: a smaller box */
  compact: boolean;
  onFile: (file: File) => void;
  onSample: () => void;
  /** the sample with fictional example projects and reports, for the board report and the register */
  onDemo: () => void;
}

/** Standalone page: open an .xlsx file (button or drag and drop), or the built-in sample (with or without example projects). */
export function OpenWorkbook({ t, disabled, compact, onFile, onSample, onDemo }: OpenWorkbookProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!dragging) setDragging(true);
  };

  return (
    <div
      role="group"
      aria-label={t.dropZoneLabel}
      className={mergeClasses(styles.zone, compact && styles.compact, dragging && styles.active)}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {!compact && <Text>{t.standaloneIntro}</Text>}
      <div className={styles.buttons}>
        <Button appearance={compact ? 'secondary' : 'primary'} disabled={disabled} onClick={() => input.current?.click()}>
          {compact ? t.openOther : t.openWorkbook}
        </Button>
        <Button disabled={disabled} onClick={onSample}>
          {t.useSample}
        </Button>
        {/* A button that looks like one: a borderless ("subtle") one read as a label. */}
        <Button appearance="secondary" disabled={disabled} onClick={onDemo}>
          {t.useDemo}
        </Button>
      </div>
      <Caption1 className={styles.hint}>{dragging ? t.dropActive : t.dropHint}</Caption1>
      {!compact && <Caption1 className={styles.hint}>{t.standalonePrivacy}</Caption1>}
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.chooseFile}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again is a change too.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
