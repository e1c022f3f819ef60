import { InvalidArgumentError } from 'commander';

/** A commander option parser from a contract schema: a bad value is a usage error (exit 2). */
export function parseWith<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
  return (value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`not a valid value: ${String(value)}`);
    return parsed.data;
  };
}
