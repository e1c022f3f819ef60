import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { PolyseekError } from '../../../shared';
import { writeFileAtomic } from '../settings/atomic-write';

/**
 * What the evaluation lab and Explore share: one background job at a time with cancel, saved as a JSON
 * file per job, and progress events that carry a rising revision (a command's answer and the events race
 * to a client, which keeps the highest).
 */

/** `<time>-<random>`: sorts by start, unique enough for one profile. */
export function newJobId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

const JOB_ID = /^[A-Za-z0-9_-]{1,80}$/u;

/** One JSON file per job in `dir`; `what` names a job in errors ("evaluation run", "Explore job"). */
export class JobFiles {
  constructor(
    private readonly dir: string,
    private readonly what: string,
  ) {}

  async save(id: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(join(this.dir, `${id}.json`), JSON.stringify(value));
  }

  /** The file's JSON; INVALID_INPUT for an id that is not one, or a job that does not exist. */
  async load(id: string): Promise<unknown> {
    if (!JOB_ID.test(id)) throw new PolyseekError('INVALID_INPUT', `not a job id: ${id}`);
    let text: string;
    try {
      text = await readFile(join(this.dir, `${id}.json`), 'utf8');
    } catch {
      throw new PolyseekError('INVALID_INPUT', `no ${this.what} ${id}`);
    }
    return JSON.parse(text) as unknown;
  }

  /** Every saved job's id (none when the folder does not exist yet). */
  async ids(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5));
    } catch {
      return [];
    }
  }
}

/**
 * The one job slot: launches a job in the background and frees the slot before the job's last save and
 * event — a client that starts the next job on that event must not be told one is running — while reads
 * of the ending job's file (`isLive`) still treat it as live until it is saved. `idle()` waits for all
 * of it.
 */
export class JobSlot {
  private current: { id: string; controller: AbortController } | null = null;
  private last: Promise<void> = Promise.resolve();
  private settling: string | null = null;

  /** Throws JOB_RUNNING, saying which job, when one runs. */
  assertFree(describe: (id: string) => string): void {
    if (this.current) throw new PolyseekError('JOB_RUNNING', describe(this.current.id));
  }

  /**
   * Runs `work` in the background; then `ended` (with the error, or null) brings the job's state up to
   * date, the slot is freed, `save` writes the file and `announce` sends the last event.
   */
  launch(
    id: string,
    work: (signal: AbortSignal) => Promise<void>,
    end: {
      readonly ended: (error: unknown, aborted: boolean) => void | Promise<void>;
      readonly save: () => Promise<void>;
      readonly announce: () => void;
    },
  ): void {
    const controller = new AbortController();
    this.current = { id, controller };
    this.last = work(controller.signal)
      .then(
        () => end.ended(null, false),
        (error: unknown) => end.ended(error, controller.signal.aborted),
      )
      .then(async () => {
        this.current = null;
        this.settling = id;
        await end.save().catch(() => undefined);
        this.settling = null;
        end.announce();
      });
  }

  cancel(id: string): boolean {
    if (this.current?.id !== id || this.current.controller.signal.aborted) return false;
    this.current.controller.abort();
    return true;
  }

  /** Running, or ended with its file not yet written: a saved "running" state is not an interruption. */
  isLive(id: string): boolean {
    return this.current?.id === id || this.settling === id;
  }

  /** Waits for the last job launched, its file and its last event (tests, the CLI). */
  async idle(): Promise<void> {
    await this.last;
  }

  async dispose(): Promise<void> {
    this.current?.controller.abort();
    await this.last;
  }
}

/** Progress events at most every `intervalMs` unless forced; each one sent raises the summary's revision. */
export class ProgressThrottle<S extends { revision: number }> {
  private lastSent = -Infinity;

  constructor(
    private readonly send: (summary: S) => void,
    private readonly intervalMs = 250,
  ) {}

  emit(summary: S, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastSent < this.intervalMs) return;
    this.lastSent = now;
    summary.revision += 1;
    this.send(summary);
  }
}
