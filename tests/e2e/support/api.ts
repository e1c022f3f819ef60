import { setTimeout as delay } from 'node:timers/promises';

import {
  commands,
  parseEvent,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type IndexJob,
} from '../../../shared';

/**
 * Calls a command on a running server the way the renderer does (POST /api/commands/<name>) and
 * validates the answer with the contract; a refusal throws with its code. Loopback servers without a
 * token only.
 */
export async function invoke<K extends CommandName>(
  url: string,
  name: K,
  input: CommandInput<K>,
): Promise<CommandOutput<K>> {
  const response = await fetch(`${url}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    ok?: unknown;
    value?: unknown;
    error?: { code?: unknown; message?: unknown };
  };
  if (body.ok !== true) {
    throw new Error(`${name} refused: ${String(body.error?.code)} ${String(body.error?.message)}`);
  }
  // The schema of command K parses to CommandOutput<K>; TypeScript cannot follow the indexed access.
  return commands[name].output.parse(body.value) as CommandOutput<K>;
}

/** The current (or last) indexing job, through `index.status`. */
export async function currentJob(url: string): Promise<IndexJob | null> {
  return (await invoke(url, 'index.status', {})).job;
}

/** Polls `index.status` until the job has finished (done, failed or cancelled) and returns it. */
export async function waitForJobToFinish(url: string, timeoutMs = 120_000): Promise<IndexJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await currentJob(url);
    if (job && job.state !== 'running' && job.state !== 'paused') return job;
    if (Date.now() > deadline) throw new Error(`indexing still ${job?.state ?? 'not started'} after ${timeoutMs} ms`);
    await delay(250);
  }
}

/** One indexing job as the server's event stream reports it, followed from the test process. */
export interface JobFollower {
  /** The latest `index.progress` payload for the job. */
  latest(): IndexJob | null;
  /** When (performance.now()) the event saying the job had finished arrived; null while none has. */
  endedAt(): number | null;
  close(): void;
}

/**
 * Follows job `id` through `index.progress` on GET /api/events: tells whether it had finished before
 * some moment without asking `index.status`, which itself takes seconds while a large job writes.
 */
export async function followJob(url: string, id: string): Promise<JobFollower> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/events`, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`GET /api/events answered ${String(response.status)}`);
  let latest: IndexJob | null = null;
  let endedAt: number | null = null;
  const onMessage = (data: string) => {
    const parsed = parseEvent(JSON.parse(data) as unknown);
    if (!parsed.ok || parsed.value.name !== 'index.progress' || parsed.value.payload.id !== id) return;
    latest = parsed.value.payload;
    if (endedAt === null && latest.state !== 'running' && latest.state !== 'paused') endedAt = performance.now();
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice('data: '.length))
            .join('\n');
          if (data) onMessage(data);
        }
      }
    } catch {
      // closed (close() or the server stopping)
    }
  })();
  return { latest: () => latest, endedAt: () => endedAt, close: () => controller.abort() };
}
