import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { JobLock } from '../../../../electron/engine/model/job-lock';
import { ModelJobs } from '../../../../electron/engine/model/jobs';
import { PolyseekError, type PolyseekEvent } from '../../../../shared';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();

async function jobs() {
  const events: PolyseekEvent[] = [];
  const lockPath = join(await tempDir(), 'job.lock');
  const runner = new ModelJobs({ lock: new JobLock(lockPath), emit: (e) => events.push(e), emitIntervalMs: 0 });
  return { runner, events, lockPath };
}

describe('ModelJobs', () => {
  it('runs one job at a time and reports its progress and outcome as events', async () => {
    const { runner, events } = await jobs();
    let finish: (message: string) => void = () => undefined;
    const job = await runner.start('download', 'fp32', (context) => {
      context.update({ file: { path: 'a', bytes: 5, total: 10 }, bytes: 5, total: 10, message: 'downloading a' });
      return new Promise((resolve) => (finish = resolve));
    });
    expect(job).toMatchObject({ kind: 'download', state: 'running', variant: 'fp32' });
    await expect(runner.start('verify', null, () => Promise.resolve('x'))).rejects.toMatchObject({
      code: 'JOB_RUNNING',
    });
    finish('all done');
    expect(await runner.wait()).toMatchObject({ state: 'done', message: 'all done', error: null });
    const payloads = events.map((e) => (e.name === 'model.progress' ? e.payload : null));
    expect(payloads.map((p) => p?.state)).toEqual(['running', 'running', 'done']);
    expect(payloads[1]).toMatchObject({ file: { path: 'a', bytes: 5, total: 10 }, bytes: 5, total: 10 });
    // The next job may start as soon as the last one is reported finished.
    await expect(runner.start('verify', null, () => Promise.resolve('ok'))).resolves.toMatchObject({
      state: 'running',
    });
    expect(await runner.wait()).toMatchObject({ state: 'done' });
  });

  it('keeps the stable code of a failure and tells cancellation apart', async () => {
    const { runner } = await jobs();
    await runner.start('verify', null, () => Promise.reject(new PolyseekError('CHECKSUM_MISMATCH', 'x is wrong')));
    expect(await runner.wait()).toMatchObject({
      state: 'failed',
      error: { code: 'CHECKSUM_MISMATCH', message: 'x is wrong' },
    });

    await runner.start(
      'download',
      'fp16',
      ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    expect(runner.cancel()).toBe(true);
    expect(await runner.wait()).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(runner.cancel()).toBe(false);
  });

  it('refuses while another live process holds the profile lock, and takes over a stale one', async () => {
    const { runner, lockPath } = await jobs();
    const lock = { host: hostname(), kind: 'download', startedAt: '2026-01-01T00:00:00Z' };
    await writeFile(lockPath, JSON.stringify({ ...lock, pid: process.pid }));
    await expect(runner.start('verify', null, () => Promise.resolve('x'))).rejects.toMatchObject({
      code: 'JOB_RUNNING',
      message: expect.stringContaining(`pid ${process.pid}`) as string,
    });
    await writeFile(lockPath, JSON.stringify({ ...lock, pid: 2 ** 22 + 12345 }));
    await runner.start('verify', null, () => Promise.resolve('x'));
    expect(await runner.wait()).toMatchObject({ state: 'done' });
  });
});
