import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { IndexStore } from '../../../electron/engine/store';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const REPO = resolve(import.meta.dirname, '../../..');
const CHILD = join(REPO, 'tests', 'fixtures', 'indexer-child.ts');
const KILLS = 20;
const corpus = corpusAvailability();
const tempDir = useTempDirs();
let modelDir = '';

/** Text in legacy encodings, CSV, and PDFs (one encrypted: a per-file error) — every pipeline stage. */
const SUBSET = [
  '03-web-markup-text/encodings',
  '03-web-markup-text/plain-csv',
  '01-pdf/mixed/multilang.pdf',
  '01-pdf/errors/encrypted-password-test.pdf',
  '04-parallel/udhr',
];

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  modelDir = await ensureSyntheticModel('tiny');
});

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
}

/** Runs the child; with `killAfterMs` it is SIGKILLed then (if still running). */
function runChild(dataDir: string, root: string, killAfterMs?: number): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, root, modelDir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((done, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code !== 0 && signal === null)
        reject(new Error(`the indexing child failed (exit ${String(code)}):\n${stderr}`));
      else done({ code, signal, ms: performance.now() - started });
    });
  });
}

/** path → [status, chunk count], read through a freshly opened store (which recovers first). */
async function snapshot(dataDir: string): Promise<{
  files: Map<string, [string, number]>;
  consistency: Awaited<ReturnType<IndexStore['checkConsistency']>>;
}> {
  const store = await IndexStore.open(join(dataDir, 'index'));
  try {
    const files = new Map<string, [string, number]>();
    for (const file of await store.listFiles()) {
      files.set(file.path, [file.status, (await store.getChunks(file.path)).length]);
    }
    return { files, consistency: await store.checkConsistency() };
  } finally {
    await store.close();
  }
}

const CLEAN = { duplicateIds: 0, orphanChunks: 0, countMismatches: [] };

describe.skipIf(corpus.skip)('kill -9 while indexing', () => {
  it(`leaves a consistent index after each of ${KILLS} kills, and finishes equal to a clean run`, async () => {
    const root = await tempDir();
    await copyCorpus(SUBSET, root);
    const churn = join(root, 'churn');

    // The reference: one uninterrupted run over the original files.
    const cleanDir = await tempDir();
    const clean = await runChild(cleanDir, root);
    expect(clean.code).toBe(0);
    const reference = await snapshot(cleanDir);
    expect(reference.consistency).toMatchObject(CLEAN);
    expect([...reference.files.values()].filter(([s]) => s === 'indexed').length).toBeGreaterThan(10);

    const dataDir = await tempDir();
    const kills: number[] = [];
    for (let i = 0; i < KILLS; i += 1) {
      // New work every round, so later kills still land mid-run: files added and one removed.
      await writeFile(join(root, `churn-${i}-a.txt`), `Round ${i}: the quay was resurfaced.\n`.repeat(40 + i));
      await writeFile(join(root, `churn-${i}-b.md`), `# Round ${i}\n\nBuoy ${i} was repainted.\n`);
      if (i > 0) await rm(join(root, `churn-${i - 1}-b.md`));
      const delay = Math.round(300 + Math.random() * Math.max(500, clean.ms));
      kills.push(delay);
      await runChild(dataDir, root, delay);

      const after = await snapshot(dataDir);
      expect({ round: i, delay, ...after.consistency }).toMatchObject({ round: i, delay, ...CLEAN });
      // Every file the store calls indexed has exactly the chunks a clean run gave it.
      for (const [path, [status, chunks]] of after.files) {
        const expected = reference.files.get(path);
        if (status !== 'indexed' || !expected) continue;
        expect({ round: i, path, chunks }).toEqual({ round: i, path, chunks: expected[1] });
      }
    }
    console.info(`kill -9 delays (ms): ${kills.join(', ')}`);

    const last = await runChild(dataDir, root);
    expect(last.code).toBe(0);
    const final = await snapshot(dataDir);
    expect(final.consistency).toMatchObject(CLEAN);
    const finalClean = await tempDir();
    await runChild(finalClean, root);
    const expected = await snapshot(finalClean);
    expect(Object.fromEntries(final.files)).toEqual(Object.fromEntries(expected.files));
    void churn;
  }, 900_000);
});
