import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

import { PolyseekError } from '../../../shared';
import type { Qrels } from './metrics';

/**
 * BEIR-format datasets (the layout MTEB's retrieval tasks use too):
 *   corpus.jsonl    one `{"_id", "title"?, "text"}` per line
 *   queries.jsonl   one `{"_id", "text"}` per line
 *   qrels/<split>.tsv  `query-id <TAB> corpus-id <TAB> score`, with that header line
 * Problems are collected with their file and line, up to a limit, so a person fixes them in one pass
 * instead of one per run.
 */

export interface DatasetDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface DatasetQuery {
  readonly id: string;
  readonly text: string;
}

export interface Dataset {
  readonly dir: string;
  readonly name: string;
  readonly documents: DatasetDocument[];
  readonly queries: DatasetQuery[];
  /** The split read (`test` when present, else the only one). */
  readonly split: string;
  readonly qrels: Qrels;
  /** Judgments naming a query or document the files do not hold: skipped, reported. */
  readonly warnings: string[];
}

/** Problems listed before giving up: enough to see a pattern, few enough to read. */
const MAX_PROBLEMS = 20;

export interface LoadDatasetOptions {
  /** Which qrels split to read; default `test`, else the only split there is. */
  readonly split?: string;
}

/** Reads and validates a BEIR-format folder; throws INVALID_INPUT listing every problem with its line. */
export async function loadBeirDataset(dir: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  const problems: string[] = [];
  const note = (problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const corpusPath = join(dir, 'corpus.jsonl');
  const queriesPath = join(dir, 'queries.jsonl');
  for (const path of [corpusPath, queriesPath]) {
    if (!(await isFile(path))) note(`${basename(path)}: missing (expected in ${dir})`);
  }
  const split = await chooseSplit(dir, options.split, note);
  if (problems.length > 0) throw invalid(dir, problems);

  const documents: DatasetDocument[] = [];
  const docIds = new Set<string>();
  await readJsonLines(corpusPath, note, (row, where) => {
    const id = idOf(row, where, note);
    const text = stringField(row, 'text', where, note, true);
    const title = stringField(row, 'title', where, note, false) ?? '';
    if (id === null || text === null) return;
    if (docIds.has(id)) return note(`${where}: duplicate _id ${JSON.stringify(id)}`);
    docIds.add(id);
    documents.push({ id, title, text });
  });
  const queries: DatasetQuery[] = [];
  const queryIds = new Set<string>();
  await readJsonLines(queriesPath, note, (row, where) => {
    const id = idOf(row, where, note);
    const text = stringField(row, 'text', where, note, true);
    if (id === null || text === null) return;
    if (queryIds.has(id)) return note(`${where}: duplicate _id ${JSON.stringify(id)}`);
    queryIds.add(id);
    queries.push({ id, text });
  });

  const qrels = new Map<string, Map<string, number>>();
  const warnings: string[] = [];
  const unknown = { queries: new Set<string>(), documents: new Set<string>() };
  await readLines(join(dir, 'qrels', `${split}.tsv`), (line, number, file) => {
    const where = `${file}:${number}`;
    if (line.trim() === '') return;
    const fields = line.split('\t');
    if (number === 1 && fields[0]?.trim() === 'query-id') return; // the header
    if (fields.length !== 3)
      return note(`${where}: expected 3 tab-separated fields (query-id, corpus-id, score), found ${fields.length}`);
    const [queryId = '', docId = '', scoreText = ''] = fields.map((f) => f.trim());
    const score = Number(scoreText);
    if (!Number.isInteger(score)) return note(`${where}: score ${JSON.stringify(scoreText)} is not an integer`);
    if (!queryIds.has(queryId)) return void unknown.queries.add(queryId);
    if (!docIds.has(docId)) return void unknown.documents.add(docId);
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(docId, score);
    qrels.set(queryId, judged);
  });
  if (problems.length > 0) throw invalid(dir, problems);
  if (unknown.queries.size > 0)
    warnings.push(
      `${unknown.queries.size} judged query ids are not in queries.jsonl (skipped): ${sample(unknown.queries)}`,
    );
  if (unknown.documents.size > 0)
    warnings.push(
      `${unknown.documents.size} judged document ids are not in corpus.jsonl (skipped): ${sample(unknown.documents)}`,
    );
  if (qrels.size === 0)
    throw invalid(dir, [`qrels/${split}.tsv: no judgment names a query and a document of this dataset`]);
  return { dir, name: basename(dir), documents, queries, split, qrels, warnings };
}

async function chooseSplit(dir: string, wanted: string | undefined, note: (p: string) => void): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(join(dir, 'qrels')))
      .filter((n) => n.endsWith('.tsv'))
      .map((n) => n.slice(0, -4))
      .sort();
  } catch {
    note(`qrels/: missing (expected qrels/test.tsv in ${dir})`);
    return wanted ?? 'test';
  }
  if (wanted) {
    if (!names.includes(wanted)) note(`qrels/${wanted}.tsv: missing (splits here: ${names.join(', ') || 'none'})`);
    return wanted;
  }
  if (names.includes('test')) return 'test';
  if (names.length === 1 && names[0]) return names[0];
  note(
    `qrels/: no test.tsv, and ${names.length === 0 ? 'no split' : `several splits (${names.join(', ')})`} to choose from`,
  );
  return 'test';
}

async function readJsonLines(
  path: string,
  note: (p: string) => void,
  onRow: (row: Record<string, unknown>, where: string) => void,
): Promise<void> {
  await readLines(path, (line, number, file) => {
    if (line.trim() === '') return;
    const where = `${file}:${number}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      return note(`${where}: not JSON (${(error as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return note(`${where}: expected a JSON object`);
    onRow(row as Record<string, unknown>, where);
  });
}

/** Calls `onLine` with each line, its 1-based number and the file's name relative to the dataset. */
async function readLines(path: string, onLine: (line: string, number: number, file: string) => void): Promise<void> {
  const file = basename(dirname(path)) === 'qrels' ? `qrels/${basename(path)}` : basename(path);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    onLine(number === 1 ? raw.replace(/^\uFEFF/, '') : raw, number, file);
  }
}

function idOf(row: Record<string, unknown>, where: string, note: (p: string) => void): string | null {
  const id = row['_id'];
  if (typeof id === 'string' && id.trim() !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  note(`${where}: "_id" missing or empty`);
  return null;
}

function stringField(
  row: Record<string, unknown>,
  name: string,
  where: string,
  note: (p: string) => void,
  required: boolean,
): string | null {
  const value = row[name];
  if (typeof value === 'string') return value;
  if (value === undefined && !required) return null;
  note(`${where}: "${name}" ${value === undefined ? 'missing' : 'is not a string'}`);
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function invalid(dir: string, problems: readonly string[]): PolyseekError {
  const more = problems.length >= MAX_PROBLEMS ? `\n… (first ${MAX_PROBLEMS} problems shown)` : '';
  return new PolyseekError(
    'INVALID_INPUT',
    `${dir} is not a valid BEIR dataset:\n${problems.map((p) => `- ${p}`).join('\n')}${more}`,
  );
}

function sample(ids: ReadonlySet<string>): string {
  const shown = [...ids].slice(0, 5).map((id) => JSON.stringify(id));
  return ids.size > 5 ? `${shown.join(', ')}, …` : shown.join(', ');
}
