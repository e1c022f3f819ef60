import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_ID, MODEL_ID, type IndexJob, type SearchMode } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { syntheticManifest, writeManifest } from '../fixtures/model-manifest';
import { currentJob, followJob, invoke, waitForJobToFinish } from './support/api';
import { blockingFindings, runAxeInBothSchemes } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { nav } from './support/pages';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** Indexed first, so searches have something to find while the big folder is being indexed. */
const FIRST = ['01-pdf/cjk/udhr-ja.pdf', '04-parallel/udhr/udhr_eng.xml'];
/**
 * Copies of the parallel UDHR texts (13 files, 392 KB a copy). The tiny model on one thread indexes
 * about 20 files a second on this 2-core machine when it is quiet, so 48 copies keep the job busy for
 * half a minute or more — longer than the searches below take. The job is cancelled at the end.
 */
const BIG_COPIES = 48;
const API_QUERIES: readonly { readonly query: string; readonly mode: SearchMode }[] = [
  { query: '人権', mode: 'hybrid' },
  { query: 'dignity and rights', mode: 'hybrid' },
  { query: '人権', mode: 'keyword' },
  { query: 'dignity and rights', mode: 'semantic' },
  { query: 'freedom of expression', mode: 'hybrid' },
];
const PAGE_QUERIES = ['人権', 'dignity and rights'];

/** A frame-gap and long-task probe, installed in the page (a string: the Node tsconfig has no DOM types). */
const INSTALL_PROBE = `(() => {
  const probe = { longestTask: 0, longTasks: 0, longestFrameGap: 0 };
  window.__responsiveness = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks += 1;
      probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (now) => {
    probe.longestFrameGap = Math.max(probe.longestFrameGap, now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const RESET_PROBE = 'Object.assign(window.__responsiveness, { longestTask: 0, longTasks: 0, longestFrameGap: 0 })';

interface Probe {
  readonly longestTask: number;
  readonly longTasks: number;
  readonly longestFrameGap: number;
}

/** Milliseconds, measured in the test process. */
interface PageTiming {
  /** Last key → the page sent `search.query` (includes the 200 ms typing debounce). */
  readonly toRequest: number;
  /** Request → response (the server's work plus queueing behind other requests). */
  readonly toResponse: number;
  /** The engine's own account of the search (`timings.totalMs`). */
  readonly engineMs: number;
  /** Chromium's account: from issuing the request to sending it (waiting for a connection)… */
  readonly socketWait: number;
  /** …and from sending it to the first byte of the answer. */
  readonly serverWait: number;
  /** The page's other API requests still unanswered when the search was sent. */
  readonly alongside: readonly string[];
  /** Response → the answer on screen, not busy. */
  readonly toShown: number;
  /** When the answer was on screen (performance.now() in this process). */
  readonly answeredAt: number;
}

/**
 * "The UI never freezes during indexing" (issue 7): while a large folder is being indexed, searches
 * through the HTTP API and typed into the Search page answer, and the page keeps painting. Latencies,
 * the page's longest task and the server's answer time for a trivial request are printed beside an
 * idle baseline, not asserted (benchmarks do timing); what is asserted is that each answer arrived
 * while the job was still running (no event saying it had finished had come before).
 */
describe.skipIf(chromiumState.skip || corpus.skip)('searching while indexing (server host, Chromium)', () => {
  let manifest = '';
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'busy',
    prepare: async ({ scratch, modelDir }) => {
      // A manifest that describes the synthetic model, so its files check out and setup counts as finished.
      manifest = await writeManifest(join(scratch, 'manifest.json'), await syntheticManifest(modelDir));
      await copyCorpus(FIRST, join(scratch, 'first'));
      await copyCorpus(['04-parallel'], join(scratch, 'big-source'));
      for (let copy = 1; copy <= BIG_COPIES; copy += 1) {
        const name = `copy-${String(copy).padStart(2, '0')}`;
        await cp(join(scratch, 'big-source'), join(scratch, 'big', name), { recursive: true });
      }
    },
  });

  it(
    'answers searches from the API and the Search page while a large folder is indexed',
    { timeout: 300_000 },
    async () => {
      const { page, errors } = world.browser;
      const server = await world.servers.start({
        env: { POLYSEEK_MODEL_DIR: world.modelDir, POLYSEEK_MODEL_MANIFEST: manifest },
        files: { 'settings.json': JSON.stringify({ ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 1 } }) },
      });
      await invoke(server.url, 'license.accept', { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true });
      await invoke(server.url, 'roots.add', { path: join(world.scratch, 'first') });
      await invoke(server.url, 'index.start', {});
      expect((await waitForJobToFinish(server.url)).state).toBe('done');
      const lines = [`Searches with the index idle, then while indexing ${String(BIG_COPIES * 13)} files:`];
      const report = (line: string) => {
        lines.push(line);
        console.log(line);
      };

      // The idle baseline, the same queries.
      trackRequests(page);
      await page.goto(server.url);
      await page.evaluate(INSTALL_PROBE);
      const idlePings = startPinger(server.url);
      for (const { query, mode } of API_QUERIES)
        report(`  idle API ${describeApi(query, mode, await apiSearch(server.url, query, mode))}`);
      await nav(page, 'Search');
      for (const query of PAGE_QUERIES)
        report(`  idle page ${JSON.stringify(query).padEnd(22)} ${describeTiming(await searchInPage(page, query))}`);
      const idleProbe = await page.evaluate<Probe>('window.__responsiveness');
      report(`  idle page: ${describeProbe(idleProbe)}`);
      report(`  idle server: ${describePings(await idlePings.stop())}`);

      await nav(page, 'Folders');
      await page.getByRole('textbox', { name: 'Folder path' }).fill(join(world.scratch, 'big'));
      await page.getByRole('button', { name: 'Add and index' }).click();
      await expect.poll(async () => (await currentJob(server.url))?.phase, { timeout: 60_000 }).toBe('indexing');
      const jobId = (await currentJob(server.url))?.id ?? '';
      const job = await followJob(server.url, jobId);
      const runningAt = (moment: number) => {
        const ended = job.endedAt();
        return ended === null || ended > moment;
      };
      await page.evaluate(RESET_PROBE);
      const busyPings = startPinger(server.url);

      // (a) The engine, through the HTTP API.
      for (const { query, mode } of API_QUERIES) {
        const timing = await apiSearch(server.url, query, mode);
        expect(runningAt(timing.answeredAt), `the job was running when "${query}" (${mode}) answered`).toBe(true);
        expect(timing.files, `files found for "${query}" (${mode})`).toBeGreaterThan(0);
        report(`  busy API ${describeApi(query, mode, timing)}; job ${describeJob(job.latest())}`);
      }

      // (b) The Search page: typed as a person types, answered while the job still runs.
      await nav(page, 'Search');
      for (const query of PAGE_QUERIES) {
        const timing = await searchInPage(page, query);
        expect(runningAt(timing.answeredAt), `the job was running when the page showed "${query}"`).toBe(true);
        expect(await page.locator('.result').count(), `results shown for "${query}"`).toBeGreaterThan(0);
        report(
          `  busy page ${JSON.stringify(query).padEnd(22)} ${describeTiming(timing)}; job ${describeJob(job.latest())}`,
        );
      }
      await screenshot(page, '50-search-while-indexing');
      const asked = performance.now();
      await currentJob(server.url);
      report(`  busy index.status: ${ms(performance.now() - asked)}`);

      // The Folders page with the job's live progress, checked by axe while it runs.
      await nav(page, 'Folders');
      const running = page.getByRole('region', { name: /^(Indexing|Adding vectors|Optimizing)$/ });
      await running.getByRole('progressbar', { name: 'Files' }).waitFor();
      report(`  busy page: ${describeProbe(await page.evaluate<Probe>('window.__responsiveness'))}`);
      report(`  busy server: ${describePings(await busyPings.stop())}`);
      const reports = await runAxeInBothSchemes(page, 'Folders (indexing running)');
      expect(runningAt(performance.now()), 'the job was running after the axe check').toBe(true);
      await screenshot(page, '51-folders-indexing');
      console.log(lines.join('\n'));

      await running.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('region', { name: 'Indexing: cancelled' }).waitFor({ timeout: 60_000 });
      job.close();
      expect(blockingFindings(reports)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});

interface PingStats {
  readonly count: number;
  readonly median: number;
  readonly longest: number;
}

/**
 * GET /api/hello every 200 ms until stopped: the server's event loop, measured from outside. A search
 * that waits while /api/hello is quick waits inside the engine; one that waits while /api/hello waits
 * too found the whole server process busy.
 */
function startPinger(url: string): { stop: () => Promise<PingStats> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sent = performance.now();
      const answered = await fetch(`${url}/api/hello`).then(
        (response) => response.arrayBuffer().then(() => true),
        () => false,
      );
      if (!answered) break;
      latencies.push(performance.now() - sent);
      await delay(200);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        count: sorted.length,
        median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
        longest: sorted[sorted.length - 1] ?? Number.NaN,
      };
    },
  };
}

function describePings(stats: PingStats): string {
  return `${String(stats.count)} GET /api/hello: median ${ms(stats.median)}, longest ${ms(stats.longest)}`;
}

async function apiSearch(
  url: string,
  query: string,
  mode: SearchMode,
): Promise<{ ms: number; engineMs: number; files: number; answeredAt: number }> {
  const sent = performance.now();
  const result = await invoke(url, 'search.query', { query, mode });
  const answeredAt = performance.now();
  return { ms: answeredAt - sent, engineMs: result.timings.totalMs, files: result.files.length, answeredAt };
}

/** Clears the box, types `query` key by key and waits for its answer on screen. */
async function searchInPage(page: Page, query: string): Promise<PageTiming> {
  const box = page.getByRole('searchbox', { name: 'Search your documents' });
  await box.fill('');
  await page.locator('.results').waitFor({ state: 'detached' });
  let requested = 0;
  let alongside: string[] = [];
  const isOurs = (request: Request) =>
    request.url().endsWith('/api/commands/search.query') && searchedFor(request) === query;
  const onRequest = (request: Request) => {
    if (requested === 0 && isOurs(request)) {
      requested = performance.now();
      alongside = [...PAGE_REQUESTS.entries()]
        .filter(([r, e]) => r !== request && e.end === null)
        .map(([r]) => commandOf(r));
    }
  };
  page.on('request', onRequest);
  try {
    const response = page.waitForResponse((r) => isOurs(r.request()), { timeout: 90_000 });
    await box.pressSequentially(query, { delay: 40 });
    const lastKey = performance.now();
    const answer = await response;
    const body = (await answer.json()) as { value?: { timings?: { totalMs?: number } } };
    const responded = performance.now();
    const timing = answer.request().timing();
    await page
      .locator('.search-status')
      .filter({ hasText: `“${query}”` })
      .waitFor();
    await page.locator('.results:not([aria-busy])').waitFor();
    const shown = performance.now();
    return {
      toRequest: requested - lastKey,
      toResponse: responded - requested,
      engineMs: body.value?.timings?.totalMs ?? Number.NaN,
      socketWait: timing.requestStart,
      serverWait: timing.responseStart - timing.requestStart,
      alongside,
      toShown: shown - responded,
      answeredAt: shown,
    };
  } finally {
    page.off('request', onRequest);
  }
}

function searchedFor(request: Request): string | null {
  try {
    const body = JSON.parse(request.postData() ?? 'null') as { query?: unknown } | null;
    return typeof body?.query === 'string' ? body.query : null;
  } catch {
    return null;
  }
}

/** Every API request the page made, with when it started and ended (performance.now() in this process). */
const PAGE_REQUESTS = new Map<Request, { start: number; end: number | null }>();

/** Records the page's API requests (commands and the event stream) from now on. */
function trackRequests(page: Page): void {
  page.on('request', (request) => {
    if (request.url().includes('/api/')) PAGE_REQUESTS.set(request, { start: performance.now(), end: null });
  });
  const done = (request: Request) => {
    const entry = PAGE_REQUESTS.get(request);
    if (entry) entry.end = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

function commandOf(request: Request): string {
  return new URL(request.url()).pathname.replace('/api/commands/', '').replace('/api/', '/');
}

/** ["index.status", "index.status", "/events"] → "2 × index.status, /events" */
function summarize(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${String(n)} × ${name}` : name)).join(', ');
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function describeApi(query: string, mode: SearchMode, timing: { ms: number; engineMs: number }): string {
  return `${mode.padEnd(8)} ${JSON.stringify(query).padEnd(22)} ${ms(timing.ms).padStart(8)} (engine ${ms(timing.engineMs)})`;
}

function describeTiming(timing: PageTiming): string {
  const total = timing.toRequest + timing.toResponse + timing.toShown;
  return (
    `${ms(total).padStart(8)} from the last key to the answer on screen ` +
    `(sent after ${ms(timing.toRequest)} beside ${String(timing.alongside.length)} unanswered requests${timing.alongside.length > 0 ? ` (${summarize(timing.alongside)})` : ''}, answered in ` +
    `${ms(timing.toResponse)}: ${ms(timing.socketWait)} before Chromium sent it, ${ms(timing.serverWait)} to the ` +
    `first byte, ${ms(timing.engineMs)} of them the engine's; shown ${ms(timing.toShown)} later)`
  );
}

function describeJob(job: IndexJob | null): string {
  return job ? `${job.state} ${job.phase}, ${String(job.filesDone)}/${String(job.filesTotal)} files` : 'none';
}

function describeProbe(probe: Probe): string {
  return (
    `longest task ${ms(probe.longestTask)} (${String(probe.longTasks)} tasks over 50 ms), ` +
    `longest gap between frames ${ms(probe.longestFrameGap)}`
  );
}
