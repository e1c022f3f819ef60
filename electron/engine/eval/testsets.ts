import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { PolyseekError } from '../../../shared';
import type { TestSet } from '../../../shared';
import { writeFileAtomic } from '../settings/atomic-write';

/**
 * Test sets made from the person's own index: queries typed on the Search page with the files they
 * marked relevant (grades 0–3). Saved in BEIR's layout — `queries.jsonl` and `qrels/test.tsv`, with file
 * paths as document ids — under `<dataDir>/eval/testsets/<name>/`, so they can be shared or read by
 * other tools (there is no corpus.jsonl: the corpus is the index).
 */
export function testSetsDir(dataDir: string): string {
  return join(dataDir, 'eval', 'testsets');
}

export async function listTestSets(dataDir: string): Promise<TestSet[]> {
  let names: string[];
  try {
    names = (await readdir(testSetsDir(dataDir), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
  const sets: TestSet[] = [];
  for (const name of names) {
    const set = await readTestSet(dataDir, name).catch(() => null);
    if (set) sets.push(set);
  }
  return sets;
}

export async function readTestSet(dataDir: string, name: string): Promise<TestSet> {
  const dir = join(testSetsDir(dataDir), name);
  let queriesText: string;
  let qrelsText: string;
  try {
    [queriesText, qrelsText] = await Promise.all([
      readFile(join(dir, 'queries.jsonl'), 'utf8'),
      readFile(join(dir, 'qrels', 'test.tsv'), 'utf8'),
    ]);
  } catch {
    throw new PolyseekError(
      'INVALID_INPUT',
      `no test set named ${JSON.stringify(name)} (mark results on the Search page to make one)`,
    );
  }
  const queries = queriesText
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { _id: string; text: string })
    .map((q) => ({ id: q._id, text: q.text, judgments: [] as { path: string; grade: number }[] }));
  const byId = new Map(queries.map((q) => [q.id, q]));
  for (const line of qrelsText.split('\n').slice(1)) {
    const [queryId, path, grade] = line.split('\t');
    const query = queryId === undefined ? undefined : byId.get(queryId);
    if (query && path && grade !== undefined) query.judgments.push({ path, grade: Number(grade) });
  }
  return { name, dir, queries };
}

/**
 * Records judgments for a query (merged into an existing query of the same text; grade null removes a
 * judgment; a query left without judgments is dropped). Paths are checked by the caller.
 */
export async function judge(
  dataDir: string,
  name: string,
  query: string,
  judgments: readonly { path: string; grade: number | null }[],
): Promise<TestSet> {
  const existing = await readTestSet(dataDir, name).catch(() => null);
  const queries = existing?.queries ?? [];
  const text = query.trim();
  let entry = queries.find((q) => q.text === text);
  if (!entry) {
    const next = queries.reduce((max, q) => Math.max(max, Number(q.id.slice(1)) || 0), 0) + 1;
    entry = { id: `q${next}`, text, judgments: [] };
    queries.push(entry);
  }
  const grades = new Map(entry.judgments.map((j) => [j.path, j.grade]));
  for (const j of judgments) {
    if (j.grade === null) grades.delete(j.path);
    else grades.set(j.path, j.grade);
  }
  entry.judgments = [...grades].map(([path, grade]) => ({ path, grade }));
  const kept = queries.filter((q) => q.judgments.length > 0);
  const dir = join(testSetsDir(dataDir), name);
  await mkdir(join(dir, 'qrels'), { recursive: true });
  await writeFileAtomic(
    join(dir, 'queries.jsonl'),
    kept.map((q) => JSON.stringify({ _id: q.id, text: q.text })).join('\n') + '\n',
  );
  const rows = kept.flatMap((q) => q.judgments.map((j) => `${q.id}\t${j.path}\t${j.grade}`));
  await writeFileAtomic(join(dir, 'qrels', 'test.tsv'), ['query-id\tcorpus-id\tscore', ...rows].join('\n') + '\n');
  return { name, dir, queries: kept };
}
