import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createExtractorPool, ExtractError } from '../../../electron/engine/extract';

/** `expect.stringMatching`, typed (vitest types it `any`). */
const stringMatching = (pattern: RegExp): unknown => expect.stringMatching(pattern) as unknown;

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyseek-extract-pool-'));
  await writeFile(file('hello.txt'), 'Hello from a worker thread.\n');
  await writeFile(file('report.pdf'), 'not a pdf at all');
  // ~20 MB of prose: reading, decoding and splitting it takes far longer than 1 ms on any machine.
  await writeFile(file('big.txt'), 'All work and no play makes Jack a dull boy.\n'.repeat(450_000));
  // 15 MB of small objects in groups: JSON.parse grows the heap step by step past the 48 MiB the test
  // allows. (One giant array would be a single allocation, which V8 treats as fatal for the process.)
  const groups = Array.from({ length: 500 }, (_, g) => {
    const items = Array.from({ length: 1000 }, (_, i) => `{"k":"v${g}_${i}","n":[${i},${g}]}`);
    return `"g${g}":[${items.join(',')}]`;
  });
  await writeFile(file('huge.json'), `{${groups.join(',')}}`);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createExtractorPool', () => {
  it('extracts in worker threads and rejects with ExtractErrors that name the file', async () => {
    const pool = createExtractorPool({ size: 2 });
    try {
      const result = await pool.extract(file('hello.txt'));
      expect(result.segments[0]?.text).toBe('Hello from a worker thread.');
      const failure = await pool.extract(file('report.pdf')).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ExtractError);
      expect(failure).toMatchObject({ code: 'CORRUPT', message: stringMatching(/^report\.pdf: /) });
      await expect(pool.extract(file('missing.txt'))).rejects.toMatchObject({ code: 'READ_FAILED' });
    } finally {
      await pool.dispose();
    }
  });

  it('refuses files over the size cap before reading them', async () => {
    const pool = createExtractorPool({ size: 1, maxFileBytes: 1024 });
    try {
      await expect(pool.extract(file('big.txt'))).rejects.toMatchObject({
        code: 'TOO_LARGE',
        message: stringMatching(/^big\.txt: .*size cap/),
      });
    } finally {
      await pool.dispose();
    }
  });

  it('terminates a worker past its time limit, reports TIMEOUT and carries on with a fresh worker', async () => {
    const pool = createExtractorPool({ size: 1, timeoutMs: 60_000 });
    try {
      await expect(pool.extract(file('big.txt'), { timeoutMs: 1 })).rejects.toMatchObject({
        code: 'TIMEOUT',
        message: stringMatching(/^big\.txt: extraction took longer than/),
      });
      const next = await pool.extract(file('hello.txt'));
      expect(next.segments).toHaveLength(1);
    } finally {
      await pool.dispose();
    }
  });

  it('reports a worker that runs out of heap as OUT_OF_MEMORY and replaces it', async () => {
    const pool = createExtractorPool({ size: 1, maxMemoryMb: 48, timeoutMs: 120_000 });
    try {
      await expect(pool.extract(file('huge.json'))).rejects.toMatchObject({
        code: 'OUT_OF_MEMORY',
        message: stringMatching(/^huge\.json: .*48 MiB/),
      });
      expect((await pool.extract(file('hello.txt'))).segments).toHaveLength(1);
    } finally {
      await pool.dispose();
    }
  }, 120_000);

  it('cancels queued and running extractions through an AbortSignal', async () => {
    const pool = createExtractorPool({ size: 1 });
    try {
      const running = new AbortController();
      const queued = new AbortController();
      const first = pool.extract(file('big.txt'), { signal: running.signal });
      const second = pool.extract(file('hello.txt'), { signal: queued.signal });
      queued.abort();
      running.abort();
      await expect(first).rejects.toMatchObject({ name: 'AbortError' });
      await expect(second).rejects.toMatchObject({ name: 'AbortError' });
      await expect(pool.extract(file('hello.txt'), { signal: AbortSignal.abort() })).rejects.toMatchObject({
        name: 'AbortError',
      });
      expect((await pool.extract(file('hello.txt'))).segments).toHaveLength(1);
    } finally {
      await pool.dispose();
    }
  });

  it('refuses text too large for the memory limit instead of risking a process-wide abort', async () => {
    const pool = createExtractorPool({ size: 1, maxMemoryMb: 32 });
    try {
      await expect(pool.extract(file('big.txt'))).rejects.toMatchObject({
        code: 'TOO_LARGE',
        message: stringMatching(/^big\.txt: .*32 MiB memory limit/),
      });
    } finally {
      await pool.dispose();
    }
  });

  it('fails pending work when disposed and refuses new work after', async () => {
    const pool = createExtractorPool({ size: 1 });
    const pending = pool.extract(file('big.txt')).catch((error: unknown) => error);
    await pool.dispose();
    expect(await pending).toBeInstanceOf(ExtractError);
    await expect(pool.extract(file('hello.txt'))).rejects.toMatchObject({ code: 'READ_FAILED' });
  });
});
