import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import type { SearchResult } from '../../../shared';
import { captureIo } from '../../fixtures/cli-io';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';

/**
 * `polyseek search` end to end on the tiny synthetic model (random weights: vectors carry no meaning, so
 * these tests check the command — filters, badges, highlights, the semantic footer, exit codes — and
 * rely on keyword matches for what is found).
 */
const corpus = corpusAvailability();
// One index for the whole file (indexing is the slow part); useTempDirs() would remove it after the first test.
const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'polyseek-test-'));
  made.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const HTML = '03-web-markup-text/html/w3c-parallel';
const SUBSET = [
  `${HTML}/language.ja.html`,
  `${HTML}/language.en.html`,
  `${HTML}/language.ar.html`,
  '03-web-markup-text/encodings/th-tis-620-wikipedia.txt',
  '01-pdf/cjk/udhr-ja.pdf',
];

let base: string[] = [];
let docs = '';

async function cli(args: string[]) {
  const io = captureIo();
  const code = await runCli([...base, ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function searchJson(args: string[]): Promise<SearchResult> {
  const run = await cli(['--json', 'search', ...args]);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as SearchResult;
}

/** Every highlight of the best passage of every file, as the text it marks. */
const highlightsOf = (result: SearchResult) =>
  result.files.flatMap((f) =>
    f.passages.flatMap((p) => p.snippet.highlights.map((h) => p.snippet.text.slice(h.start, h.end))),
  );

beforeAll(async () => {
  if (corpus.skip) return;
  const modelDir = await ensureSyntheticModel('tiny');
  docs = join(await tempDir(), 'docs');
  await copyCorpus(SUBSET, docs);
  base = ['--data-dir', await tempDir(), '--model-dir', modelDir];
  expect((await cli(['index', 'add', docs])).code).toBe(0);
  // No licence yet: indexed by keyword only, every file awaiting vectors.
  const indexed = await cli(['index', 'start']);
  expect(indexed.code, indexed.err).toBe(0);
});

describe.skipIf(corpus.skip)('polyseek search', () => {
  it('finds files by keyword before any vectors exist, and says why semantic search is off', async () => {
    const run = await cli(['search', '国際化']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^1\. language\.ja\.html {2}\[html · ja.*\]\n {3}\/.*language\.ja\.html\n {3}.*国際化/u);
    // Not a terminal: the snippet is plain text, no escape codes.
    expect(run.out).not.toContain('\u001b[');
    expect(run.out).toMatch(/\nsemantic: unavailable, keyword results only — LICENSE_NOT_ACCEPTED: /u);
    // The badge follows the engine's flag, whatever it is.
    const json = await searchJson(['国際化']);
    const first = json.files[0];
    expect(run.out.split('\n')[0]?.includes('awaiting vectors')).toBe(first?.awaitingVectors);
  });

  it('returns the contract as JSON, highlights exact in Japanese, Thai and Arabic', async () => {
    const ja = await searchJson(['国際化', '--mode', 'keyword']);
    expect(ja.files[0]?.name).toBe('language.ja.html');
    // `国際化` where it occurs, its dictionary word `国際` elsewhere (`国際法`); `化` alone is too common.
    expect(highlightsOf(ja)).toContain('国際化');
    expect(highlightsOf(ja).every((h) => h === '国際化' || h === '国際')).toBe(true);
    expect(ja.semantic.state).toBe('off');

    const th = await searchJson(['อักขระ', '--mode', 'keyword']);
    expect(th.files[0]?.name).toBe('th-tis-620-wikipedia.txt');
    expect(highlightsOf(th)).toContain('อักขระ');

    const ar = await searchJson(['اللغة', '--mode', 'keyword']);
    expect(ar.files[0]?.name).toBe('language.ar.html');
    expect(highlightsOf(ar).every((h) => h.includes('اللغة'))).toBe(true);
  });

  it('narrows by type, language and folder, and shows the page of a PDF passage', async () => {
    const all = await searchJson(['人間', '--mode', 'keyword']);
    expect(all.files.map((f) => f.format)).toContain('pdf');

    const pdf = await searchJson(['人間', '--mode', 'keyword', '--type', 'PDF']);
    expect(pdf.files.map((f) => f.name)).toEqual(['udhr-ja.pdf']);
    expect(pdf.files[0]?.passages[0]?.location.page).toBeGreaterThanOrEqual(1);

    const human = await cli(['search', '人間', '--mode', 'keyword', '--type', 'pdf']);
    expect(human.out).toMatch(/^1\. udhr-ja\.pdf {2}\[pdf · ja · pp?\. \d/u);

    const html = await searchJson(['言語', '--mode', 'keyword', '--type', 'html,txt', '--lang', 'ja']);
    expect(html.files.map((f) => f.name)).toEqual(['language.ja.html']);

    const pdfFolder = await searchJson(['国際化', '--mode', 'keyword', '--folder', join(docs, '01-pdf')]);
    expect(pdfFolder.files.map((f) => f.name)).toEqual(['udhr-ja.pdf']);
    const elsewhere = await searchJson([
      '国際化',
      '--mode',
      'keyword',
      '--folder',
      join(docs, '03-web-markup-text/encodings'),
    ]);
    expect(elsewhere.files).toEqual([]);
    const outside = await cli(['search', '国際化', '--mode', 'keyword', '--after', '2999-01-01']);
    expect(outside.out).toMatch(/^no results for "国際化" \(keyword\)/u);
  });

  it('searches with vectors once the licence is accepted, and refuses another adapter', async () => {
    expect((await cli(['license', 'accept', '--yes'])).code).toBe(0);
    expect((await cli(['index', 'start'])).code).toBe(0);

    const hybrid = await searchJson(['国際化', '--limit', '2', '--per-file', '1']);
    expect(hybrid.semantic).toMatchObject({ state: 'used', filesAwaitingVectors: 0 });
    expect(hybrid.files.length).toBeLessThanOrEqual(2);
    expect(hybrid.files.every((f) => f.passages.length <= 1 && !f.awaitingVectors)).toBe(true);

    const human = await cli(['search', '国際化', '--mode', 'semantic']);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toMatch(/\nsemantic: \d+ dims/u);

    const refused = await cli(['search', '国際化', '--passage-adapter', 'separation']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('PROVENANCE_MISMATCH');
  });

  it('rejects bad options as usage errors (exit 2)', async () => {
    for (const args of [
      ['--mode', 'fuzzy'],
      ['--limit', '0'],
      ['--per-file', '21'],
      ['--dims', '100'],
      ['--type', 'P D F'],
      ['--lang', 'japanese'],
      ['--after', 'yesterday-ish'],
      ['--query-adapter', 'nonsense'],
    ]) {
      const run = await cli(['search', 'x', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });
});
