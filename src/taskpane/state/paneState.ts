import type { RowContext } from '../../adapters/port';
import type { FindingGroup } from '../../core/findings/group';
import type { FindingSummary } from '../../core/findings/types';
import type { FieldErrors, FormChoices } from '../../core/forms/register';
import type { PackagePort } from '../host';
import type { Lang } from '../i18n';
import { defaultYear, type Checked, type FormKind, type WorkbookInfo } from '../session';
import type { Status } from './status';

/**
 * Everything the pane shows, in one value, and the one function that changes it: what each of the user's
 * actions (./usePane) leads to is a PaneAction, so the pane's behaviour reads — and is tested — without React.
 */

export interface Validation {
  groups: FindingGroup[];
  summary: FindingSummary;
  year: number | null;
  /** counts validations, so the list starts afresh (groups open, focus) after each one */
  run: number;
}

export interface OpenForm {
  kind: FormKind;
  choices: FormChoices;
}

export interface PaneState {
  lang: Lang;
  /** the result of the last action, shown until the next one */
  status: Status | null;
  /** the standalone page's open workbook (null in Excel, and before a file is opened) */
  pkg: PackagePort | null;
  fileName: string | null;
  /** the header and the year list, from the workbook as last read */
  info: WorkbookInfo | null;
  year: number | null;
  /** the findings shown; null until Valider, and again when they no longer describe the workbook */
  validation: Validation | null;
  /** how many validations have been shown (each one's list is drawn afresh) */
  runs: number;
  /** the table rows around the cells the user went to (the standalone page shows them under the finding) */
  contexts: ReadonlyMap<string, RowContext | null>;
  selected: string | null;
  form: OpenForm | null;
  formErrors: FieldErrors<string>;
}

export type PaneAction =
  | { type: 'language'; lang: Lang }
  | { type: 'status'; status: Status | null }
  /** the workbook was read afresh (Excel at start, after Opprett arbeidsbok): its findings are not known */
  | { type: 'read'; info: WorkbookInfo; status?: Status | null }
  /** the standalone page opened a file or the sample */
  | { type: 'opened'; pkg: PackagePort; fileName: string; info: WorkbookInfo; status: Status }
  /** a validation's result; `year` moves the pane to that year (Forbered {år}) */
  | { type: 'checked'; checked: Checked; status: Status; year?: number }
  | { type: 'year'; year: number }
  /** `context` undefined: the cell is selected, with no row to show (Excel) */
  | { type: 'selected'; key: string; context?: RowContext | null }
  | { type: 'formOpened'; form: OpenForm }
  | { type: 'formRefused'; errors: FieldErrors<string>; status: Status }
  | { type: 'formClosed' }
  /** a row was added: the findings shown are for the workbook before it */
  | { type: 'appended'; status: Status };

const NO_CONTEXTS: ReadonlyMap<string, RowContext | null> = new Map();

export function initialPaneState(lang: Lang): PaneState {
  return {
    lang,
    status: null,
    pkg: null,
    fileName: null,
    info: null,
    year: null,
    validation: null,
    runs: 0,
    contexts: NO_CONTEXTS,
    selected: null,
    form: null,
    formErrors: {},
  };
}

/** The one place the findings shown are replaced (or dropped): the rows shown and the selection go with them. */
function showFindings(state: PaneState, validation: Validation | null): PaneState {
  return { ...state, validation, contexts: NO_CONTEXTS, selected: null };
}

/** The period may have been edited in the workbook since: the chosen year stays only while it is in it. */
function keptYear(year: number | null, checked: Checked): number | null {
  const { years } = checked.info;
  if (year !== null && (years.length === 0 || years.includes(year))) return year;
  const validated = checked.result.year;
  return validated !== null && years.includes(validated) ? validated : defaultYear(checked.info);
}

function adopt(state: PaneState, info: WorkbookInfo): PaneState {
  return { ...showFindings(state, null), info, year: defaultYear(info) };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'language':
      return { ...state, lang: action.lang };
    case 'status':
      return { ...state, status: action.status };
    case 'read':
      return action.status === undefined ? adopt(state, action.info) : { ...adopt(state, action.info), status: action.status };
    case 'opened':
      return { ...adopt(state, action.info), pkg: action.pkg, fileName: action.fileName, status: action.status };
    case 'checked': {
      const { checked } = action;
      const runs = state.runs + 1;
      const { groups, summary, year } = checked.result;
      const shown = showFindings(state, { groups, summary, year, run: runs });
      return { ...shown, runs, info: checked.info, year: action.year ?? keptYear(state.year, checked), status: action.status };
    }
    case 'year':
      return { ...showFindings(state, null), year: action.year, status: null };
    case 'selected': {
      const { key, context } = action;
      return { ...state, selected: key, contexts: context === undefined ? state.contexts : new Map(state.contexts).set(key, context) };
    }
    case 'formOpened':
      return { ...state, form: action.form, formErrors: {}, status: null };
    case 'formRefused':
      return { ...state, formErrors: action.errors, status: action.status };
    case 'formClosed':
      return { ...state, form: null, formErrors: {} };
    case 'appended':
      return { ...state, validation: null, form: null, formErrors: {}, status: action.status };
  }
}
