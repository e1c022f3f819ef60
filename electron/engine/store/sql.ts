/**
 * LanceDB's `where()` takes raw SQL (DataFusion dialect): every value that reaches one goes through
 * these helpers at query time — values are never stored pre-escaped (STYLE.md). In DataFusion string
 * literals a quote is doubled and a backslash is an ordinary character (verified on LanceDB 0.31:
 * `'it''s\a'` matches the text `it's\a`), so doubling quotes is the whole escape.
 */

/** A SQL string literal holding `value` exactly (quotes doubled; backslashes, newlines, any Unicode kept). */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new RangeError('a SQL string value cannot contain NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A finite number as a SQL literal; NaN and infinities are refused rather than written as names. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

/** An identifier (column name) quoted for DataFusion, which lower-cases unquoted names. */
export function sqlIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** `column = 'value'`. */
export function sqlEquals(column: string, value: string): string {
  return `${column} = ${sqlString(value)}`;
}

/**
 * Rows whose `column` starts with `prefix` (a folder filter: pass the folder with its trailing `/`).
 * `starts_with` rather than LIKE, so `%` and `_` in a path are plain characters with no escape rules.
 */
export function sqlStartsWith(column: string, prefix: string): string {
  return `starts_with(${column}, ${sqlString(prefix)})`;
}

/**
 * `column IN ('a', 'b', …)` for a non-empty list. Callers with many values pass them through
 * {@link inBatches}: one predicate with tens of thousands of literals makes DataFusion's planner slow.
 */
export function sqlIn(column: string, values: readonly string[]): string {
  if (values.length === 0) throw new RangeError(`empty IN list for ${column}`);
  return `${column} IN (${values.map(sqlString).join(', ')})`;
}

/** Values in slices of at most `size` (default 500), for `IN` predicates of bounded length. */
export function inBatches<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
