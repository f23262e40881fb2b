import { lazy, Suspense } from 'react';
import { loadFindingsView } from '../preload';
import type { Pane } from '../state/usePane';

// The register forms are opened now and then: their code comes in a chunk of its own, on first use.
const RegisterForm = lazy(() => import(/* webpackChunkName: "forms" */ './RegisterForm').then((m) => ({ default: m.RegisterForm })));
const ReallocationForm = lazy(() =>
  import(/* webpackChunkName: "forms" */ './ReallocationForm').then((m) => ({ default: m.ReallocationForm })),
);

// The findings list (its virtualizer, accordion and items) is fetched at start-up in parallel with the core
// (see ./preload), not in the initial script: nothing is listed before the core has validated.
const Findings = lazy(() => loadFindingsView().then((m) => ({ default: m.Findings })));

/** The pane's right-hand side (below, at 350 px): an open form, else the last validation's findings. */
export function Results({ pane }: { pane: Pane }) {
  const { t, busy, reallocation } = pane;
  const { form, formErrors, validation, contexts, selected } = pane.state;
  const disabled = busy !== null;
  return (
    <>
      {form && (
        <Suspense fallback={null}>
          <RegisterForm
            key={form.kind}
            t={t}
            kind={form.kind}
            choices={form.choices}
            busy={disabled}
            errors={formErrors}
            onSubmit={pane.submit}
            onCancel={pane.closeForm}
          />
        </Suspense>
      )}
      {!form && reallocation.form && (
        <Suspense fallback={null}>
          <ReallocationForm
            t={t}
            choices={reallocation.form.choices}
            preview={reallocation.form.preview}
            busy={disabled}
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
            disabled={disabled}
            contexts={contexts}
            selected={selected}
            onSelect={pane.select}
            onFix={pane.fix}
            onFixAll={pane.fixAll}
          />
        </Suspense>
      )}
    </>
  );
}
