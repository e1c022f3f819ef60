import { lstat } from 'node:fs/promises';

import { PolyseekError, type IndexJob, type Root } from '../../../shared';
import type { Chunk } from '../chunk/types';
import type { ExtractorPool, Segment } from '../extract/types';
import type { FileRecord, Provenance } from '../store/types';
import { crawlRoot, type CrawledFile } from './crawl';
import { fillVectors } from './fill-vectors';
import type { PauseGate } from './pause-gate';
import { runPipeline, type PassageEncoder } from './pipeline';
import { planWork } from './plan-work';
import type { IndexStorePort, OpenedStore } from './ports';
import type { JobProgress } from './progress';
import { compileRootRules, isSameOrInside, relativeInside } from './root-rules';

/** What a job is asked to do; requests queued while another job runs are merged into one. */
export interface JobRequest {
  readonly kind: 'full' | 'changes' | 'retry' | 'vectors';
  /** `full`: only these roots (all when absent). */
  readonly roots?: readonly string[];
  readonly rehash?: boolean;
  /** `changes`: paths the watcher saw change (files or folders, added, changed or gone). */
  readonly paths?: ReadonlySet<string>;
  /** `retry`: these failed files, or all of them when absent. */
  readonly retry?: readonly string[];
}

export interface JobEnvironment {
  readonly store: OpenedStore;
  readonly roots: readonly Root[];
  /** Never entered by a crawl (the profile folder). */
  readonly never: readonly string[];
  readonly extractor: () => ExtractorPool;
  readonly extractConcurrency: number;
  readonly chunker: () => Promise<(segments: readonly Segment[]) => Chunk[]>;
  readonly chunkId: (path: string, hash: string, ordinal: number) => string;
  /** Loads the passage encoder, or says why there is none; started at once, awaited before encoding. */
  readonly encoder: () => Promise<{ encoder: PassageEncoder } | { problem: string }>;
  readonly progress: JobProgress;
  readonly gate: PauseGate;
  readonly signal: AbortSignal;
  readonly onRootMissing: (root: string, missing: boolean) => void;
  readonly onProblem: (path: string, message: string) => void;
}

/**
 * One indexing job: redo what a crash left pending → crawl or apply changes (removing what is gone) →
 * pipeline → fill missing vectors → optimize. Resolves with a summary in words.
 */
export async function runIndexJob(request: JobRequest, env: JobEnvironment): Promise<string> {
  const { store, progress, signal } = env;
  // Loading takes seconds (memoized by the engine): it overlaps the crawl.
  const encoderPromise = env.encoder();
  progress.phase('recovering', 'checking for files a crash left half-written');
  const pending = new Set((await store.pendingFiles()).map((f) => f.path));

  progress.phase('crawling', request.kind === 'changes' ? 'applying changes' : 'walking the folders');
  let crawled: CrawledFile[] = [];
  const force = new Set(pending);
  const known = new Map<string, FileRecord>();
  let removed = await removeUnrooted(store, env.roots);
  if (request.kind === 'full') {
    const wanted = request.roots ? new Set(request.roots) : null;
    for (const root of env.roots.filter((r) => !wanted || wanted.has(r.path))) {
      const found = await crawlOneRoot(root, env);
      if (found === null) continue;
      const records = await store.listFiles({ root: root.path });
      const seen = new Set(found.map((f) => f.path));
      const gone = records.filter((r) => !seen.has(r.path)).map((r) => r.path);
      if (gone.length > 0 && !signal.aborted) await store.removeFiles(gone);
      removed += gone.length;
      for (const record of records) known.set(record.path, record);
      crawled = crawled.concat(found);
    }
  } else if (request.kind === 'changes') {
    const applied = await applyChanges(request.paths ?? new Set(), env, known);
    crawled = applied.crawled;
    removed += applied.removed;
  } else if (request.kind === 'retry') {
    const wanted = request.retry ? new Set(request.retry) : null;
    const failed = (await store.listFiles({ status: 'failed' })).filter((f) => !wanted || wanted.has(f.path));
    for (const record of failed) {
      known.set(record.path, record);
      force.add(record.path);
    }
    crawled = await restat(failed, env.roots);
  }
  // Pending files the crawl did not reach (a changes job, a root not asked for) are redone too.
  const reached = new Set(crawled.map((f) => f.path));
  const leftover = (await store.pendingFiles()).filter((f) => !reached.has(f.path));
  const back = await restat(leftover, env.roots);
  const vanished = leftover.filter((f) => !back.some((b) => b.path === f.path)).map((f) => f.path);
  if (vanished.length > 0) await store.removeFiles(vanished);
  removed += vanished.length;
  crawled = crawled.concat(back);
  progress.update({ filesSeen: crawled.length, filesRemoved: removed });
  if (signal.aborted) throw new PolyseekError('CANCELLED', 'indexing cancelled');

  const plan = await planWork(crawled, known, { force, rehash: request.rehash ?? false, signal });
  if (plan.touched.length > 0) await store.touchFiles(plan.touched);
  progress.update({ filesTotal: plan.work.length, filesUnchanged: plan.unchanged });

  const loaded = await encoderPromise;
  let encoder = 'encoder' in loaded ? loaded.encoder : null;
  if (!encoder) progress.update({ modelProblem: 'problem' in loaded ? loaded.problem : null });
  const activate = activator(store);

  if (plan.work.length > 0) {
    progress.phase(
      'indexing',
      `indexing ${plan.work.length} files${encoder ? '' : ' for keyword search (no model yet)'}`,
    );
    await runPipeline(plan.work, {
      store,
      extractor: env.extractor(),
      chunk: await env.chunker(),
      chunkId: env.chunkId,
      encoder,
      onEncoderFailure: (message) => {
        encoder = null;
        progress.update({ modelProblem: `the model failed while indexing: ${message}` });
      },
      progress,
      gate: env.gate,
      signal,
      extractConcurrency: env.extractConcurrency,
      onVectors: activate,
    });
  }

  if (encoder) {
    progress.phase('embedding', 'adding vectors to chunks that have none');
    await fillVectors({ store, encoder, progress, gate: env.gate, signal, onVectors: activate });
    await switchWhenComplete(store, encoder.provenance);
  } else {
    const active = await store.activeProvenance();
    const indexed = (await store.stats()).byStatus.indexed;
    progress.update({ filesAwaitingVectors: active ? await store.filesAwaitingVectors(active) : indexed });
  }

  const job = progress.snapshot;
  if (job.filesDone > 0 || removed > 0 || job.chunksEncoded > 0) {
    progress.phase('optimizing', 'compacting the index and refreshing keyword search');
    // A first run creates the keyword index over everything; later (watch) runs add a few rows, which
    // stay searchable unindexed, so compaction waits until enough of them or of small fragments pile up.
    await store.ensureFtsIndex();
    await store.optimizeIfNeeded();
  }
  if (job.chunksEncoded > 0 || removed > 0) {
    // Exact search below the ANN threshold; past it an IVF index, refreshed or retrained after changes.
    const searched = await store.activeProvenance();
    for (const provenance of uniqueProvenances([searched, encoder?.provenance ?? null])) {
      await store.ensureVectorIndex(provenance);
    }
  }
  return summary(progress.snapshot);
}

async function crawlOneRoot(root: Root, env: JobEnvironment): Promise<CrawledFile[] | null> {
  try {
    const files = await crawlRoot(root, {
      never: env.never,
      signal: env.signal,
      onProblem: env.onProblem,
      onFile: () => env.progress.add({ filesSeen: 1 }),
    });
    env.onRootMissing(root.path, false);
    return files;
  } catch (error) {
    if (error instanceof PolyseekError && error.code === 'ROOT_NOT_FOUND') {
      // An unplugged drive or a vanished folder keeps its index: nothing is removed until it is back.
      env.onRootMissing(root.path, true);
      return null;
    }
    throw error;
  }
}

/** Files of roots no longer in settings leave the index. */
async function removeUnrooted(store: IndexStorePort, roots: readonly Root[]): Promise<number> {
  const rooted = new Set(roots.map((r) => r.path));
  const stats = await store.stats();
  if (stats.files === 0) return 0;
  const orphans = (await store.listFiles()).filter((f) => !rooted.has(f.root)).map((f) => f.path);
  if (orphans.length > 0) await store.removeFiles(orphans);
  return orphans.length;
}

/**
 * Watched changes: each path is a file or folder that was added, changed or removed. Whatever is gone
 * (or now excluded) leaves the index with everything under it; files that are there are compared as a
 * crawl would.
 */
async function applyChanges(
  paths: ReadonlySet<string>,
  env: JobEnvironment,
  known: Map<string, FileRecord>,
): Promise<{ crawled: CrawledFile[]; removed: number }> {
  const crawled: CrawledFile[] = [];
  const gone = new Set<string>();
  const byRoot = new Map<string, FileRecord[]>();
  const recordsOf = async (root: string) => {
    let records = byRoot.get(root);
    if (!records) {
      records = await env.store.listFiles({ root });
      byRoot.set(root, records);
      for (const record of records) known.set(record.path, record);
    }
    return records;
  };
  for (const path of [...paths].sort()) {
    const root = env.roots.find((r) => isSameOrInside(r.path, path));
    if (!root) continue;
    const records = await recordsOf(root.path);
    const rel = relativeInside(root.path, path);
    const under = (p: string) => isSameOrInside(path, p);
    const info = await lstat(path).catch(() => null);
    if (rel === null) {
      if (!info) env.onRootMissing(root.path, true);
      continue;
    }
    const rules = compileRootRules(root);
    const parts = rel.split('/');
    const excludedFolder = parts.slice(0, -1).some((_, i) => rules.skipsFolder(parts.slice(0, i + 1).join('/')));
    if (!info || excludedFolder || (info.isDirectory() && rules.skipsFolder(rel))) {
      for (const record of records) if (under(record.path)) gone.add(record.path);
      continue;
    }
    if (info.isFile()) {
      if (!rules.indexesFile(rel)) {
        if (known.has(path)) gone.add(path);
        continue;
      }
      crawled.push({
        path,
        root: root.path,
        size: info.size,
        mtimeMs: info.mtimeMs,
        tooLarge: info.size > root.maxFileBytes,
      });
    }
    // A new folder: the watcher reports each file in it as well. Links wait for the next full run,
    // which applies the root's link policy.
  }
  const removed = [...gone].filter((p) => !crawled.some((c) => c.path === p));
  if (removed.length > 0) await env.store.removeFiles(removed);
  return { crawled, removed: removed.length };
}

/** Fresh size and mtime for recorded files (retry, leftover pending); vanished ones are dropped. */
async function restat(records: readonly FileRecord[], roots: readonly Root[]): Promise<CrawledFile[]> {
  const out: CrawledFile[] = [];
  for (const record of records) {
    const root = roots.find((r) => r.path === record.root);
    const info = await lstat(record.path).catch(() => null);
    if (!root || !info?.isFile()) continue;
    out.push({
      path: record.path,
      root: record.root,
      size: info.size,
      mtimeMs: info.mtimeMs,
      tooLarge: info.size > root.maxFileBytes,
    });
  }
  return out;
}

/** The first vectors ever written make their provenance the one search uses. */
function activator(store: IndexStorePort): (p: Provenance) => Promise<void> {
  let checked = false;
  return async (provenance) => {
    if (checked) return;
    checked = true;
    if ((await store.activeProvenance()) === null) await store.setActiveProvenance(provenance);
  };
}

/** After a settings change the old vectors serve until the new ones cover every file; then they switch. */
async function switchWhenComplete(store: IndexStorePort, provenance: Provenance): Promise<void> {
  const active = await store.activeProvenance();
  if (active && sameProvenance(active, provenance)) return;
  if ((await store.filesAwaitingVectors(provenance)) === 0) await store.setActiveProvenance(provenance);
}

function uniqueProvenances(list: readonly (Provenance | null)[]): Provenance[] {
  const out: Provenance[] = [];
  for (const p of list) if (p && !out.some((q) => sameProvenance(p, q))) out.push(p);
  return out;
}

export function sameProvenance(a: Provenance, b: Provenance): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function summary(job: IndexJob): string {
  const waiting =
    job.filesAwaitingVectors > 0
      ? `; ${job.filesAwaitingVectors} files await vectors${job.modelProblem ? ` (${job.modelProblem})` : ''}`
      : '';
  if (job.kind === 'vectors') return `added vectors to ${job.chunksEncoded} chunks${waiting}`;
  const parts = [
    `${job.filesDone - job.filesFailed - job.filesSkipped} indexed`,
    job.filesFailed > 0 ? `${job.filesFailed} failed` : null,
    job.filesSkipped > 0 ? `${job.filesSkipped} skipped` : null,
    `${job.filesUnchanged} unchanged`,
    job.filesRemoved > 0 ? `${job.filesRemoved} removed` : null,
    `${job.chunks} chunks written`,
    `${job.chunksEncoded} encoded`,
  ].filter(Boolean);
  return `${parts.join(', ')}${waiting}`;
}
