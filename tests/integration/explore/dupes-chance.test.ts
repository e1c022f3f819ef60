import { describe, expect, it } from 'vitest';

import { runDupes } from '../../../electron/engine/explore/dupes';
import { chooseThreshold, MAX_AUTO_THRESHOLD } from '../../../electron/engine/explore/dupes-chance';
import { useTempDirs } from '../../fixtures/temp-dir';
import { unitVector } from '../store/support';
import { DIMS, fixtureStore, perturbed, workOver, type FixtureFile } from './dupes-support';

const tempDir = useTempDirs();

/**
 * A crowded space, as the synthetic models make (and as any anisotropic model can): every passage
 * within a few hundredths of every other. A fixed 0.9 calls all files duplicates of each other; the
 * automatic threshold rises to the scope's chance level and keeps only what is really the same.
 */
const centre = unitVector('centre', DIMS);
const crowded = (seed: string): Float32Array => perturbed(centre, seed, 0.15);

function file(name: string, vectors: Float32Array[]): FixtureFile {
  return { path: `/root/${name}.txt`, texts: vectors.map((_, i) => `${name} passage ${i}.`), vectors };
}

const original = Array.from({ length: 5 }, (_, i) => crowded(`original-${i}`));
const FILES: FixtureFile[] = [
  file('original', original),
  // A light edit: one passage changed, the rest the same text.
  file(
    'edited',
    original.map((vector, i) => (i === 3 ? crowded('edited-3') : vector)),
  ),
  ...Array.from({ length: 8 }, (_, f) =>
    file(
      `other-${f}`,
      Array.from({ length: 5 }, (_, i) => crowded(`o${f}-${i}`)),
    ),
  ),
];

describe('the automatic threshold', () => {
  it('rises to the chance level of a crowded space, so only the edited copy is a near-duplicate', async () => {
    const store = await fixtureStore(await tempDir(), FILES);
    const auto = (await runDupes(await workOver(store), { threshold: null, minShare: 0.5 })).report;
    expect(auto.chance).toBeGreaterThan(0.9);
    expect(auto).toMatchObject({ autoThreshold: true });
    expect(auto.threshold).toBeGreaterThan(0.9);
    expect(auto.groups.map((group) => group.files.map((f) => f.path))).toEqual([
      ['/root/edited.txt', '/root/original.txt'],
    ]);
    expect(auto.groups[0]?.pairs[0]).toMatchObject({ relation: 'near', shareA: 0.8, shareB: 0.8 });

    // A threshold given is used as given: at 0.9 this space matches everything with everything.
    const fixed = (await runDupes(await workOver(store), { threshold: 0.9, minShare: 0.5 })).report;
    expect(fixed).toMatchObject({ threshold: 0.9, autoThreshold: false });
    expect(fixed.groups[0]?.files.length).toBe(FILES.length);
    await store.close();
  });

  it('keeps 0.9 where unrelated passages are far apart, and never rises above 0.999', () => {
    expect(chooseThreshold(null, 0.42)).toBe(0.9);
    expect(chooseThreshold(null, null)).toBe(0.9);
    expect(chooseThreshold(null, 0.95)).toBe(0.95);
    expect(chooseThreshold(null, 1.03)).toBe(MAX_AUTO_THRESHOLD);
    expect(chooseThreshold(0.7, 1.03)).toBe(0.7);
  });
});
