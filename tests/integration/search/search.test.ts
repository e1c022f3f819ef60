import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Encoder } from '../../../electron/engine/encoder/encoder';
import { openRuntime } from '../../../electron/engine/runtime';
import type { IndexStore } from '../../../electron/engine/store';
import type { Result, SearchQueryInput, SearchResult } from '../../../shared';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';
import { ACCEPT, useIndexRuntimes, type IndexRuntime } from '../indexer/support';

/**
 * Search over a real multilingual corpus subset on the synthetic models. The tiny model's weights are
 * random: its vectors carry no meaning, so these tests check the pipeline (keyword recall in every
 * script, fusion, filters, snippets, provenance, Matryoshka derivation), never semantic quality.
 */
const corpus = corpusAvailability();
const tempDir = useTempDirs();
const open = useIndexRuntimes();

/** Like `open`, but the caller disposes the runtime (for a `beforeAll` index shared by a block). */
async function openKept(dataDir: string, options: { modelDir: string }): Promise<IndexRuntime> {
  const runtime = await openRuntime({
    dataDir,
    host: 'cli',
    modelDir: options.modelDir,
    indexer: { extractWorkers: 1 },
  });
  return {
    runtime,
    events: [],
    index: async () => {
      value(await runtime.invoke('index.start', {}));
      const job = await runtime.engine.indexer.waitForIdle();
      if (!job) throw new Error('no indexing job ran');
      return job;
    },
    status: async () => value(await runtime.invoke('index.status', {})),
    store: async () => (await runtime.engine.indexer.openStore()) as unknown as IndexStore,
  };
}

/** Legacy encodings in nine scripts (small, quick) and a 14-page PDF (pages). */
const SUBSET = ['03-web-markup-text/encodings', '01-pdf/en/tracemonkey.pdf'];
const ENCODINGS = '03-web-markup-text/encodings';

let tinyDir = '';
let otherWeightsDir = '';

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  [tinyDir, otherWeightsDir] = await Promise.all([
    ensureSyntheticModel('tiny'),
    ensureSyntheticModel('tiny', { seed: 7 }),
  ]);
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function indexed(options: {
  modelDir: string;
  dataDir?: string;
  root?: string;
  licence?: boolean;
  opener?: typeof open;
}) {
  const root = options.root ?? (await tempDir());
  if (!options.root && !corpus.skip) await copyCorpus(SUBSET, root);
  const dataDir = options.dataDir ?? (await tempDir());
  const index = await (options.opener ?? open)(dataDir, { modelDir: options.modelDir });
  await index.runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } });
  if (options.licence !== false) await index.runtime.invoke('license.accept', ACCEPT);
  if (!options.root) expect((await index.runtime.invoke('roots.add', { path: root })).ok).toBe(true);
  const job = await index.index();
  expect(job).toMatchObject({ state: 'done', filesFailed: 0 });
  return { root, dataDir, ...index };
}

async function search(index: IndexRuntime, input: SearchQueryInput): Promise<SearchResult> {
  return value(await index.runtime.invoke('search.query', input));
}

/** Every highlight of every passage spells one of `terms` (compared case- and accent-insensitively). */
function expectHighlights(result: SearchResult, terms: readonly string[]): number {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  let count = 0;
  for (const file of result.files) {
    for (const passage of file.passages) {
      const { text, highlights } = passage.snippet;
      for (const h of highlights) {
        expect(h.end).toBeGreaterThan(h.start);
        expect(h.end).toBeLessThanOrEqual(text.length);
        // Never inside a surrogate pair.
        expect(/[\uDC00-\uDFFF]/u.test(text[h.start] ?? '')).toBe(false);
        const marked = fold(text.slice(h.start, h.end));
        expect(terms.map(fold).some((t) => t.includes(marked) || marked.includes(t))).toBe(true);
        count += 1;
      }
    }
  }
  return count;
}

describe.skipIf(corpus.skip)('search (tiny synthetic model, corpus subset)', () => {
  let shared: Awaited<ReturnType<typeof indexed>>;

  let sharedDir = '';

  // One index for the whole block: its folders and runtime outlive each test (`tempDir` and `open`
  // clean up after every test), and are removed after the block.
  beforeAll(async () => {
    sharedDir = await mkdtemp(join(tmpdir(), 'polyseek-search-'));
    const root = join(sharedDir, 'docs');
    await copyCorpus(SUBSET, root);
    shared = await indexed({ modelDir: tinyDir, opener: openKept, dataDir: join(sharedDir, 'profile'), root });
    expect((await shared.runtime.invoke('roots.add', { path: root })).ok).toBe(true);
    expect(await shared.index()).toMatchObject({ state: 'done', filesFailed: 0 });
  }, 120_000);
  afterAll(async () => {
    await shared.runtime.dispose();
    await rm(sharedDir, { recursive: true, force: true });
  });

  it('finds a distinctive word’s document first, in every mode that reads words, with a page for the PDF', async () => {
    for (const mode of ['hybrid', 'keyword'] as const) {
      const result = await search(shared, { query: 'TraceMonkey', mode });
      expect(result.files[0]?.name).toBe('tracemonkey.pdf');
      const passage = result.files[0]?.passages[0];
      expect(passage?.location.page).toBeGreaterThanOrEqual(1);
      expect(passage?.snippet.text.toLowerCase()).toContain('tracemonkey');
      expect(expectHighlights(result, ['TraceMonkey'])).toBeGreaterThan(0);
    }
    const latin = await search(shared, { query: 'Schengen' });
    expect(latin.files[0]?.name).toBe('fr-iso-8859-1-visa.txt');
    expect(latin.semantic).toMatchObject({ state: 'used', index: 'exact', filesAwaitingVectors: 0 });
    expect(latin.semantic.provenance?.task).toBe('retrieval.passage');
    // Accents and case folded both ways, highlighted as written in the document.
    const folded = await search(shared, { query: 'SEJOUR envisage', mode: 'keyword' });
    expect(folded.files[0]?.name).toBe('fr-iso-8859-1-visa.txt');
    const snippet = folded.files[0]?.passages[0]?.snippet;
    const marked = snippet?.highlights.map((h) => snippet.text.slice(h.start, h.end)) ?? [];
    expect(marked).toContain('séjour');
    expect(marked).toContain('envisagé');
  });

  it.each([
    ['Japanese', '符号化形式', 'ja-utf-16le-no-bom.txt'],
    ['Chinese', '出生', 'zh-hans-gb2312-declared-gb18030-actual-rss.xml'],
    ['Thai', 'ผลิตภัณฑ์', 'th-tis-620-wikipedia.txt'],
    ['Korean', '조선민주주의인민공화국', 'ko-euc-kr-wikipedia.txt'],
  ])('a %s keyword query finds the document containing it, highlighted exactly', async (_script, query, name) => {
    const result = await search(shared, { query });
    expect(result.files[0]?.name).toBe(name);
    const snippet = result.files[0]?.passages[0]?.snippet;
    expect(snippet?.highlights.map((h) => snippet.text.slice(h.start, h.end))).toContain(query);
    expectHighlights(result, [query]);
  });

  it('narrows results by type, language, folder, root and modification date', async () => {
    const all = await search(shared, { query: 'the', mode: 'keyword', limit: 50 });
    expect(new Set(all.files.map((f) => f.format)).size).toBeGreaterThan(1);

    const pdfOnly = await search(shared, { query: 'the', mode: 'hybrid', filters: { types: ['pdf'] }, limit: 50 });
    expect(pdfOnly.files.length).toBeGreaterThan(0);
    expect(pdfOnly.files.every((f) => f.format === 'pdf')).toBe(true);

    const japanese = await search(shared, { query: 'UTF', filters: { languages: ['ja'] }, limit: 50 });
    expect(japanese.files.length).toBeGreaterThan(0);
    expect(japanese.files.flatMap((f) => f.passages).every((p) => p.language === 'ja')).toBe(true);

    const folder = join(shared.root, ENCODINGS);
    const inFolder = await search(shared, { query: 'the', filters: { folders: [folder] }, limit: 50 });
    expect(inFolder.files.length).toBeGreaterThan(0);
    expect(inFolder.files.every((f) => f.path.startsWith(`${folder}/`))).toBe(true);
    // A selection of files (the Explore map's lasso): those files only, in every mode.
    const picked = inFolder.files.slice(0, 2).map((f) => f.path);
    for (const mode of ['hybrid', 'keyword', 'semantic'] as const) {
      const within = await search(shared, { query: 'the', mode, filters: { files: picked }, limit: 50 });
      expect(within.files.length).toBeGreaterThan(0);
      expect(within.files.every((f) => picked.includes(f.path))).toBe(true);
    }
    const noRoot = await search(shared, { query: 'the', filters: { roots: ['/nowhere'] } });
    expect(noRoot.files).toEqual([]);

    const old = join(shared.root, ENCODINGS, 'en-utf-8-bom.txt');
    await utimes(old, new Date('2001-02-03T00:00:00Z'), new Date('2001-02-03T00:00:00Z'));
    await shared.index();
    const before2002 = await search(shared, { query: 'the', filters: { modifiedBefore: '2002-01-01T00:00:00Z' } });
    expect(before2002.files.map((f) => f.path)).toEqual([old]);
    const after2002 = await search(shared, { query: 'YouTube', filters: { modifiedAfter: '2002-01-01T00:00:00Z' } });
    expect(after2002.files.map((f) => f.path)).not.toContain(old);
    const empty = await shared.runtime.invoke('search.query', {
      query: 'x',
      filters: { modifiedAfter: '2003-01-01T00:00:00Z', modifiedBefore: '2002-01-01T00:00:00Z' },
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('groups passages by file, best first, and counts the rest', async () => {
    const result = await search(shared, { query: 'trace', mode: 'keyword', perFile: 2, limit: 5 });
    const pdf = result.files.find((f) => f.name === 'tracemonkey.pdf');
    expect(pdf?.passages.length).toBe(2);
    expect(pdf?.matchedPassages).toBeGreaterThan(2);
    const scores = pdf?.passages.map((p) => p.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(result.files.map((f) => f.path)).size).toBe(result.files.length);
  });

  it('refuses vectors of another adapter or more dims than stored, naming the mismatch', async () => {
    const adapter = await shared.runtime.invoke('search.query', {
      query: 'Schengen',
      adapters: { passage: 'text-matching' },
    });
    expect(adapter).toMatchObject({ ok: false, error: { code: 'PROVENANCE_MISMATCH' } });
    if (!adapter.ok) {
      expect(adapter.error.message).toContain('retrieval.passage');
      expect(adapter.error.message).toContain('text-matching');
      expect(adapter.error.message).toMatch(/re-embed/i);
    }
    const dims = await shared.runtime.invoke('search.query', { query: 'Schengen', dims: 64 });
    expect(dims).toMatchObject({ ok: false, error: { code: 'PROVENANCE_MISMATCH' } });
    if (!dims.ok) expect(dims.error.message).toContain('32-dimensional');
  });
});

describe.skipIf(corpus.skip)('search provenance and awaiting vectors', () => {
  it('refuses vectors made with other weights in semantic mode; hybrid falls back to keywords and says why', async () => {
    const first = await indexed({ modelDir: tinyDir });
    const dataDir = first.dataDir;
    await first.runtime.dispose();
    // The same profile opened with a model of other weights (another seed): the stored vectors no longer fit.
    const other = await open(dataDir, { modelDir: otherWeightsDir });
    const refused = await other.runtime.invoke('search.query', { query: 'Schengen', mode: 'semantic' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROVENANCE_MISMATCH' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('synthetic-tiny-20240918');
      expect(refused.error.message).toContain('synthetic-tiny-7');
    }
    const hybrid = await search(other, { query: 'Schengen' });
    expect(hybrid.files[0]?.name).toBe('fr-iso-8859-1-visa.txt');
    expect(hybrid.semantic).toMatchObject({ state: 'unavailable', problem: { code: 'PROVENANCE_MISMATCH' } });
  });

  it('finds files awaiting vectors by keyword, marks them, and counts what semantic search cannot see', async () => {
    const root = await tempDir();
    await copyCorpus([ENCODINGS], root);
    const first = await indexed({ modelDir: tinyDir, root: await tempDir() });
    expect((await first.runtime.invoke('roots.add', { path: root })).ok).toBe(true);
    const dataDir = first.dataDir;
    await first.runtime.dispose();

    // Never any model: every indexed file awaits vectors.
    const none = await open(await tempDir(), { modelDir: join(await tempDir(), 'no-model-here') });
    expect((await none.runtime.invoke('roots.add', { path: root })).ok).toBe(true);
    expect(await none.index()).toMatchObject({ state: 'done' });
    const nothing = await search(none, { query: 'Schengen' });
    expect(nothing.files[0]).toMatchObject({ name: 'fr-iso-8859-1-visa.txt', awaitingVectors: true });
    expect(nothing.semantic.filesAwaitingVectors).toBe((await none.status()).totals.indexed);
    expect(nothing.semantic.problem?.code).toBe('LICENSE_NOT_ACCEPTED');
    await none.runtime.dispose();

    // No model in reach: the new folder is indexed for keywords only.
    const keywordOnly = await open(dataDir, { modelDir: join(await tempDir(), 'no-model-here') });
    expect(await keywordOnly.index()).toMatchObject({ state: 'done' });
    const withoutModel = await search(keywordOnly, { query: 'Schengen' });
    expect(withoutModel.files[0]).toMatchObject({ name: 'fr-iso-8859-1-visa.txt', awaitingVectors: true });
    expect(withoutModel.semantic.state).toBe('unavailable');
    expect(withoutModel.semantic.filesAwaitingVectors).toBeGreaterThan(5);
    await keywordOnly.runtime.dispose();

    // The model is back but the vectors are not made yet: semantic search says how many files it cannot see.
    const back = await open(dataDir, { modelDir: tinyDir });
    const semantic = await search(back, { query: 'Schengen', mode: 'semantic' });
    expect(semantic.semantic).toMatchObject({ state: 'used' });
    expect(semantic.semantic.filesAwaitingVectors).toBe(withoutModel.semantic.filesAwaitingVectors);
    expect(semantic.files.some((f) => f.path.startsWith(root))).toBe(false);
    const hybrid = await search(back, { query: 'Schengen' });
    expect(hybrid.files[0]).toMatchObject({ name: 'fr-iso-8859-1-visa.txt', awaitingVectors: true });
  });
});

describe.skipIf(corpus.skip)('Matryoshka at search time (small synthetic model: 256 dims)', () => {
  it('searches at fewer dims from derived vectors, without any encoder call', async () => {
    const modelDir = await ensureSyntheticModel('small');
    const root = await tempDir();
    await copyCorpus([ENCODINGS], root);
    const index = await indexed({ modelDir, root: await tempDir() });
    expect((await index.runtime.invoke('roots.add', { path: root })).ok).toBe(true);
    await index.index();

    const full = await search(index, { query: 'character encoding standard', mode: 'semantic' });
    expect(full.semantic).toMatchObject({ state: 'used', dimsUsed: 256, queryCached: false });
    const embed = vi.spyOn(Encoder.prototype, 'embed');
    try {
      const small = await search(index, { query: 'character encoding standard', mode: 'semantic', dims: 64 });
      expect(embed).not.toHaveBeenCalled();
      expect(small.semantic).toMatchObject({ state: 'used', dimsRequested: 64, dimsUsed: 64, queryCached: true });
      expect(small.files.length).toBeGreaterThan(0);
      const store = await index.store();
      const source = small.semantic.provenance;
      if (!source) throw new Error('no provenance reported');
      expect(await store.vectorRowCount({ ...source, dims: 64 })).toBe(await store.vectorRowCount(source));
    } finally {
      embed.mockRestore();
    }

    // Derived = encoded at 64: the similarity reported equals the cosine of the passage encoded at 64 dims.
    const small = await search(index, { query: 'character encoding standard', mode: 'semantic', dims: 64 });
    const best = small.files[0]?.passages[0];
    const store = await index.store();
    const [chunk] = await store.getChunksByIds([best?.chunkId ?? '']);
    const embedded = value(
      await index.runtime.invoke('embed', {
        texts: ['character encoding standard', chunk?.text ?? ''],
        task: 'retrieval.query',
        dims: 64,
      }),
    );
    const passage = value(
      await index.runtime.invoke('embed', { texts: [chunk?.text ?? ''], task: 'retrieval.passage', dims: 64 }),
    );
    const q = embedded.embeddings[0]?.vector ?? [];
    const p = passage.embeddings[0]?.vector ?? [];
    const cosine = q.reduce((sum, v, i) => sum + v * (p[i] ?? 0), 0);
    expect(best?.similarity).toBeCloseTo(cosine, 3);
  }, 180_000);
});
