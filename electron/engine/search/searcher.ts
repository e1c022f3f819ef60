import { basename } from 'node:path';

import {
  PolyseekError,
  errorMessage,
  type ModelStatus,
  type Precision,
  type ResultError,
  type SearchFileHit,
  type SearchMode,
  type SearchPassage,
  type SearchQueryInput,
  type SearchResult,
  type SemanticReport,
  type Settings,
} from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import { cosine, truncateAndNormalize } from '../encoder/vectors';
import { weightsChecksum } from '../indexer/model-access';
import type { KeywordHit, Provenance, StoredChunk } from '../store/types';
import type { VectorHit } from '../store/vector-search';
import { checkWeights, chooseVectors, type VectorChoice } from './choose-vectors';
import { filtersToWhere } from './filters';
import { foldTerm, foldWithOffsets } from './fold-text';
import { reciprocalRankFusion } from './fusion';
import type { SearchStore } from './ports';
import { QueryCache } from './query-cache';
import { queryTerms } from './query-terms';
import { makeSnippet } from './snippets';

export interface SearcherOptions {
  readonly store: () => Promise<SearchStore>;
  readonly getSettings: () => Settings;
  /** The engine's encoder for a precision (licence gate and load errors included). */
  readonly encoder: (precision: Precision) => Promise<Encoder>;
  readonly modelStatus: () => Promise<ModelStatus>;
  readonly modelDir: () => string;
}

const DEFAULT_LIMIT = 20;
const DEFAULT_PER_FILE = 3;
/**
 * Passages fetched from each list: enough to fill `limit` files with `perFile` passages when a few
 * files dominate, bounded so a keystroke never reads thousands of chunk texts.
 */
const candidatesFor = (limit: number, perFile: number) =>
  Math.min(1000, Math.max(100, limit * Math.max(perFile, 3) * 2));
/**
 * Keyword passages fused: the store reads 4× this many by BM25 (with their text) to rank verbatim
 * matches first. Fusion gives rank r a weight 1/(60 + r), so rank 64 still counts half of rank 1;
 * deeper keyword ranks mostly hold n-gram near-misses, not worth reading hundreds of passages' text
 * on every keystroke.
 */
const KEYWORD_CANDIDATES = 64;

/**
 * Missing derived rows made before answering rather than in the background: truncating and writing
 * runs at ≈ 20 K rows/s here (2 cores), so up to this many cost the first query at new dims under ~1 s.
 */
const INLINE_DERIVE_ROWS = 20_000;

/** How stale the "awaiting vectors" marks may get while the index keeps changing. */
const AWAITING_MAX_AGE_MS = 2000;

export interface Retrieval {
  readonly result: SearchResult;
  /** The query's vector at the searched dims; null when vectors took no part. */
  readonly query: Float32Array | null;
  /** The vectors searched; null when vectors took no part. */
  readonly searched: Provenance | null;
}

interface DeriveJob {
  readonly dims: number;
  done: number;
  total: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  readonly finished: Promise<void>;
}

interface SemanticPlan {
  readonly choice: VectorChoice;
  /** Vectors searched: the source, or the derived table at `choice.dims` once it is complete. */
  readonly searched: Provenance;
  readonly query: Float32Array;
  readonly cached: boolean;
  readonly derive: DeriveJob | null;
}

/**
 * The query pipeline (DESIGN.md "Search"): `retrieval.query` embedding → vector search at the chosen
 * dims ∥ n-gram keyword search → reciprocal-rank fusion → group by file → snippets with highlights and
 * locations. Filters are pre-filters on both lists. Stored vectors are never re-encoded: fewer dims are
 * derived by truncation; vectors of other weights or adapters are refused with the re-embed action.
 */
export class Searcher {
  private readonly cache = new QueryCache();
  private readonly checksums = new WeakMap<Encoder, Promise<string>>();
  private readonly derives = new Map<string, DeriveJob>();
  private awaiting: { key: string; version: string; paths: Set<string>; at: number } | null = null;
  private disposed = false;
  private readonly stop = new AbortController();

  constructor(private readonly options: SearcherOptions) {}

  async query(input: SearchQueryInput, signal?: AbortSignal): Promise<SearchResult> {
    return (await this.retrieve(input, signal)).result;
  }

  /**
   * A search, with what answers need beyond its result: the query's vector and the vectors it was
   * compared with (to judge how far the best passage stands above chance in this index).
   */
  async retrieve(input: SearchQueryInput, signal?: AbortSignal): Promise<Retrieval> {
    const started = performance.now();
    const settings = this.options.getSettings();
    const mode: SearchMode = input.mode ?? settings.search.mode;
    const limit = input.limit ?? DEFAULT_LIMIT;
    const perFile = input.perFile ?? DEFAULT_PER_FILE;
    const text = input.query.trim();
    const where = filtersToWhere(input.filters);
    const timings = { embedMs: 0, vectorMs: 0, keywordMs: 0, totalMs: 0 };
    const semantic: Mutable<SemanticReport> = {
      state: mode === 'keyword' ? 'off' : 'unavailable',
      problem: null,
      provenance: null,
      queryTask: null,
      dimsRequested: input.dims ?? null,
      dimsUsed: null,
      derive: null,
      index: null,
      binary: false,
      filesAwaitingVectors: 0,
      queryCached: false,
    };
    if (text.length === 0) {
      const result: SearchResult = {
        query: input.query,
        mode,
        files: [],
        totalFiles: 0,
        semantic: { ...semantic, state: 'off' },
        timings,
      };
      return { result, query: null, searched: null };
    }
    const store = await this.options.store();
    const active = await store.activeProvenance();
    const candidates = candidatesFor(limit, perFile);

    // Explicit semantic wishes (mode, adapter, dims) are refused on a mismatch; plain hybrid degrades
    // to keyword results and says why.
    const explicit = mode === 'semantic' || input.adapters?.passage !== undefined || input.dims !== undefined;
    // Keyword search needs no embedding: it runs while the query is encoded (the largest stage).
    const keywordTask =
      mode === 'semantic'
        ? Promise.resolve<KeywordHit[]>([])
        : timed(
            () => store.keywordSearch(text, Math.min(candidates, KEYWORD_CANDIDATES), where),
            (ms) => (timings.keywordMs = ms),
          );
    // Settled here so an early return (a refusal) never leaves it rejecting unobserved.
    keywordTask.catch(() => undefined);
    let plan: SemanticPlan | null = null;
    if (mode !== 'keyword') {
      const embedStarted = performance.now();
      try {
        plan = await this.plan(store, active, input, settings, signal);
      } catch (error) {
        const problem = asResultError(error);
        if (explicit && problem.code === 'PROVENANCE_MISMATCH') throw error;
        if (signal?.aborted) throw error;
        semantic.problem = problem;
      }
      timings.embedMs = performance.now() - embedStarted;
    }
    const awaitingFor = plan?.choice.source ?? active;

    const binary = input.binary ?? settings.search.binaryTier;
    const vectorTask = plan
      ? timed(
          () =>
            store.vectorSearch(plan.searched, plan.query, { limit: candidates, ...(where ? { where } : {}), binary }),
          (ms) => (timings.vectorMs = ms),
        )
      : Promise.resolve(null);
    const [keywordFound, vectorResult, awaitingPaths] = await Promise.all([
      keywordTask,
      vectorTask,
      this.awaitingPaths(store, awaitingFor),
    ]);
    signal?.throwIfAborted();
    const terms = queryTerms(text);
    const keywordHits = rankKeywordHits(keywordFound, terms);

    if (plan) {
      Object.assign(semantic, {
        state: 'used',
        provenance: plan.choice.source,
        queryTask: input.adapters?.query ?? settings.encoder.queryTask,
        dimsRequested: plan.choice.dims,
        dimsUsed: plan.searched.dims,
        derive: plan.derive && plan.derive.state !== 'done' ? describeJob(plan.derive) : null,
        index: vectorResult?.index ?? null,
        binary,
        queryCached: plan.cached,
      });
    }
    semantic.filesAwaitingVectors = awaitingPaths.size;

    const vectorHits =
      plan && vectorResult ? await this.withKeywordHits(store, plan, vectorResult.hits, keywordHits) : [];
    const fusion = { ...settings.search.fusion, ...input.fusion };
    const fused = reciprocalRankFusion(
      [
        { ids: vectorHits.map((h) => h.id), weight: mode === 'hybrid' ? fusion.semanticWeight : 1 },
        { ids: keywordHits.map((h) => h.chunk.id), weight: mode === 'hybrid' ? fusion.keywordWeight : 1 },
      ],
      fusion.k,
    );
    const pathOf = new Map<string, string>();
    for (const hit of vectorHits) pathOf.set(hit.id, hit.path);
    const chunks = new Map<string, StoredChunk>();
    for (const hit of keywordHits) {
      pathOf.set(hit.chunk.id, hit.chunk.path);
      chunks.set(hit.chunk.id, hit.chunk);
    }
    const similarity = new Map(vectorHits.map((h) => [h.id, h.similarity]));

    // Group by file, best passage first; files ordered by their best passage.
    const groups = new Map<string, typeof fused>();
    for (const entry of fused) {
      const path = pathOf.get(entry.id);
      if (path === undefined) continue;
      const group = groups.get(path);
      if (group) group.push(entry);
      else groups.set(path, [entry]);
    }
    const top = [...groups.entries()].slice(0, limit);
    const shown = top.flatMap(([, entries]) => entries.slice(0, perFile).map((e) => e.id));
    const missing = shown.filter((id) => !chunks.has(id));
    const [missingChunks, fileRows] = await Promise.all([
      missing.length > 0 ? store.getChunksByIds(missing) : Promise.resolve([]),
      store.getFiles(top.map(([path]) => path)),
    ]);
    for (const chunk of missingChunks) chunks.set(chunk.id, chunk);
    const files = new Map(fileRows.map((f) => [f.path, f]));

    const results: SearchFileHit[] = [];
    for (const [path, entries] of top) {
      const passages: SearchPassage[] = [];
      for (const entry of entries.slice(0, perFile)) {
        const chunk = chunks.get(entry.id);
        if (!chunk) continue; // removed between the search and this read
        const { location } = chunk;
        passages.push({
          chunkId: chunk.id,
          ordinal: chunk.ordinal,
          snippet: makeSnippet(chunk.text, terms),
          location: {
            page: location.page ?? null,
            pageEnd: location.pageEnd ?? null,
            line: location.line ?? null,
            lineEnd: location.lineEnd ?? null,
            section: location.section ?? null,
            headings: [...(location.headings ?? [])],
          },
          language: chunk.language,
          score: entry.score,
          similarity: similarity.get(entry.id) ?? null,
          semanticRank: entry.ranks[0] ?? null,
          keywordRank: entry.ranks[1] ?? null,
        });
      }
      const file = files.get(path);
      const first = passages[0];
      if (!first || !file) continue;
      results.push({
        path,
        root: file.root,
        name: basename(path),
        format: file.format,
        title: file.title,
        language: file.language,
        mtimeMs: file.mtimeMs,
        score: first.score,
        passages,
        matchedPassages: entries.length,
        awaitingVectors: awaitingPaths.has(path),
      });
    }
    timings.totalMs = performance.now() - started;
    return {
      result: { query: input.query, mode, files: results, totalFiles: groups.size, semantic, timings },
      query: plan?.query ?? null,
      searched: plan?.searched ?? null,
    };
  }

  /** Chooses the vectors, checks them against the query's encoder, embeds (or recalls) the query. */
  private async plan(
    store: SearchStore,
    active: Provenance | null,
    input: SearchQueryInput,
    settings: Settings,
    signal: AbortSignal | undefined,
  ): Promise<SemanticPlan> {
    // Without any vectors, a model problem (licence, missing files) explains more than "no vectors".
    if (!active) await this.options.encoder(settings.encoder.precision);
    const choice = chooseVectors(
      store.vectorTables().map((t) => t.provenance),
      active,
      {
        ...(input.adapters?.passage ? { passageTask: input.adapters.passage } : {}),
        ...(input.dims ? { dims: input.dims } : {}),
      },
    );
    const { source } = choice;
    let encoder: Encoder;
    try {
      encoder = await this.options.encoder(source.precision);
    } catch (error) {
      if (error instanceof PolyseekError && error.code === 'MODEL_NOT_FOUND') {
        throw new PolyseekError(
          'MODEL_NOT_FOUND',
          `The index's vectors were made with the ${source.precision} weights, which cannot be loaded now: ${error.message}`,
          { cause: error },
        );
      }
      throw error;
    }
    checkWeights(source, await this.checksumOf(encoder), this.options.modelDir());
    const task = input.adapters?.query ?? settings.encoder.queryTask;
    const prefix = input.prefix ?? settings.encoder.instructionPrefix;
    const full = encoder.config.hiddenSize;
    const key = QueryCache.key([
      this.options.modelDir(),
      source.modelChecksum,
      source.precision,
      task,
      prefix,
      input.query.trim(),
    ]);
    let vector = this.cache.get(key);
    const cached = vector !== undefined;
    if (!vector) {
      const [embedding] = await encoder.embed([input.query.trim()], {
        task,
        dims: full,
        prefix,
        ...(signal ? { signal } : {}),
      });
      if (!embedding) throw new PolyseekError('INTERNAL', 'the encoder returned no embedding for the query');
      vector = embedding.vector;
      this.cache.set(key, vector);
    }

    let searched = source;
    let derive: DeriveJob | null = null;
    if (choice.dims < source.dims) {
      const target: Provenance = { ...source, dims: choice.dims };
      const [have, total] = await Promise.all([store.vectorRowCount(target), store.vectorRowCount(source)]);
      if (have >= total) {
        searched = target;
      } else {
        derive = this.derive(store, source, target);
        if (total - have <= INLINE_DERIVE_ROWS) await derive.finished;
        if (derive.state === 'done') searched = target;
      }
    }
    const query = searched.dims < vector.length ? truncateAndNormalize(vector, searched.dims) : vector;
    return { choice, searched, query, cached, derive };
  }

  /**
   * The vector list over the union of both candidate sets: keyword hits beyond the vector search's top k
   * get their exact similarity (their stored vector against the query) and take their place in it. Plain
   * RRF counts a list's missing entry as nothing, so a passage holding the very word typed, ranked just
   * past the vector cut-off, would tie with the vector list's noisiest top hit; measured, not assumed.
   */
  private async withKeywordHits(
    store: SearchStore,
    plan: SemanticPlan,
    hits: readonly VectorHit[],
    keywordHits: readonly KeywordHit[],
  ): Promise<VectorHit[]> {
    const seen = new Set(hits.map((h) => h.id));
    const missing = keywordHits.filter((h) => !seen.has(h.chunk.id));
    if (missing.length === 0) return [...hits];
    const vectors = await store.vectorsByIds(
      plan.searched,
      missing.map((h) => h.chunk.id),
    );
    const extra: VectorHit[] = [];
    for (const hit of missing) {
      const vector = vectors.get(hit.chunk.id);
      if (!vector) continue; // awaiting vectors: keyword evidence only
      extra.push({ id: hit.chunk.id, path: hit.chunk.path, similarity: cosine(vector, plan.query) });
    }
    return [...hits, ...extra].sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * The weights checksum of a loaded encoder, asked once per encoder: its files cannot change while it
   * is loaded (the engine releases encoders whose folder changed), and model.status reads the folder.
   */
  private checksumOf(encoder: Encoder): Promise<string> {
    let pending = this.checksums.get(encoder);
    if (!pending) {
      pending = weightsChecksum(encoder, this.options.modelStatus);
      this.checksums.set(encoder, pending);
    }
    return pending;
  }

  /** One background derivation per target; its progress is reported with every search meanwhile. */
  private derive(store: SearchStore, source: Provenance, target: Provenance): DeriveJob {
    const key = JSON.stringify([source, target.dims]);
    const running = this.derives.get(key);
    if (running && running.state !== 'failed' && running.state !== 'done') return running;
    const job: DeriveJob = {
      dims: target.dims,
      done: 0,
      total: 0,
      state: 'queued',
      finished: Promise.resolve().then(async () => {
        job.state = 'running';
        try {
          await store.deriveVectors(source, target, {
            signal: this.stop.signal,
            onProgress: (p) => {
              job.done = p.done;
              job.total = p.total;
            },
          });
          await store.ensureVectorIndex(target);
          job.state = 'done';
        } catch (error) {
          job.state = 'failed';
          if (!this.disposed)
            console.error(`polyseek: deriving ${target.dims}-dim vectors failed: ${errorMessage(error)}`);
        }
      }),
    };
    this.derives.set(key, job);
    return job;
  }

  /**
   * Paths of files with chunks lacking vectors, recomputed when chunks or vectors changed — but at most
   * every {@link AWAITING_MAX_AGE_MS} while indexing commits keep changing them (it scans every id).
   */
  private async awaitingPaths(store: SearchStore, provenance: Provenance | null): Promise<Set<string>> {
    const key = JSON.stringify(provenance);
    // No vectors at all yet: every indexed file awaits them.
    const version = provenance ? await store.dataVersion(provenance) : await store.chunksVersion();
    const cached = this.awaiting?.key === key ? this.awaiting : null;
    if (cached && (cached.version === version || performance.now() - cached.at < AWAITING_MAX_AGE_MS)) {
      return cached.paths;
    }
    const paths = new Set(
      provenance
        ? await store.pathsAwaitingVectors(provenance)
        : (await store.listFiles({ status: 'indexed' })).map((f) => f.path),
    );
    this.awaiting = { key, version, paths, at: performance.now() };
    return paths;
  }

  /** Background derivations stop; the next search starts them again (they resume where they stopped). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.stop.abort();
    await Promise.all([...this.derives.values()].map((job) => job.finished));
    this.cache.clear();
  }
}

/**
 * The keyword list as fusion sees it. n-grams find `catalogue` for `cat` and `trades` for `tirades`: good
 * recall, but in a fused list such partial matches outrank the passages that hold the word itself. So
 * passages containing query terms verbatim (folded: case, accents, width) come first, by how many distinct
 * terms they hold, then BM25; n-gram-only matches are kept only when no passage holds any term (a typo,
 * another inflection), where they are the best keyword evidence there is.
 */
export function rankKeywordHits(hits: readonly KeywordHit[], terms: readonly string[]): KeywordHit[] {
  const folded = terms.map(foldTerm).filter((t) => t.length > 0);
  if (folded.length === 0) return [...hits];
  const scored = hits.map((hit, order) => {
    const text = foldWithOffsets(hit.chunk.text).text;
    return { hit, order, matched: folded.reduce((n, term) => n + (text.includes(term) ? 1 : 0), 0) };
  });
  const verbatim = scored.filter((s) => s.matched > 0);
  const kept = verbatim.length > 0 ? verbatim : scored;
  return kept.sort((a, b) => b.matched - a.matched || a.order - b.order).map((s) => s.hit);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function describeJob(job: DeriveJob): SemanticReport['derive'] {
  return { dims: job.dims, done: job.done, total: job.total, state: job.state };
}

function asResultError(error: unknown): ResultError {
  return error instanceof PolyseekError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: errorMessage(error) };
}

async function timed<T>(work: () => Promise<T>, record: (ms: number) => void): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    record(performance.now() - started);
  }
}
