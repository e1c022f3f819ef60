import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { JobFiles, JobSlot, newJobId, ProgressThrottle } from '../../../../electron/engine/jobs/background-job';

describe('the background job slot', () => {
  it('is free before the last event, and live until the job is saved', async () => {
    const slot = new JobSlot();
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const saving = new Promise<void>((resolve) => (release = resolve));
    slot.launch('a', () => Promise.resolve(), {
      ended: (error) => void seen.push(`ended ${String(error)}`),
      save: async () => {
        seen.push(`saving, live ${String(slot.isLive('a'))}`);
        // A client starting the next job now is not refused.
        slot.assertFree(() => 'busy');
        await saving;
      },
      announce: () => seen.push(`announced, live ${String(slot.isLive('a'))}`),
    });
    expect(() => slot.assertFree((id) => `job ${id} runs`)).toThrow('job a runs');
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await slot.idle();
    expect(seen).toEqual(['ended null', 'saving, live true', 'announced, live false']);
  });

  it('cancels only the running job, and tells ended it was cancelled', async () => {
    const slot = new JobSlot();
    let outcome: [unknown, boolean] | null = null;
    slot.launch(
      'b',
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))),
      {
        ended: (error, aborted) => void (outcome = [error, aborted]),
        save: () => Promise.resolve(),
        announce: () => undefined,
      },
    );
    expect(slot.cancel('other')).toBe(false);
    expect(slot.cancel('b')).toBe(true);
    expect(slot.cancel('b')).toBe(false);
    await slot.idle();
    expect(outcome).toEqual([new Error('stopped'), true]);
  });
});

describe('job files and progress', () => {
  it('saves, lists and loads jobs, refusing ids that are not ids and jobs that do not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polyseek-jobs-'));
    try {
      const files = new JobFiles(join(dir, 'jobs'), 'test job');
      expect(await files.ids()).toEqual([]);
      const id = newJobId();
      expect(id).toMatch(/^\d{14}-[0-9a-f]{6}$/u);
      await files.save(id, { n: 1 });
      expect(await files.ids()).toEqual([id]);
      expect(await files.load(id)).toEqual({ n: 1 });
      await expect(files.load('../settings')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(files.load('nope')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'no test job nope' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sends at most one unforced event per interval, each with a higher revision', () => {
    const sent: number[] = [];
    const throttle = new ProgressThrottle<{ revision: number }>((summary) => sent.push(summary.revision), 60_000);
    const summary = { revision: 0 };
    throttle.emit(summary);
    throttle.emit(summary);
    throttle.emit(summary, true);
    expect(sent).toEqual([1, 2]);
    expect(summary.revision).toBe(2);
  });
});
