/**
 * `npm run bench:dupes-refine` (`tsx tests/bench/dupes-refine.ts`): what the duplicates job's vector
 * queries cost and find with fewer rows re-ranked. A generated index (explore-data.ts, BENCH_DUPES_DOCS
 * documents of 2 passages, default 50 000 → 100 000 rows) gets text-matching vectors around 20 clusters,
 * with PAIRS planted partners: a passage of another file at a chosen cosine from 0.80 to 0.97 to its
 * source. Each source then asks the store's own search (the IVF index, as the job does: limit 10, no
 * filter) with each refine setting in turn, rotated per query so load drifts hit every setting alike:
 * milliseconds per query and whether the partner was among the hits, by its similarity.
 * Results: tests/bench/results/dupes-refine.{json,md}.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { indexPolicy } from '../../electron/engine/explore/encode-passages';
import { chunkId, IndexStore } from '../../electron/engine/store';
import { ANN_REFINE_CANDIDATES, currentAnnIndex } from '../../electron/engine/store/vector-index';
import { clusteredVectors, prng } from '../fixtures/clustered-vectors';
import { BENCH_DIMS, docPath, PASSAGES_PER_DOC, TEXT_MATCHING, writeCorpus } from './explore-data';
import { benchMachine, loadNow, median } from './workload';

const DOCS = Number(process.env['BENCH_DUPES_DOCS'] ?? 50_000);
const PAIRS = 1000;
/** Rows re-ranked: the default of every search, then smaller numbers for duplicates. */
const SETTINGS = [ANN_REFINE_CANDIDATES, 100, 50] as const;
const BANDS = [0.8, 0.85, 0.9, 0.97] as const;
const log = (message: string) => process.stderr.write(`[bench:dupes-refine] ${message}\n`);
const loadAtStart = loadNow();

const idOf = (doc: number, ordinal: number) => chunkId(docPath(doc), `h${doc}`, ordinal);

/** `source` bent towards a random direction until its cosine to `source` is `similarity` (unit length). */
function partnerOf(source: Float32Array, similarity: number, random: () => number): Float32Array {
  const other = Float32Array.from(source, () => random() * 2 - 1);
  let dot = 0;
  for (let d = 0; d < source.length; d += 1) dot += (other[d] ?? 0) * (source[d] ?? 0);
  let norm = 0;
  for (let d = 0; d < source.length; d += 1) {
    other[d] = (other[d] ?? 0) - dot * (source[d] ?? 0);
    norm += (other[d] ?? 0) ** 2;
  }
  const scale = Math.sqrt(1 - similarity * similarity) / Math.sqrt(norm);
  return Float32Array.from(source, (value, d) => similarity * value + scale * (other[d] ?? 0));
}

const dir = await mkdtemp(join(tmpdir(), 'polyseek-bench-dupes-refine-'));
try {
  const store = await IndexStore.open(dir, { deleteUnverified: true });
  await writeCorpus(store, DOCS, log, { textMatching: false });
  // Sources: passage 0 of every (DOCS / PAIRS)-th document; partners: passage 0 of the document halfway
  // to the next source, so each pair spans two files.
  const step = Math.floor(DOCS / PAIRS);
  const random = prng(31);
  const source = clusteredVectors({ dims: BENCH_DIMS, clusters: 20, noise: 1, centroidSeed: 41 }, 42);
  const pairs: { source: Float32Array; partner: string; similarity: number }[] = [];
  const sources = new Map<number, Float32Array>();
  for (let first = 0; first < DOCS; first += 1000) {
    const count = Math.min(1000, DOCS - first);
    const { vectors } = source.labelled(count * PASSAGES_PER_DOC);
    const rows = Array.from({ length: count * PASSAGES_PER_DOC }, (_, r) => {
      const doc = first + Math.floor(r / PASSAGES_PER_DOC);
      const ordinal = r % PASSAGES_PER_DOC;
      let vector: Float32Array = vectors.slice(r * BENCH_DIMS, (r + 1) * BENCH_DIMS);
      if (ordinal === 0 && doc % step === 0 && doc / step < PAIRS) sources.set(doc, vector);
      const from = sources.get(doc - Math.floor(step / 2));
      if (ordinal === 0 && from && doc % step === Math.floor(step / 2)) {
        const similarity = BANDS[0] + (BANDS[3] - BANDS[0]) * random();
        vector = partnerOf(from, similarity, random);
        pairs.push({ source: from, partner: idOf(doc, 0), similarity });
      }
      return { id: idOf(doc, ordinal), vector };
    });
    await store.addVectors(TEXT_MATCHING, rows);
  }
  let started = performance.now();
  const action = await store.ensureVectorIndex(TEXT_MATCHING, indexPolicy(TEXT_MATCHING));
  const indexS = +((performance.now() - started) / 1000).toFixed(1);
  log(`${DOCS * PASSAGES_PER_DOC} text-matching rows, ${pairs.length} planted pairs; index ${action} in ${indexS} s`);

  // The index lookup every query makes first (listIndices), timed apart.
  const { table } = await store.vectorTable(TEXT_MATCHING);
  const lookupMs: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    started = performance.now();
    await currentAnnIndex(table);
    lookupMs.push(performance.now() - started);
  }
  const ms = SETTINGS.map(() => [] as number[]);
  const found = SETTINGS.map(() => BANDS.slice(1).map(() => ({ found: 0, pairs: 0 })));
  for (const [q, pair] of pairs.entries()) {
    const band = BANDS.slice(1).findIndex((upper) => pair.similarity < upper);
    for (let turn = 0; turn < SETTINGS.length; turn += 1) {
      const s = (q + turn) % SETTINGS.length;
      const refineCandidates = SETTINGS[s];
      started = performance.now();
      const { hits } = await store.vectorSearch(TEXT_MATCHING, pair.source, { limit: 10, refineCandidates });
      ms[s]?.push(performance.now() - started);
      const tally = found[s]?.[band];
      if (tally) {
        tally.pairs += 1;
        if (hits.some((hit) => hit.id === pair.partner)) tally.found += 1;
      }
    }
  }
  await store.close();

  const rows = SETTINGS.map((candidates, s) => {
    const times = ms[s] ?? [];
    return {
      refine_candidates: candidates,
      mean_ms: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2),
      median_ms: +median(times).toFixed(2),
      partners_found: (found[s] ?? []).map((tally, b) => ({
        similarity: `${BANDS[b]}–${BANDS[b + 1]}`,
        found: tally.found,
        pairs: tally.pairs,
      })),
    };
  });
  const base = rows[0]?.mean_ms ?? 1;
  const results = {
    date: new Date().toISOString(),
    machine: benchMachine(loadAtStart),
    rows: DOCS * PASSAGES_PER_DOC,
    dims: BENCH_DIMS,
    index: { action, seconds: indexS, lookup_median_ms: +median(lookupMs).toFixed(3) },
    settings: rows,
  };
  const outDir = new URL('./results/', import.meta.url);
  await writeFile(new URL('dupes-refine.json', outDir), `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  const md = [
    `# Duplicates: rows re-ranked per vector query — ${results.date}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, node ${m.node} (load average ${m.loadavg_at_start.join(' / ')} at start, ${m.loadavg_at_end.join(' / ')} at end).`,
    `${results.rows} text-matching rows at ${BENCH_DIMS} dims around 20 clusters (IVF_RQ index, ${action} in ${indexS} s); ${pairs.length} planted partners in other files; limit 10, settings rotated per query.`,
    `Every query first looks the index up (LanceDB listIndices): median ${results.index.lookup_median_ms} ms of each.`,
    '',
    `| rows re-ranked | mean ms | median ms | time vs ${SETTINGS[0]} | ${BANDS.slice(1)
      .map((upper, b) => `partner found, cosine ${BANDS[b]}–${upper}`)
      .join(' | ')} |`,
    `|---|---|---|---|${BANDS.slice(1)
      .map(() => '---')
      .join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${row.refine_candidates} | ${row.mean_ms} | ${row.median_ms} | ${(row.mean_ms / base).toFixed(2)} | ${row.partners_found
          .map((band) => `${band.found} / ${band.pairs}`)
          .join(' | ')} |`,
    ),
    '',
  ].join('\n');
  await writeFile(new URL('dupes-refine.md', outDir), md);
  process.stdout.write(md);
} finally {
  await rm(dir, { recursive: true, force: true });
}
