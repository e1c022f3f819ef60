// Real kill -9 at random moments (inside LanceDB writes, not only between them): after each restart
// the index opens, recovers and is consistent — no duplicate ids, no orphans, counts that match.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { IndexStore } from '../../../electron/engine/store';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const CHILD = join(import.meta.dirname, 'kill-child.ts');
const KILLS = 10;

/** Starts the writer, waits until it has written `rounds` rounds plus a random extra delay, kills it. */
function writeThenKill(dir: string, rounds: number, extraMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    child.stdout.on('data', (data: Buffer) => {
      out += data.toString();
      if (!killing && (out.match(/^round /gmu)?.length ?? 0) >= rounds) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (data: Buffer) => (err += data.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`writer exited with ${code ?? signal}: ${err.slice(-2000)}`));
    });
  });
}

describe('kill -9 during index writes', () => {
  it(`stays consistent across ${KILLS} kills at random moments`, { timeout: 180_000 }, async () => {
    const dir = await tempDir();
    // A seeded walk of delays (no Math.random: a failure must be reproducible).
    let seed = 12_345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const output = await writeThenKill(dir, 1 + Math.floor(next() * 3), Math.floor(next() * 150));
      expect(output).toMatch(/^open /mu);
      const store = await IndexStore.open(dir);
      try {
        const report = await store.checkConsistency();
        expect(report, `after kill ${kill}`).toEqual({
          duplicateIds: 0,
          orphanChunks: 0,
          orphanVectors: 0,
          countMismatches: [],
        });
        for (const file of await store.listFiles({ status: 'indexed' })) {
          const rows = await store.getChunks(file.path);
          const version = /^v(\d+)-f(\d+)$/u.exec(file.hash);
          expect(version, file.hash).not.toBeNull();
          const [, v, i] = version ?? [];
          expect(rows.length).toBe(((Number(i) + Number(v)) % 4) + 1);
          expect(rows.every((row) => row.text.includes(`version ${v} `))).toBe(true);
        }
      } finally {
        await store.close();
      }
    }
  });
});
