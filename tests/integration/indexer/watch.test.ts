import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';
import { ACCEPT, useIndexRuntimes } from './support';

const tempDir = useTempDirs();
const open = useIndexRuntimes();
let modelDir = '';

beforeAll(async () => {
  modelDir = await ensureSyntheticModel('tiny');
});

/** "Within a few seconds": the watcher's debounce plus one small job. */
const WITHIN = { timeout: 8000, interval: 100 };

describe('watch mode', () => {
  it('picks up added, changed and deleted files, and survives its folder vanishing', async () => {
    const base = await tempDir();
    const root = join(base, 'notes');
    await mkdir(root);
    await writeFile(join(root, 'first.md'), '# First\n\nThe harbour master keeps the tide tables.\n');
    const { runtime, store, status } = await open(await tempDir(), { modelDir, watchDebounceMs: 150 });
    await runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } });
    await runtime.invoke('license.accept', ACCEPT);
    await runtime.invoke('roots.add', { path: root });
    expect((await runtime.invoke('index.start', { watch: true })).ok).toBe(true);
    await runtime.engine.indexer.waitForIdle();
    const db = await store();
    const chunksOf = async (name: string) => (await db.getChunks(join(root, name))).map((c) => c.text).join(' ');
    expect(await chunksOf('first.md')).toContain('harbour master');
    expect((await status()).watching).toBe(true);

    await writeFile(join(root, 'second.txt'), 'Lighthouse keepers log the weather every hour.\n');
    await expect.poll(() => chunksOf('second.txt'), WITHIN).toContain('Lighthouse keepers');

    await writeFile(join(root, 'first.md'), '# First\n\nThe ferry timetable changed in spring.\n');
    await expect.poll(() => chunksOf('first.md'), WITHIN).toContain('ferry timetable');
    expect(await chunksOf('first.md')).not.toContain('harbour master');

    await rm(join(root, 'second.txt'));
    await expect.poll(() => db.getFile(join(root, 'second.txt')), WITHIN).toBeNull();

    // Excluded on the way in: a hidden file never reaches the index.
    await writeFile(join(root, '.draft.md'), 'secret draft');
    await writeFile(join(root, 'third.md'), 'Fog horns sound twice a minute.');
    await expect.poll(() => chunksOf('third.md'), WITHIN).toContain('Fog horns');
    expect(await db.getFile(join(root, '.draft.md'))).toBeNull();

    // The folder goes away (an unplugged drive, say) and comes back under its name.
    await rename(root, join(base, 'away'));
    await expect.poll(async () => (await status()).roots[0]?.exists, WITHIN).toBe(false);
    await rename(join(base, 'away'), root);
    await writeFile(join(root, 'fourth.md'), 'Buoys are repainted every autumn.');
    await expect.poll(() => chunksOf('fourth.md'), { timeout: 15_000, interval: 200 }).toContain('Buoys');
    expect((await status()).roots[0]?.exists).toBe(true);
    expect(await db.checkConsistency()).toMatchObject({ duplicateIds: 0, orphanChunks: 0, countMismatches: [] });

    const stopped = await runtime.invoke('index.cancel', {});
    expect(stopped.ok && stopped.value.watching).toBe(false);
  });
});
