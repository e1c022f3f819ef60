import { describe, expect, it } from 'vitest';

import { pairDetail, runDupes } from '../../../electron/engine/explore/dupes';
import type { DiffSegment } from '../../../shared';
import { ExplorePairSchema, PolyseekError } from '../../../shared';
import { useTempDirs } from '../../fixtures/temp-dir';
import { unitVector } from '../store/support';
import { DEFAULTS, DIMS, fixtureStore, perturbed, workOver, type FixtureFile } from './dupes-support';

const tempDir = useTempDirs();
const v = (seed: string): Float32Array => unitVector(seed, DIMS);

const EN_A = ['The quick brown fox jumps over the lazy dog.', 'A second passage, unchanged.', 'Only in a.'];
const EN_B = ['The quick red fox jumps over the lazy dog.', 'A second passage, unchanged.', 'Only in b.'];
const JA_A = ['東京都に住んでいます。毎日電車で会社に行きます。', '週末は公園で本を読みます。'];
const JA_B = ['大阪府に住んでいます。毎日電車で会社に行きます。', '週末は公園で本を読みます。'];
const DE = ['Der schnelle braune Fuchs springt über den faulen Hund.', 'Ein zweiter Abschnitt.', 'Nur in a.'];

const FILES: FixtureFile[] = [
  // Listed b before a on purpose: the report orders pairs by path, the view by what is asked.
  { path: '/en/a.txt', texts: EN_A, vectors: [v('en0'), v('en1'), v('en-a')] },
  { path: '/en/b.txt', texts: EN_B, vectors: [perturbed(v('en0'), 'b', 0.2), v('en1'), v('en-b')], hash: 'b' },
  // An exact copy of b (same bytes): it took part as b, and can be asked about under its own name.
  { path: '/en/copy of b.txt', texts: EN_B, vectors: [perturbed(v('en0'), 'b', 0.2), v('en1'), v('en-b')], hash: 'b' },
  { path: '/ja/a.txt', texts: JA_A, vectors: [v('ja0'), v('ja1')], language: 'ja' },
  { path: '/ja/b.txt', texts: JA_B, vectors: [perturbed(v('ja0'), 'j', 0.2), v('ja1')], language: 'ja' },
  // A translation of /en/a.txt: text-matching puts it next to the original.
  { path: '/en/a.de.txt', texts: DE, vectors: [v('en0'), v('en1'), v('de-only')], language: 'de' },
];

const changedText = (segments: readonly DiffSegment[]): string[] =>
  segments.filter((segment) => segment.changed).map((segment) => segment.text);
const joined = (segments: readonly DiffSegment[]): string => segments.map((segment) => segment.text).join('');

async function setup() {
  const store = await fixtureStore(await tempDir(), FILES);
  const outcome = await runDupes(await workOver(store), DEFAULTS);
  return { store, outcome };
}

describe('pairDetail', () => {
  it('lists matched passages in a’s order with exactly the edited words marked', async () => {
    const { store, outcome } = await setup();
    const detail = ExplorePairSchema.parse(await pairDetail(store, outcome, '/en/b.txt', '/en/a.txt'));
    expect(detail.a.path).toBe('/en/b.txt');
    expect(detail.b).toMatchObject({ path: '/en/a.txt', passages: 3, language: 'en' });
    expect(detail.pair).toMatchObject({ a: '/en/b.txt', b: '/en/a.txt', relation: 'near', crossLanguage: false });
    expect(detail.crossLanguage).toBe(false);
    // The third passages differ in meaning (unrelated vectors): not listed.
    expect(detail.passages.map((passage) => [passage.a.ordinal, passage.b.ordinal])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const [first, second] = detail.passages;
    expect(changedText(first?.a.segments ?? [])).toEqual(['red']);
    expect(changedText(first?.b.segments ?? [])).toEqual(['brown']);
    expect(joined(first?.a.segments ?? [])).toBe(EN_B[0]);
    expect(joined(first?.b.segments ?? [])).toBe(EN_A[0]);
    expect(first?.similarity).toBeLessThan(1);
    expect(first?.a.location).toBe('lines 1–9');
    expect(second?.a.segments).toEqual([{ text: EN_B[1], changed: false }]);
    expect(second?.similarity).toBeCloseTo(1, 5);
    await store.close();
  });

  it('compares an exact copy as the file it copies, under its own name', async () => {
    const { store, outcome } = await setup();
    expect(outcome.report.exact.map((group) => group.files.map((file) => file.path))).toEqual([
      ['/en/b.txt', '/en/copy of b.txt'],
    ]);
    const detail = await pairDetail(store, outcome, '/en/copy of b.txt', '/en/a.txt');
    expect(detail.a.path).toBe('/en/copy of b.txt');
    expect(detail.pair).toMatchObject({ a: '/en/copy of b.txt', b: '/en/a.txt', relation: 'near' });
    expect(changedText(detail.passages[0]?.a.segments ?? [])).toEqual(['red']);
    await expect(pairDetail(store, outcome, '/en/copy of b.txt', '/en/b.txt')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('same bytes') as string,
    });
    await store.close();
  });

  it('segments Japanese into words', async () => {
    const { store, outcome } = await setup();
    const detail = await pairDetail(store, outcome, '/ja/a.txt', '/ja/b.txt');
    const [first, second] = detail.passages;
    expect(changedText(first?.a.segments ?? [])).toEqual(['東京都']);
    expect(changedText(first?.b.segments ?? [])).toEqual(['大阪府']);
    expect(joined(first?.b.segments ?? [])).toBe(JA_B[0]);
    expect(changedText(second?.a.segments ?? [])).toEqual([]);
    await store.close();
  });

  it('leaves a translation unmarked', async () => {
    const { store, outcome } = await setup();
    const detail = await pairDetail(store, outcome, '/en/a.txt', '/en/a.de.txt');
    expect(detail.crossLanguage).toBe(true);
    expect(detail.pair).toMatchObject({ relation: 'near', crossLanguage: true, shareA: 2 / 3, shareB: 2 / 3 });
    expect(detail.passages.map((passage) => passage.b.segments)).toEqual([
      [{ text: DE[0], changed: false }],
      [{ text: DE[1], changed: false }],
    ]);
    expect(detail.passages[0]?.a.segments).toEqual([{ text: EN_A[0], changed: false }]);
    await store.close();
  });

  it('refuses a pair the report does not list, naming both files', async () => {
    const { store, outcome } = await setup();
    const refused = pairDetail(store, outcome, '/en/a.txt', '/ja/a.txt');
    await expect(refused).rejects.toBeInstanceOf(PolyseekError);
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('/en/a.txt and /ja/a.txt') as string,
    });
    await store.close();
  });
});
