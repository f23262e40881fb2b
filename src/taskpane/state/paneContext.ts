import type { Dispatch } from 'react';
import type { PaneHost } from '../host';
import type { Checked } from '../session';
import type { PaneAction, PaneState } from './paneState';
import type { Status } from './status';
import type { Target } from './target';
import type { Runner } from './useRunner';

/** What the actions' hooks share: the state, the workbook they act on, and the one runner. */
export interface PaneContext {
  host: PaneHost;
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  target: Target | null;
  run: Runner['run'];
  now: () => Date;
  /** shows a validation's findings with `status`; `year` moves the pane to that year */
  showChecked: (checked: Checked, status: Status, year?: number) => void;
  /** the workbook was read afresh: its header and years, no findings yet */
  showRead: (info: Checked['info'], status?: Status | null) => void;
}
