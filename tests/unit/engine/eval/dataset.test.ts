import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadBeirDataset } from '../../../../electron/engine/eval/dataset';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();

async function dataset(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('loadBeirDataset', () => {
  it('reads corpus, queries and the test qrels (header, BOM, CRLF, numeric ids)', async () => {
    const dir = await dataset({
      'corpus.jsonl': `\uFEFF${jsonl([
        { _id: 'd1', title: 'One', text: 'first' },
        { _id: 2, text: 'second' },
      ])}\r\n`,
      'queries.jsonl': jsonl([{ _id: 'q1', text: 'which first?' }]),
      'qrels/test.tsv': 'query-id\tcorpus-id\tscore\r\nq1\td1\t2\r\nq1\t2\t0\r\n',
      'qrels/dev.tsv': 'query-id\tcorpus-id\tscore\n',
    });
    const data = await loadBeirDataset(dir);
    expect(data.documents).toEqual([
      { id: 'd1', title: 'One', text: 'first' },
      { id: '2', title: '', text: 'second' },
    ]);
    expect(data.split).toBe('test');
    expect([...(data.qrels.get('q1') ?? [])]).toEqual([
      ['d1', 2],
      ['2', 0],
    ]);
    expect(data.warnings).toEqual([]);
  });

  it('lists every problem with its file and line', async () => {
    const dir = await dataset({
      'corpus.jsonl': [
        JSON.stringify({ _id: 'd1', text: 'ok' }),
        '{"_id": "d2", "text": ',
        JSON.stringify({ _id: 'd1', text: 'again' }),
        JSON.stringify({ text: 'no id' }),
        JSON.stringify({ _id: 'd5', text: 5 }),
      ].join('\n'),
      'queries.jsonl': jsonl([{ _id: 'q1', text: 'fine' }, ['not', 'an', 'object']]),
      'qrels/test.tsv': 'query-id\tcorpus-id\tscore\nq1\td1\n',
    });
    const error = (await loadBeirDataset(dir).then(
      () => null,
      (e: unknown) => e,
    )) as (Error & { code: string }) | null;
    if (!error) throw new Error('expected the dataset to be refused');
    expect(error.code).toBe('INVALID_INPUT');
    const lines = error.message.split('\n').slice(1);
    expect(lines).toEqual([
      expect.stringMatching(/^- corpus\.jsonl:2: not JSON/u),
      '- corpus.jsonl:3: duplicate _id "d1"',
      '- corpus.jsonl:4: "_id" missing or empty',
      '- corpus.jsonl:5: "text" is not a string',
      '- queries.jsonl:2: expected a JSON object',
      '- qrels/test.tsv:2: expected 3 tab-separated fields (query-id, corpus-id, score), found 2',
    ]);
  });

  it('says which files are missing and which splits exist', async () => {
    const dir = await dataset({ 'qrels/dev.tsv': '', 'qrels/train.tsv': '' });
    await expect(loadBeirDataset(dir)).rejects.toThrow(
      /corpus\.jsonl: missing[\s\S]*queries\.jsonl: missing[\s\S]*several splits \(dev, train\)/u,
    );
    await expect(loadBeirDataset(dir, { split: 'test' })).rejects.toThrow(/qrels\/test\.tsv: missing \(splits here: /u);
  });

  it('skips judgments of unknown ids with a warning, and refuses qrels that match nothing', async () => {
    const files = {
      'corpus.jsonl': jsonl([{ _id: 'd1', text: 'x' }]),
      'queries.jsonl': jsonl([{ _id: 'q1', text: 'y' }]),
    };
    const dir = await dataset({ ...files, 'qrels/test.tsv': 'q1\td1\t1\nq9\td1\t1\nq1\td9\t1\n' });
    const data = await loadBeirDataset(dir);
    expect(data.qrels.size).toBe(1);
    expect(data.warnings).toEqual([
      '1 judged query ids are not in queries.jsonl (skipped): "q9"',
      '1 judged document ids are not in corpus.jsonl (skipped): "d9"',
    ]);
    const none = await dataset({ ...files, 'qrels/test.tsv': 'q9\td9\t1\n' });
    await expect(loadBeirDataset(none)).rejects.toThrow(/no judgment names a query and a document/u);
  });
});
