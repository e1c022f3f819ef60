import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Encoder } from '../../../electron/engine/encoder/encoder';
import { openRuntime, type Runtime } from '../../../electron/engine/runtime';
import { IndexStore } from '../../../electron/engine/store/index-store';
import type { ExploreJobSummary, Result } from '../../../shared';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { ACCEPT } from '../indexer/support';

/**
 * The Explore runner on the tiny synthetic model over a folder of the shared corpus: jobs encode their
 * scope's passages with their own adapter once (a second job, or one after a cancel, encodes only what
 * is missing), report progress with rising revisions, and refuse scopes they cannot serve. What the
 * duplicates and topics computations find is tested beside them (dupes*.test.ts, topics*.test.ts).
 */
const corpus = corpusAvailability();

let dir = '';
let docs = '';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function indexedRuntime(
  name: string,
  licence = true,
): Promise<{ runtime: Runtime; events: ExploreJobSummary[] }> {
  const runtime = await openRuntime({
    dataDir: join(dir, name),
    host: 'cli',
    modelDir: await ensureSyntheticModel('tiny'),
    indexer: { extractWorkers: 1 },
  });
  const events: ExploreJobSummary[] = [];
  runtime.events.subscribe((event) => {
    if (event.name === 'explore.progress') events.push(event.payload);
  });
  value(await runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } }));
  if (licence) value(await runtime.invoke('license.accept', ACCEPT));
  value(await runtime.invoke('roots.add', { path: docs }));
  value(await runtime.invoke('index.start', {}));
  await runtime.engine.indexer.waitForIdle();
  return { runtime, events };
}

async function finish(runtime: Runtime, started: ExploreJobSummary): Promise<ExploreJobSummary> {
  await runtime.engine.explore.idle();
  return value(await runtime.invoke('explore.report', { jobId: started.jobId })).summary;
}

/** Passages of the index, and rows of the vector set of `task`, read from the store's own files. */
async function counts(runtime: Runtime, task: string): Promise<{ chunks: number; vectors: number }> {
  const store = await runtime.engine.indexer.openStore();
  if (!(store instanceof IndexStore)) throw new Error('not the LanceDB store');
  const tables = store.vectorTables().filter((t) => t.provenance.task === task);
  let vectors = 0;
  for (const table of tables) vectors += await table.table.countRows();
  return { chunks: (await store.stats()).chunks, vectors };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyseek-explore-'));
  docs = join(dir, 'docs');
  if (corpus.skip) return;
  await copyCorpus(['04-parallel/udhr/udhr_eng.xml', '04-parallel/udhr/udhr_deu_1996.xml'], docs);
  await copyCorpus(['04-parallel/udhr/udhr_jpn.xml', '04-parallel/udhr/udhr_spa.xml'], join(docs, 'more'));
  await copyFile(join(docs, '04-parallel/udhr/udhr_eng.xml'), join(docs, 'more', 'copy of udhr_eng.xml'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(corpus.skip)('Explore jobs (tiny synthetic model, UDHR from the shared corpus)', () => {
  it('encodes each passage once per adapter: a second job is free; events carry rising revisions', async () => {
    const { runtime, events } = await indexedRuntime('once');
    try {
      const started = value(await runtime.invoke('explore.dupes', {}));
      expect(started).toMatchObject({ kind: 'dupes', files: 5, state: 'queued' });
      const first = await finish(runtime, started);
      expect(first).toMatchObject({ state: 'done', error: null });
      const { chunks, vectors } = await counts(runtime, 'text-matching');
      expect(first.encoded).toBe(chunks);
      expect(vectors).toBe(chunks);
      const revisions = events.map((e) => e.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(started.revision).toBeLessThan(revisions[0] ?? 0);
      expect(events.at(-1)).toMatchObject({ state: 'done', done: events.at(-1)?.total });

      const again = await finish(runtime, value(await runtime.invoke('explore.dupes', { threshold: 0.8 })));
      expect(again).toMatchObject({ state: 'done', encoded: 0 });

      // Topics: the first passages of each document only, with the separation adapter.
      const topics = await finish(runtime, value(await runtime.invoke('explore.topics', { passagesPerFile: 2 })));
      expect(topics.state).toBe('done');
      expect((await counts(runtime, 'separation')).vectors).toBe(topics.encoded);
      expect(topics.encoded).toBeLessThanOrEqual(2 * 5);
      const jobs = value(await runtime.invoke('explore.jobs', {})).jobs;
      expect(jobs.map((j) => j.jobId)).toEqual([topics.jobId, again.jobId, first.jobId]);
    } finally {
      await runtime.dispose();
    }
  });

  it('keeps what a cancelled job encoded; the next job encodes only the rest', async () => {
    const { runtime, events } = await indexedRuntime('cancel');
    try {
      // Cancelled right after the first batch of passages is encoded (progress events are throttled, and
      // the tiny model encodes everything within one interval).
      let jobId = '';
      type Embed = (this: Encoder, ...args: Parameters<Encoder['embed']>) => ReturnType<Encoder['embed']>;
      const original = Object.getOwnPropertyDescriptor(Encoder.prototype, 'embed')?.value as Embed;
      // What explore.jobs and explore.report say mid-job (the job's file is written at start and end only).
      let listed: ExploreJobSummary | undefined;
      let reported: ExploreJobSummary | undefined;
      const spy = vi.spyOn(Encoder.prototype, 'embed').mockImplementation(async function (this: Encoder, ...args) {
        if (args[1].task === 'text-matching' && jobId && !listed) {
          listed = value(await runtime.invoke('explore.jobs', {})).jobs.find((j) => j.jobId === jobId);
          reported = value(await runtime.invoke('explore.report', { jobId })).summary;
        }
        const out = await original.apply(this, args);
        if (args[1].task === 'text-matching' && jobId) runtime.engine.explore.cancel(jobId);
        return out;
      });
      const started = value(await runtime.invoke('explore.dupes', {}));
      jobId = started.jobId;
      const stopped = await finish(runtime, started);
      spy.mockRestore();
      for (const live of [listed, reported]) {
        expect(live).toMatchObject({ jobId, state: 'running', finishedAt: null });
        expect(live?.total).toBeGreaterThan(0);
      }
      expect(stopped.state).toBe('cancelled');
      const { chunks, vectors } = await counts(runtime, 'text-matching');
      expect(vectors).toBeGreaterThan(0);
      expect(vectors).toBeLessThan(chunks);
      const rest = await finish(runtime, value(await runtime.invoke('explore.dupes', {})));
      expect(rest.state).toBe('done');
      expect(rest.encoded).toBe(chunks - vectors);
      expect(events.some((e) => e.state === 'cancelled')).toBe(true);
    } finally {
      await runtime.dispose();
    }
  });

  it('refuses scopes it cannot serve, a second job at once, and follow-ups of the wrong kind', async () => {
    const { runtime } = await indexedRuntime('refusals');
    try {
      const code = async (p: Promise<Result<unknown>>) => {
        const result = await p;
        return result.ok ? 'ok' : result.error.code;
      };
      expect(await code(runtime.invoke('explore.dupes', { scope: { roots: [join(dir, 'elsewhere')] } }))).toBe(
        'INVALID_INPUT',
      );
      expect(await code(runtime.invoke('explore.topics', { scope: { folders: [join(dir, 'elsewhere')] } }))).toBe(
        'INVALID_INPUT',
      );
      await writeFile(join(docs, 'more', 'not-indexed-yet.txt'), 'new');
      expect(
        await code(runtime.invoke('explore.dupes', { scope: { files: [join(docs, 'more', 'not-indexed-yet.txt')] } })),
      ).toBe('FILE_NOT_INDEXED');
      await rm(join(docs, 'more', 'not-indexed-yet.txt'));

      // A folder scope: its files only.
      const scoped = value(await runtime.invoke('explore.dupes', { scope: { folders: [join(docs, 'more')] } }));
      expect(scoped.files).toBe(3);
      expect(await code(runtime.invoke('explore.topics', {}))).toBe('JOB_RUNNING');
      // The moment its last event says it ended, the next job may start (a client reacting to it is not refused).
      const next = new Promise<Result<ExploreJobSummary>>((resolve) => {
        const off = runtime.events.subscribe((event) => {
          if (event.name !== 'explore.progress' || event.payload.jobId !== scoped.jobId) return;
          if (event.payload.state !== 'done') return;
          off();
          resolve(runtime.invoke('explore.topics', { k: 2 }));
        });
      });
      expect((await next).ok).toBe(true);
      await runtime.engine.explore.idle();
      const done = value(await runtime.invoke('explore.report', { jobId: scoped.jobId })).summary;
      expect(done.state).toBe('done');
      expect(await code(runtime.invoke('explore.points', { jobId: done.jobId }))).toBe('INVALID_INPUT');
      expect(await code(runtime.invoke('explore.report', { jobId: 'no-such-job' }))).toBe('INVALID_INPUT');
    } finally {
      await runtime.dispose();
    }
  });

  it('finds exact copies without a model, and says why near-duplicates and topics need one', async () => {
    const { runtime } = await indexedRuntime('no-licence', false);
    try {
      const dupes = await finish(runtime, value(await runtime.invoke('explore.dupes', {})));
      expect(dupes).toMatchObject({ state: 'done', encoded: 0 });
      const report = value(await runtime.invoke('explore.report', { jobId: dupes.jobId }));
      if (report.kind !== 'dupes' || !report.dupes) throw new Error('no duplicates report');
      expect(report.dupes.exact.map((group) => group.files.map((f) => f.path.split('/').at(-1)))).toEqual([
        ['udhr_eng.xml', 'copy of udhr_eng.xml'],
      ]);
      expect(report.dupes).toMatchObject({ groups: [], nearProblem: { code: 'LICENSE_NOT_ACCEPTED' } });
      const topics = await finish(runtime, value(await runtime.invoke('explore.topics', {})));
      expect(topics).toMatchObject({ state: 'failed', error: { code: 'LICENSE_NOT_ACCEPTED' } });
    } finally {
      await runtime.dispose();
    }
  });

  it('shows a job interrupted by a restart as cancelled, saying so', async () => {
    const { runtime } = await indexedRuntime('restart');
    const jobsDir = join(dir, 'restart', 'explore', 'jobs');
    try {
      const done = await finish(runtime, value(await runtime.invoke('explore.dupes', {})));
      const file = join(jobsDir, `${done.jobId}.json`);
      const saved = JSON.parse(await readFile(file, 'utf8')) as { summary: ExploreJobSummary };
      // As a process killed mid-job leaves it.
      await mkdir(jobsDir, { recursive: true });
      await writeFile(file, JSON.stringify({ ...saved, summary: { ...saved.summary, state: 'running' } }));
      const [job] = value(await runtime.invoke('explore.jobs', {})).jobs;
      expect(job).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
      expect(job?.error?.message).toMatch(/interrupted/u);
    } finally {
      await runtime.dispose();
    }
  });
});
