// Turning the server's problem+json (RFC 9457) into what a form shows: a list of errors for the
// GOV.UK-style error summary, each linked to the field it concerns. Pure, tested in
// test/web/problems.test.ts.
import type { Problem as ServerProblem } from '../../../src/kernel/errors.ts';

/** The server's problem (src/kernel/errors.ts), read tolerantly: `type` may be absent, extension members pass through. */
export type Problem = Omit<ServerProblem, 'type'> & { type?: string; totpRequired?: boolean; [k: string]: unknown };

/** One entry of an error summary: the message and the id of the field it links to (if any). */
export interface FormError {
  readonly field: string | null;
  readonly message: string;
}

export function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && typeof (v as Problem).title === 'string' && typeof (v as Problem).status === 'number';
}

/**
 * Maps field paths ("/body/newPassword", "/newPassword", "body.newPassword") onto form field ids
 * through `fields` (property name → element id). Errors on unknown paths keep their message
 * without a link; a problem without field errors becomes one message (detail, else title),
 * linked to `fallbackField` when given.
 */
export function problemToFormErrors(p: Problem, fields: Record<string, string>, fallbackField: string | null = null): FormError[] {
  const list = (p.errors ?? []).map((e) => {
    const segs = e.path.split(/[/.]/).filter((s) => s !== '' && s !== 'body' && s !== 'query' && s !== 'params');
    const hit = [...segs].reverse().find((s) => s in fields);
    return { field: hit ? fields[hit]! : null, message: e.message };
  });
  if (list.length > 0) return list;
  return [{ field: fallbackField, message: p.detail ?? p.title }];
}

/** The message shown beside one field (the first error for it). */
export function errorFor(errors: readonly FormError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}
