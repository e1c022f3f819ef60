import { TestSetNameSchema, type TestSet } from '../../../../../shared';

/**
 * The grades a test set holds for a query, by file path. Queries are matched the way the engine stores
 * them (`eval.judge` trims the text, and merges judgments into a query of the same text).
 */
export function gradesFor(testSets: readonly TestSet[], name: string, query: string): ReadonlyMap<string, number> {
  const text = query.trim();
  const entry = testSets.find((set) => set.name === name)?.queries.find((q) => q.text === text);
  return new Map(entry?.judgments.map((j) => [j.path, j.grade]) ?? []);
}

/** The list with one test set added or replaced (what `eval.judge` answered), sorted by name. */
export function withTestSet(testSets: readonly TestSet[], set: TestSet): TestSet[] {
  return [...testSets.filter((s) => s.name !== set.name), set].sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a typed name can be a test set's (it becomes a folder name). */
export function isTestSetName(name: string): boolean {
  return TestSetNameSchema.safeParse(name).success;
}

/** Clicking the grade a file already has removes it; any other grade replaces it. */
export function nextGrade(current: number | undefined, clicked: number): number | null {
  return current === clicked ? null : clicked;
}
