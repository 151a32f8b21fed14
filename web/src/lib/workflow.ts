// Which actions a monitoring report allows in its status: the server's pure rule
// (src/monitoring/workflow.ts transition), not a copy. A unit with no report yet ("missing") may
// start one by saving.
import { SUBMISSION_STATUSES, transition, type SubmissionStatus, type WorkflowAction } from '../../../src/monitoring/workflow.ts';

const isSubmissionStatus = (s: string): s is SubmissionStatus => (SUBMISSION_STATUSES as readonly string[]).includes(s);

export function reportAllows(status: string, action: WorkflowAction): boolean {
  if (status === 'missing') return action === 'save';
  return isSubmissionStatus(status) && transition(status, action).ok;
}
