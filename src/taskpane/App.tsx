import { FluentProvider, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { RowContext, WorkbookPort } from '../adapters/port';
import type { StatisticsPort } from '../core/effekt/ssb';
import type { FindingGroup } from '../core/findings/group';
import type { Finding, FindingSummary } from '../core/findings/types';
import { a1 } from '../core/util/brand';
import { Actions } from './components/Actions';
import { Header } from './components/Header';
import { LiveControl } from './components/LiveControl';
import { OpenWorkbook } from './components/OpenWorkbook';
import { StatusMessage } from './components/StatusMessage';
import { YearPicker } from './components/YearPicker';
import { describeError, PaneError } from './errors';
import { cellRef, downloadName } from './format';
import { SAMPLE_NAME, type PackagePort, type PaneHost, type SampleKind } from './host';
import { localized, TEXTS, type Lang, type Say } from './i18n';
import type { FieldErrors, FormChoices } from '../core/forms/register';
import { loadCore } from './session';
import { check, createTemplate, defaultYear, fetchIndicators, generate, prepareYear, readChoices, readInfo, submitForm, type Checked, type FormKind, type SheetKind, type WorkbookInfo } from './session';
import type { Status } from './status';
import { fluentTheme, type ThemeName } from './theme';
import { useRunner } from './useRunner';
import { findingKey } from './findingKey';
import { loadFindingsView } from './preload';
import { appendedStatus } from './appended';
import { useLiveChecks } from './useLiveChecks';
import { useReallocationForm } from './useReallocationForm';

// The register forms are opened now and then: their code comes in a chunk of its own, on first use.
const RegisterForm = lazy(() => import(/* webpackChunkName: "forms" */ './components/RegisterForm').then((m) => ({ default: m.RegisterForm })));
const ReallocationForm = lazy(() => import(/* webpackChunkName: "forms" */ './components/ReallocationForm').then((m) => ({ default: m.ReallocationForm })));

// The findings list (its virtualizer, accordion and items) is fetched at start-up in parallel with the core
// (see ./preload), not in the initial script: nothing is listed before the core has validated.
const Findings = lazy(() => loadFindingsView().then((m) => ({ default: m.Findings })));

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

/** The local date as ISO: in Norway, 00:30 on 1 January is already the new year. */
function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface Validation {
  groups: FindingGroup[];
  summary: FindingSummary;
  year: number | null;
  /** counts validations, so the list starts afresh (groups open, focus) after each one */
  run: number;
}

const MAX_FILE_BYTES = 100 * 1024 * 1024;

function summaryStatus(validation: Pick<Validation, 'summary' | 'year'>, extra: Say[] = []): Status {
  const { summary, year } = validation;
  const intent = summary.feil > 0 ? 'error' : summary.advarsel > 0 ? 'warning' : 'success';
  const title: Say = (t) => t.resultTitle[intent === 'error' ? 'error' : intent === 'warning' ? 'warn' : 'ok'];
  const line: Say = (t) => (summary.feil + summary.advarsel + summary.info === 0 ? t.allGood(year) : t.summary(summary, year));
  return { intent, title, lines: [...extra, line] };
}

export function App({ host, theme = 'light', initialLang = 'nb', now = () => new Date(), livePauseMs, onLanguageChange, statistics = ssbStatistics }: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = TEXTS[lang];
  const [status, setStatus] = useState<Status | null>(null);
  const [pkg, setPkg] = useState<PackagePort | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [validation, setValidation] = useState<Validation | null>(null);
  const validations = useRef(0);
  const [contexts, setContexts] = useState<ReadonlyMap<string, RowContext | null>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<{ kind: FormKind; choices: FormChoices } | null>(null);
  const [formErrors, setFormErrors] = useState<FieldErrors<string>>({});
  /** the button that opened the form, to give the focus back to when it closes */
  const formOpener = useRef<HTMLElement | null>(null);

  const onError = useCallback((error: unknown) => {
    setStatus({ intent: 'error', title: (tx) => tx.errorTitle, lines: [describeError(error)] });
  }, []);
  const { busy, run } = useRunner(onError);

  const port: WorkbookPort | null = host.kind === 'excel' ? host.port : pkg;
  const standalone = host.kind === 'standalone';

  useEffect(() => {
    document.documentElement.lang = t.htmlLang;
  }, [t]);

  const switchLanguage = () => {
    const next: Lang = lang === 'nb' ? 'en' : 'nb';
    setLang(next);
    onLanguageChange?.(next);
  };

  const live = useLiveChecks({
    host,
    port,
    year,
    busy,
    run,
    ...(livePauseMs !== undefined ? { pauseMs: livePauseMs } : {}),
    onChecked: (checked, batch) => {
      apply(checked);
      setStatus(summaryStatus(checked.result, [(tx) => tx.live.after(batch.edits, batch.remote)]));
    },
  });
  const reallocation = useReallocationForm({
    host, port, pkg, fileName, run, setStatus,
    onOpened: () => {
      setForm(null);
      setFormErrors({});
    },
    onAppended: () => setValidation(null),
  });

  /** Takes in what a check read: the header, the year list, the findings. */
  const apply = (checked: Checked) => {
    live.noteChecked(checked.result);
    setInfo(checked.info);
    validations.current += 1;
    setValidation({ groups: checked.result.groups, summary: checked.result.summary, year: checked.result.year, run: validations.current });
    setContexts(new Map());
    setSelected(null);
    // The period may have been edited in the workbook since: keep the chosen year only while it is in it.
    const years = checked.info.years;
    if (year === null || (years.length > 0 && !years.includes(year))) setYear(checked.result.year !== null && years.includes(checked.result.year) ? checked.result.year : defaultYear(checked.info));
  };

  const adoptInfo = (next: WorkbookInfo, excel: boolean): Say[] => {
    setInfo(next);
    setYear(defaultYear(next));
    setValidation(null);
    live.forget();
    setContexts(new Map());
    setSelected(null);
    return next.tableCount === 0 ? [(tx) => (excel ? tx.noTablesExcel : tx.noTables)] : [];
  };

  // --- standalone: opening a workbook -------------------------------------------------------------------

  const openBytes = async (bytes: Uint8Array, name: string) => {
    if (host.kind !== 'standalone') return;
    await openPort(await host.files.open(bytes), name);
  };

  const openPort = async (opened: PackagePort, name: string) => {
    const read = await readInfo(opened);
    setPkg(opened);
    setFileName(name);
    const warnings = adoptInfo(read, false);
    setStatus({ intent: warnings.length > 0 ? 'warning' : 'info', lines: [(tx) => tx.opened(name), ...warnings] });
  };

  const openFile = (file: File) => {
    void run('open', async () => {
      if (!/\.xlsx$/i.test(file.name)) throw new PaneError((tx) => tx.notXlsx);
      if (file.size > MAX_FILE_BYTES) throw new PaneError((tx) => tx.tooBig(MAX_FILE_BYTES / 1024 / 1024));
      await openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    });
  };

  const openSample = (kind: SampleKind = 'published') => {
    if (host.kind !== 'standalone') return;
    void run('sample', async () => {
      await openPort(await host.files.openSample(kind), kind === 'demo' ? `${SAMPLE_NAME}-demo.xlsx` : `${SAMPLE_NAME}.xlsx`);
    });
  };

  // --- start: read the workbook in Excel, or preload the sample ------------------------------------------

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (host.kind === 'excel') {
      void run('load', async () => {
        const warnings = adoptInfo(await readInfo(host.port), true);
        if (warnings.length > 0) setStatus({ intent: 'warning', lines: warnings });
      });
    } else if (host.preloadSample !== false) {
      openSample(host.preloadSample === 'demo' ? 'demo' : 'published');
    }
    // Once, on mount; the ref keeps React's development double mount from reading the workbook twice.
  }, []);

  // --- the actions ------------------------------------------------------------------------------------------

  const validate = () => {
    if (!port) return;
    void run('validate', async () => {
      const checked = await check(port, year);
      apply(checked);
      setStatus(summaryStatus(checked.result));
    });
  };

  const select = (finding: Finding) => {
    if (!port) return;
    void run('select', async () => {
      const key = findingKey(finding);
      const context = await port.select(finding.sheet, finding.cell);
      setSelected(key);
      // In Excel the cell is selected and null is the normal answer; elsewhere null means "not in a table".
      if (context !== null || standalone) setContexts((old) => new Map(old).set(key, context));
    });
  };

  const fix = (finding: Finding) => {
    const quickFix = finding.fix;
    if (!port || !quickFix) return;
    void run('fix', async () => {
      await port.applyFix(quickFix);
      const checked = await check(port, year);
      apply(checked);
      setStatus(summaryStatus(checked.result, [(tx) => tx.fixed(cellRef(quickFix.sheet, quickFix.cell))]));
    });
  };

  /** Every quick fix of a group in one write through the port, then one validation. */
  const fixAll = (group: FindingGroup) => {
    if (!port || group.fixes.length === 0) return;
    const what = group.table !== undefined && group.column !== undefined ? `${group.table} · ${group.column}` : group.sheet;
    void run('fix', async () => {
      const outcome = await port.applyFixes(group.fixes);
      const checked = await check(port, year);
      apply(checked);
      setStatus(summaryStatus(checked.result, [(tx) => tx.fixedMany(outcome.changed, what, outcome.changedSince)]));
    });
  };

  const makeSheet = (kind: SheetKind) => {
    if (!port) return;
    void run(kind === 'styrerapport' ? 'report' : 'generate', async () => {
      const made = await generate(port, year, now(), kind);
      apply(made);
      const { outcome } = made;
      const errors = made.result.summary.feil;
      const lines: Say[] = [];
      let action: Status['action'];
      if (host.kind === 'standalone' && pkg) {
        const name = downloadName(fileName ?? SAMPLE_NAME, made.layout.marker.year, kind);
        const bytes = await pkg.toBytes();
        host.files.save(bytes, name);
        lines.push((tx) => tx.generatedDownload(outcome.sheet, name));
        action = { label: (tx) => tx.downloadAgain, run: () => host.files.save(bytes, name) };
      } else {
        lines.push((tx) => tx.generatedExcel(outcome.sheet));
        action = {
          label: (tx) => tx.goToSheet,
          run: () => {
            void run('select', async () => {
              await port.select(outcome.sheet, a1('A1'));
            });
          },
        };
      }
      if (outcome.renamedFrom !== undefined) {
        const wanted = outcome.renamedFrom;
        lines.push((tx) => tx.generatedRenamed(wanted, outcome.sheet));
      } else if (outcome.replaced) {
        lines.push((tx) => tx.generatedReplaced);
      }
      if (errors > 0) lines.push((tx) => tx.generatedDraft(errors));
      if (outcome.printSetupSkipped === true) lines.push((tx) => tx.printSetupSkipped);
      const title: Say = kind === 'styrerapport' ? (tx) => tx.reportReadyTitle : (tx) => tx.generatedTitle;
      setStatus({ intent: errors > 0 ? 'warning' : 'success', title, lines, action });
    });
  };

  /** Hent fra SSB: the region's figures into Effektindikatorer; rows the user typed are left alone. */
  const fetchSsb = () => {
    if (port === null) return;
    void run('ssb', async () => {
      const summary = await fetchIndicators(port, await statistics(), localDate(now()));
      const warn = summary.unknownKommuner.length > 0 || summary.lines.some((line) => line.nb.startsWith('Tabell '));
      setStatus({ intent: warn ? 'warning' : 'success', title: (tx) => tx.ssbTitle, lines: summary.lines.map(localized) });
    });
  };

  /**
   * Forbered {år + 1}: next year's rows proposed from the chosen year, appended through the port; then the pane
   * shows that year and validates it, so the list is what is left to fill in.
   */
  const prepareNext = () => {
    if (port === null || year === null) return;
    const target = year + 1;
    void run('nextYear', async () => {
      const outcome = await prepareYear(port, target);
      if (!outcome.ok) {
        const problem = (await loadCore()).nextYearProblemText(outcome.problem);
        setStatus({ intent: 'error', title: (tx) => tx.nextYearTitle(target), lines: [localized(problem)] });
        return;
      }
      const summary = (await loadCore()).nextYearSummary(outcome, 'pane');
      const checked = await check(port, target, now());
      apply(checked);
      setYear(target);
      const lines: Say[] = [...summary.map(localized), (tx) => tx.summary(checked.result.summary, target)];
      let action: Status['action'];
      if (host.kind === 'standalone' && pkg && outcome.added > 0) {
        const bytes = await pkg.toBytes();
        const name = (fileName ?? `${SAMPLE_NAME}.xlsx`).replace(/\.(xlsx|xlsm)$/i, '') + ` – ${target}.xlsx`;
        lines.push((tx) => tx.appendedDownload);
        action = { label: (tx) => tx.downloadWorkbook, run: () => host.files.save(bytes, name) };
      }
      setStatus({ intent: outcome.added > 0 ? 'success' : 'info', title: (tx) => tx.nextYearTitle(target), lines, action });
    });
  };

  const makeTemplate = () => {
    if (host.kind !== 'excel') return;
    void run('template', async () => {
      const made = await createTemplate(host.port, info, now());
      const { createdSheets, createdTables, addedColumns } = made.outcome;
      adoptInfo(await readInfo(host.port), true);
      const columns = addedColumns.map((c) => `${c.table}[${c.column}]`);
      const nothing = createdSheets.length + createdTables.length + columns.length === 0;
      setStatus({
        intent: nothing ? 'info' : 'success',
        title: (tx) => tx.templateTitle,
        lines: nothing
          ? [(tx) => tx.templateNothing]
          : [(tx) => tx.templateCreated(createdSheets, createdTables, columns), (tx) => tx.templatePeriod(made.firstYear, made.lastYear)],
      });
    });
  };

  // --- the register's forms -------------------------------------------------------------------------------

  const closeForm = () => {
    setForm(null);
    setFormErrors({});
    const opener = formOpener.current;
    formOpener.current = null;
    // After the form is gone, back to the button that opened it.
    setTimeout(() => opener?.focus(), 0);
  };

  const openForm = (kind: FormKind) => {
    if (!port) return;
    const active = document.activeElement;
    formOpener.current = active instanceof HTMLElement ? active : null;
    void run('form', async () => {
      const choices = await readChoices(port);
      const excel = host.kind === 'excel';
      if (kind === 'project' && !choices.hasProjects) throw new PaneError((tx) => tx.missingTable('Prosjekter', excel));
      if (kind === 'report' && !choices.hasReports) throw new PaneError((tx) => tx.missingTable('Rapporter', excel));
      if (kind === 'report' && choices.projects.length === 0) throw new PaneError((tx) => tx.noProjectsYet);
      setFormErrors({});
      setStatus(null);
      reallocation.dismiss();
      setForm({ kind, choices });
    });
  };

  const submit = (values: Record<string, string>) => {
    if (!port || !form) return;
    const { kind } = form;
    void run('append', async () => {
      const result = await submitForm(port, kind, values);
      if (!result.ok) {
        const count = Object.keys(result.errors).length;
        setFormErrors(result.errors);
        // Nothing went wrong: the form only needs correcting, and the focus is on the first field to correct.
        setStatus({ intent: 'warning', title: (tx) => tx.formRefusedTitle, lines: [(tx) => tx.formRefused(count)] });
        return;
      }
      const { outcome, projectId } = result;
      const where = cellRef(outcome.sheet, outcome.range);
      const said: Say = kind === 'project' ? (tx) => tx.appendedProject(projectId, outcome.table, where) : (tx) => tx.appendedReport(projectId, outcome.table, where);
      const done = await appendedStatus({ host, port, pkg, fileName, run }, outcome, [said]);
      // The findings shown were for the workbook before the new row; validate again to see them now.
      setValidation(null);
      closeForm();
      setStatus(done);
    });
  };

  const changeYear = (next: number) => {
    setYear(next);
    setValidation(null);
    live.forget();
    setContexts(new Map());
    setSelected(null);
    setStatus(null);
  };

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider} lang={t.htmlLang}>
      <main className={styles.page} aria-busy={busy !== null}>
        <Header t={t} info={info} fileName={fileName} count={live.count} onSwitchLanguage={switchLanguage} />
        <div className={styles.body}>
          <div className={styles.controls}>
            {standalone && (
              <OpenWorkbook t={t} disabled={busy !== null} compact={pkg !== null} onFile={openFile} onSample={() => openSample()} onDemo={() => openSample('demo')} />
            )}
            {info && (
              <YearPicker t={t} years={info.years} year={year} planYear={info.planYear} disabled={busy !== null} onChange={changeYear} />
            )}
            <Actions
              t={t}
              busy={busy}
              enabled={port !== null}
              canCreateTemplate={host.kind === 'excel'}
              onValidate={validate}
              onGenerate={() => makeSheet('handlingsplan')}
              onReport={() => makeSheet('styrerapport')}
              onFetchSsb={fetchSsb}
              nextYear={year === null ? null : year + 1}
              onPrepareYear={prepareNext}
              onCreateTemplate={makeTemplate}
              onNewProject={() => openForm('project')}
              onNewReport={() => openForm('report')}
              onNewReallocation={reallocation.open}
            />
            <LiveControl t={t} mode={live.mode} disabled={busy !== null} onChange={live.setEnabled} />
            <StatusMessage t={t} status={status} />
          </div>
          <div className={styles.results}>
            {form && (
              <Suspense fallback={null}>
                <RegisterForm
                  key={form.kind}
                  t={t}
                  kind={form.kind}
                  choices={form.choices}
                  busy={busy !== null}
                  errors={formErrors}
                  onSubmit={submit}
                  onCancel={closeForm}
                />
              </Suspense>
            )}
            {!form && reallocation.form && (
              <Suspense fallback={null}>
                <ReallocationForm
                  t={t}
                  choices={reallocation.form.choices}
                  preview={reallocation.form.preview}
                  busy={busy !== null}
                  errors={reallocation.errors}
                  onSubmit={reallocation.submit}
                  onCancel={reallocation.close}
                />
              </Suspense>
            )}
            {!form && !reallocation.form && validation && (
              <Suspense fallback={null}>
                <Findings
                  key={validation.run}
                  t={t}
                  groups={validation.groups}
                  disabled={busy !== null}
                  contexts={contexts}
                  selected={selected}
                  onSelect={select}
                  onFix={fix}
                  onFixAll={fixAll}
                />
              </Suspense>
            )}
          </div>
        </div>
      </main>
    </FluentProvider>
  );
}
