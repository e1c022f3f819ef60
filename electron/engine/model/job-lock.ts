import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

import { z } from 'zod';

import { PolyseekError } from '../../../shared';

const LockSchema = z.strictObject({
  pid: z.int(),
  host: z.string(),
  kind: z.string(),
  startedAt: z.string(),
});

/**
 * A lock file in the profile so that two processes sharing it (the desktop app and a CLI, say) never run
 * model jobs at once: two downloads appending to one `.part` would corrupt it. A lock left by a process
 * that no longer exists on this machine is taken over.
 */
export class JobLock {
  private held = false;

  constructor(readonly path: string) {}

  async acquire(kind: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const record = JSON.stringify({ pid: process.pid, host: hostname(), kind, startedAt: new Date().toISOString() });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const handle = await open(this.path, 'wx');
        await handle.writeFile(record);
        await handle.close();
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await this.holder();
      if (holder && isAlive(holder)) {
        throw new PolyseekError(
          'JOB_RUNNING',
          `a model ${holder.kind} is running in another Polyseek process (pid ${holder.pid} on ${holder.host}, ` +
            `since ${holder.startedAt}); wait for it or cancel it there`,
        );
      }
      await rm(this.path, { force: true }); // stale: its process is gone
    }
    throw new PolyseekError('JOB_RUNNING', `could not take the model job lock ${this.path}`);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await rm(this.path, { force: true });
  }

  private async holder(): Promise<z.infer<typeof LockSchema> | null> {
    try {
      const parsed = LockSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

function isAlive(holder: z.infer<typeof LockSchema>): boolean {
  // A lock from another machine (a profile on a network share) cannot be checked: trust it.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
