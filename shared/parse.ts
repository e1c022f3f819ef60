import type { z } from 'zod';

import type { ErrorCode } from './errors';
import { err, ok, type Result } from './result';

const MAX_ISSUES_IN_MESSAGE = 5;

/** Validates `value` against `schema` at a boundary; never throws. */
export function parseUnknown<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode = 'INVALID_INPUT',
): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return err(code, describeIssues(parsed.error.issues));
}

/** "roots[0].path: Too big: expected string to have <=4096 characters; …" */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? `; and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : '';
  return shown.join('; ') + more;
}
