/**
 * What the two register forms hold while the user types: every field as the text typed, empty at the start.
 * Kept apart from the checks (./register, with zod and the parser) so the form itself stays small.
 */

export interface ProjectFormInput {
  id: string;
  name: string;
  owner: string;
  strategy: string;
  naering: string;
  phase: string;
  status: string;
  decisionDate: string;
  granted: string;
  ownFinancing: string;
  otherFinancing: string;
}

export interface ReportFormInput {
  projectId: string;
  date: string;
  naering: string;
  jobs: string;
  companies: string;
  newCompanies: string;
  comment: string;
}

export const EMPTY_PROJECT: Readonly<ProjectFormInput> = {
  id: '', name: '', owner: '', strategy: '', naering: '', phase: '', status: '', decisionDate: '', granted: '', ownFinancing: '', otherFinancing: '',
};

export const EMPTY_REPORT: Readonly<ReportFormInput> = { projectId: '', date: '', naering: '', jobs: '', companies: '', newCompanies: '', comment: '' };
