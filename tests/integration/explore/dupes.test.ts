import { describe, expect, it } from 'vitest';

import { runDupes } from '../../../electron/engine/explore/dupes';
import { pairKey, type DupesOutcome } from '../../../electron/engine/explore/work';
import { chunkId, sqlStartsWith, type IndexStore } from '../../../electron/engine/store';
import { DupesReportSchema, type DupePair } from '../../../shared';
import { useTempDirs } from '../../fixtures/temp-dir';
import { unitVector } from '../store/support';
import { cosine, DEFAULTS, DIMS, fixtureStore, perturbed, workOver, type FixtureFile } from './dupes-support';

const tempDir = useTempDirs();

const v = (seed: string): Float32Array => unitVector(seed, DIMS);
const base = Array.from({ length: 6 }, (_, i) => v(`base-${i}`));
const baseTexts = base.map((_, i) => `Passage ${i} of the report says something.`);
/** Chunk 2 edited lightly (still a match at 0.9), chunk 4 rewritten (no match). */
const lightEdit = perturbed(base[2] as Float32Array, 'edit', 0.25);

const FILES: FixtureFile[] = [
  { path: '/root/a.txt', texts: baseTexts, vectors: base, hash: 'same-bytes' },
  { path: '/root/a-copy.txt', texts: baseTexts, vectors: base, hash: 'same-bytes' },
  { path: '/root/a-copy2.txt', texts: baseTexts, vectors: base, hash: 'same-bytes' },
  {
    path: '/root/b.txt',
    texts: baseTexts.map((text, i) => (i === 2 ? text.replace('says', 'claims') : i === 4 ? 'Rewritten.' : text)),
    vectors: base.map((vector, i) => (i === 2 ? lightEdit : i === 4 ? v('rewritten') : vector)),
  },
  // An excerpt: two of a's passages and nothing else.
  { path: '/root/excerpt.txt', texts: baseTexts.slice(0, 2), vectors: base.slice(0, 2) },
  // Quotes one passage of a among seven of its own: shares 1/8 and 1/6.
  {
    path: '/root/quotes.txt',
    texts: [...Array.from({ length: 7 }, (_, i) => `Own text ${i}.`), baseTexts[5] ?? ''],
    vectors: [...Array.from({ length: 7 }, (_, i) => v(`quotes-${i}`)), base[5] as Float32Array],
  },
  {
    path: '/root/unrelated.txt',
    texts: ['One.', 'Two.', 'Three.'],
    vectors: [v('u0'), v('u1'), v('u2')],
  },
  {
    path: '/root/sub/x.txt',
    texts: ['X one.', 'X two.'],
    vectors: [v('x0'), v('x1')],
  },
  {
    path: '/root/sub/y.txt',
    texts: ['X one.', 'X two!'],
    vectors: [v('x0'), perturbed(v('x1'), 'y', 0.2)],
  },
  { path: '/root/empty.txt', texts: [], vectors: [], hash: 'empty' },
];

function pairOf(outcome: DupesOutcome, a: string, b: string): DupePair | undefined {
  const all = [...outcome.report.groups.flatMap((group) => group.pairs), ...outcome.report.shared];
  return all.find((pair) => pairKey(pair.a, pair.b) === pairKey(a, b));
}

async function store(): Promise<IndexStore> {
  return fixtureStore(await tempDir(), FILES);
}

describe('runDupes', () => {
  it('finds exact copies by hash, near and contained groups, shared passages, and nothing else', async () => {
    const index = await store();
    const progress: [number, number][] = [];
    const outcome = await runDupes(
      await workOver(index, { progress: (done, total) => progress.push([done, total]) }),
      DEFAULTS,
    );
    const { report } = outcome;
    DupesReportSchema.omit({ synthetic: true }).parse(report);
    expect(report.files).toBe(FILES.length);
    expect(report.passages).toBe(FILES.reduce((sum, file) => sum + file.texts.length, 0));

    // Exact: the three equal files; the empty one is left out.
    expect(report.exact).toHaveLength(1);
    expect(report.exact[0]?.files.map((file) => file.path)).toEqual([
      '/root/a-copy.txt',
      '/root/a-copy2.txt',
      '/root/a.txt',
    ]);
    expect(report.exact[0]?.files[0]?.passages).toBe(6);

    // a-copy.txt stands for its copies (first by path); b, the excerpt and a copy group with it.
    const [group, subGroup, ...others] = report.groups;
    expect(others).toEqual([]);
    expect(group?.files.map((file) => file.path)).toEqual(['/root/a-copy.txt', '/root/b.txt', '/root/excerpt.txt']);
    expect(subGroup?.files.map((file) => file.path)).toEqual(['/root/sub/x.txt', '/root/sub/y.txt']);

    const near = pairOf(outcome, '/root/a-copy.txt', '/root/b.txt');
    expect(near).toMatchObject({ relation: 'near', shareA: 5 / 6, shareB: 5 / 6, matchedPassages: 5 });
    expect(near?.crossLanguage).toBe(false);
    const expected = (4 + cosine(base[2] as Float32Array, lightEdit)) / 5;
    expect(near?.similarity).toBeCloseTo(expected, 5);
    expect(near?.similarity).toBeLessThan(1);

    const contained = pairOf(outcome, '/root/a-copy.txt', '/root/excerpt.txt');
    expect(contained).toMatchObject({ relation: 'contained', shareA: 2 / 6, shareB: 1, matchedPassages: 2 });
    expect(pairOf(outcome, '/root/b.txt', '/root/excerpt.txt')?.relation).toBe('contained');

    // Quoting one passage is sharing, not duplication.
    expect(report.shared.map((pair) => [pair.a, pair.b])).toEqual([
      ['/root/a-copy.txt', '/root/quotes.txt'],
      ['/root/b.txt', '/root/quotes.txt'],
    ]);
    expect(pairOf(outcome, '/root/a-copy.txt', '/root/quotes.txt')).toMatchObject({
      relation: 'shared',
      shareA: 1 / 6,
      shareB: 1 / 8,
      matchedPassages: 1,
    });

    // Nothing with the unrelated file, and no pair names a non-first copy.
    const paths = [...report.groups.flatMap((g) => g.pairs), ...report.shared].flatMap((pair) => [pair.a, pair.b]);
    expect(paths).not.toContain('/root/unrelated.txt');
    expect(paths).not.toContain('/root/a.txt');
    expect(paths).not.toContain('/root/a-copy2.txt');

    // Matches kept per listed pair, as chunk ids of the pair's own files.
    const matches = outcome.matches[pairKey('/root/a-copy.txt', '/root/b.txt')] ?? [];
    expect(matches).toHaveLength(5);
    const ids = new Set(matches.flatMap((match) => [match.a, match.b]));
    expect(ids.has(chunkId('/root/a-copy.txt', 'same-bytes', 0))).toBe(true);
    expect(ids.has(chunkId('/root/b.txt', 'hash-of-/root/b.txt', 0))).toBe(true);
    expect(Object.keys(outcome.matches).sort()).toEqual(
      [...report.groups.flatMap((g) => g.pairs), ...report.shared].map((pair) => pairKey(pair.a, pair.b)).sort(),
    );

    // Progress over the representatives' passages (copies are not compared again), ending done.
    const total = report.passages - 12;
    expect(progress.at(0)).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    await index.close();
  });

  it('respects the threshold', async () => {
    const index = await store();
    const outcome = await runDupes(await workOver(index), { threshold: 0.99, minShare: 0.5 });
    // The lightly edited passage (cosine ≈ 0.97) no longer matches.
    expect(pairOf(outcome, '/root/a-copy.txt', '/root/b.txt')).toMatchObject({
      relation: 'near',
      shareA: 4 / 6,
      shareB: 4 / 6,
      similarity: expect.closeTo(1, 5) as number,
    });
    expect(pairOf(outcome, '/root/sub/x.txt', '/root/sub/y.txt')?.shareA).toBe(0.5);
    const strict = await runDupes(await workOver(index), { threshold: 0.99, minShare: 0.7 });
    expect(pairOf(strict, '/root/a-copy.txt', '/root/b.txt')?.relation).toBe('shared');
    await index.close();
  });

  it('looks only inside the scope', async () => {
    const index = await store();
    const where = sqlStartsWith('path', '/root/sub/');
    const outcome = await runDupes(
      await workOver(index, { where, keep: (file) => file.path.startsWith('/root/sub/') }),
      DEFAULTS,
    );
    expect(outcome.report.files).toBe(2);
    expect(outcome.report.exact).toEqual([]);
    expect(outcome.report.groups.map((group) => group.files.map((file) => file.path))).toEqual([
      ['/root/sub/x.txt', '/root/sub/y.txt'],
    ]);
    expect(outcome.report.shared).toEqual([]);

    // A scope without the copies' first file: the next copy stands for the group.
    const noFirst = await runDupes(
      await workOver(index, { where: "path != '/root/a-copy.txt'", keep: (file) => file.path !== '/root/a-copy.txt' }),
      DEFAULTS,
    );
    expect(noFirst.report.groups[0]?.files.map((file) => file.path)).toEqual([
      '/root/a-copy2.txt',
      '/root/b.txt',
      '/root/excerpt.txt',
    ]);
    await index.close();
  });

  it('asks again without the passage’s own file when that file crowds its nearest rows', async () => {
    const repeated = v('repeated');
    const index = await fixtureStore(await tempDir(), [
      {
        path: '/r/boilerplate.txt',
        texts: Array.from({ length: 200 }, () => 'Same.'),
        vectors: Array(200).fill(repeated),
      },
      { path: '/r/once.txt', texts: ['Same.'], vectors: [repeated] },
    ]);
    const outcome = await runDupes(await workOver(index), DEFAULTS);
    expect(pairOf(outcome, '/r/boilerplate.txt', '/r/once.txt')).toMatchObject({
      relation: 'near',
      shareA: 1,
      shareB: 1,
      matchedPassages: 200,
    });
    await index.close();
  });

  it('stops when the signal aborts', async () => {
    const index = await store();
    const controller = new AbortController();
    const work = await workOver(index, { signal: controller.signal, progress: () => controller.abort() });
    await expect(runDupes(work, DEFAULTS)).rejects.toMatchObject({ name: 'AbortError' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(runDupes(await workOver(index, { signal: aborted.signal }), DEFAULTS)).rejects.toMatchObject({
      name: 'AbortError',
    });
    await index.close();
  });
});
