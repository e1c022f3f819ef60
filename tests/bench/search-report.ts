/** tests/bench/results/search.md part 1, from the results search.ts merges into search.json. */

export interface VariantResult {
  readonly p50_ms: number;
  readonly p95_ms: number;
  /** Median process CPU time per query (all threads); absent in results written before it was recorded. */
  readonly cpu_p50_ms?: number;
  readonly recall10: number | null;
}

export interface FilteredResult {
  readonly where: string;
  readonly matches: number;
  /** What vectorSearch reported: `ann` (IVF, probes scaled to the selectivity) or `exact` (matches scored). */
  readonly index: string;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly recall10: number;
}

export interface ConfigResult {
  readonly rows: number;
  readonly dims: number;
  /** Absent in results written before these were recorded. */
  readonly measured_at?: string;
  /** The machine's 1-minute load average when this configuration started and ended (2 cores: above 2 it was shared). */
  readonly loadavg_1m?: { readonly start: number; readonly end: number };
  readonly write_s: number;
  readonly exact: { readonly p50_ms: number; readonly p95_ms: number; readonly cpu_ms_per_query: number };
  readonly ann_index: {
    readonly action: string;
    readonly build_s: number;
    readonly type: string | null;
    readonly name: string | null;
    readonly trained_rows: number | null;
    readonly bytes: number | null;
    readonly exact_max_rows_at_these_dims: number;
  };
  readonly variants: Readonly<Record<string, VariantResult>>;
  /** Absent in results written before filtered queries were measured. */
  readonly filtered?: { readonly where_third: FilteredResult; readonly where_folder_1pct: FilteredResult };
  readonly exact_over_ann_p50: number | null;
  readonly binary_over_ann_p50: number | null;
  readonly binary_codes: { readonly load_ms: number; readonly memory_bytes: number };
  readonly storage: {
    readonly float_bytes: number;
    readonly binary_bytes: number;
    readonly binary_storage_ratio: number;
  };
}

export interface SearchBenchResults {
  readonly ann_1m_256_p50_ms: number | null;
  readonly ann_1m_256_recall10: number | null;
  readonly binary_recall10: number | null;
  readonly binary_p50_ms: number | null;
  readonly binary_storage_ratio: number | null;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly node: string;
    readonly loadavg_at_start: number[];
    readonly loadavg_at_end: number[];
  };
  readonly date: string;
  readonly vector_search: {
    readonly data: string;
    readonly policy_constants: Readonly<Record<string, number>>;
    readonly configs: readonly ConfigResult[];
    readonly policy: null | {
      readonly exact_by_rows: readonly Record<string, unknown>[];
      readonly index_types_200k_256: readonly Record<string, unknown>[];
      readonly refresh_vs_rebuild_256: readonly Record<string, unknown>[];
    };
  };
}

const mb = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const num = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(value));
const timing = (v: VariantResult | undefined) =>
  v ? `${v.p50_ms} / ${v.p95_ms}${v.cpu_p50_ms === undefined ? '' : ` (${v.cpu_p50_ms})`}` : '–';
const filter = (f: FilteredResult | undefined) => (f ? `${f.p50_ms} / ${f.recall10} (${f.index})` : '–');
const size = (c: ConfigResult) => `${c.rows >= 1e6 ? `${c.rows / 1e6}M` : `${c.rows / 1e3}K`} × ${c.dims}`;

/** A markdown table of records, columns in the first record's key order. */
function table(records: readonly Record<string, unknown>[]): string[] {
  const first = records[0];
  if (!first) return ['(not measured)'];
  const keys = Object.keys(first);
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '–';
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return [
    `| ${keys.join(' | ')} |`,
    `|${keys.map(() => '---').join('|')}|`,
    ...records.map((record) => `| ${keys.map((key) => cell(record[key])).join(' | ')} |`),
  ];
}

export function searchMarkdown(results: SearchBenchResults): string {
  const { configs, policy, policy_constants: constants } = results.vector_search;
  const variant = (c: ConfigResult, name: string) => c.variants[name];
  const probes = constants['nprobes'] ?? 0;
  const [half, twice] = [probes / 2, probes * 2];
  const lines = [
    '# Search benchmark',
    '',
    `${results.date} · ${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node} · load average ${results.machine.loadavg_at_start.join(' / ')} at start, ${results.machine.loadavg_at_end.join(' / ')} at end (the machine is shared: timings drift 2–5×; variants were interleaved per query).`,
    '',
    `Data: ${results.vector_search.data}.`,
    '',
    '## Vector search (`npm run bench:search`, part 1)',
    '',
    `Headline: ANN at 1M × 256 p50 **${num(results.ann_1m_256_p50_ms)} ms**, recall@10 **${num(results.ann_1m_256_recall10)}** (goal ≤ 10 ms, ≥ 0.95); binary tier + rescoring recall@10 **${num(results.binary_recall10)}** at p50 ${num(results.binary_p50_ms)} ms (goal ≥ 0.95); binary codes / float vectors **${num(results.binary_storage_ratio)}** of the bytes.`,
    '',
    '| rows × dims | exact p50 / p95 ms | ANN build s | ANN p50 / p95 ms (CPU p50) | ANN recall@10 | exact ÷ ANN p50 | binary p50 / p95 ms (CPU p50) | binary recall@10 | binary ÷ ANN p50 | filter ⅓ of rows: p50 ms / recall | filter 1 %: p50 ms / recall | measured (load avg start → end) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...configs.map((c) => {
      const ann = variant(c, 'ann');
      const binary = variant(c, 'binary');
      return `| ${size(c)} | ${c.exact.p50_ms} / ${c.exact.p95_ms} | ${c.ann_index.build_s} | ${timing(ann)} | ${num(ann?.recall10)} | ${num(c.exact_over_ann_p50)} | ${timing(binary)} | ${num(binary?.recall10)} | ${num(c.binary_over_ann_p50)} | ${filter(c.filtered?.where_third)} | ${filter(c.filtered?.where_folder_1pct)} | ${c.measured_at?.slice(0, 16) ?? '–'} (${num(c.loadavg_1m?.start)} → ${num(c.loadavg_1m?.end)}) |`;
    }),
    '',
    `Policy as measured here (vector-index.ts, binary-tier.ts): exact up to ${constants['exact_max_rows_256']} rows at 256 dims / ${constants['exact_max_rows_1024']} at 1024 (rows × dims ≤ 8 M), then IVF_RQ (1 bit, l2, √rows partitions), ${num(probes)} probes, the best ${num(constants['refine_candidates'])} (at least 5× the limit) re-ranked with float vectors; binary tier: max(400, 4 × limit) hamming candidates, rescored exactly.`,
    '',
    '### Storage and the binary first pass',
    '',
    '| rows × dims | float vectors | binary codes | ratio | ANN index (type, size) | codes load ms | hamming first pass: LanceDB flat p50 ms |',
    '|---|---|---|---|---|---|---|',
    ...configs.map(
      (c) =>
        `| ${size(c)} | ${mb(c.storage.float_bytes)} | ${mb(c.storage.binary_bytes)} | ${c.storage.binary_storage_ratio} | ${c.ann_index.type ?? '–'}, ${mb(c.ann_index.bytes)} | ${c.binary_codes.load_ms} | ${num(variant(c, 'first_pass_lance_hamming')?.p50_ms)} |`,
    ),
    '',
    '### Query-time choices (same queries, interleaved): recall@10 / p50 ms',
    '',
    `Binary tier with 100 / 200 / 400 / 800 hamming candidates (chosen: ${num(constants['binary_candidates_at_limit_10'])} at limit 10, ${num(constants['binary_candidates_at_limit_120'])} at 120); ANN with half / the chosen / twice ${num(constants['nprobes'])} probes and 100 / ${num(constants['refine_candidates'])} (chosen) / 600 rows re-ranked; both tiers asked for 120 rows as the Searcher does (recall of the first 10).`,
    '',
    `| rows × dims | binary 100 | binary 200 | binary 400 | binary 800 | ANN ${half} probes | ANN ${probes} probes | ANN ${twice} probes | ANN 100 re-ranked | ANN 600 re-ranked | ANN, limit 120 | binary, limit 120 |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...configs.map((c) => {
      const v = (name: string) => `${num(variant(c, name)?.recall10)} / ${num(variant(c, name)?.p50_ms)}`;
      return `| ${size(c)} | ${v('binary_candidates_100')} | ${v('binary_candidates_200')} | ${v('binary')} | ${v('binary_candidates_800')} | ${v(`ann_nprobes_${half}`)} | ${v('ann')} | ${v(`ann_nprobes_${twice}`)} | ${v('ann_candidates_100')} | ${v('ann_candidates_600')} | ${v('ann_limit_120')} | ${v('binary_limit_120')} |`;
    }),
    '',
  ];
  if (policy) {
    lines.push(
      '## Policy measurements',
      '',
      '### Exact search latency against rows (the ANN threshold)',
      '',
      ...table(policy.exact_by_rows),
      '',
      '### Index types at 200K × 256 (100 queries)',
      '',
      ...table(policy.index_types_200k_256),
      '',
      '### Refresh against rebuild (100K trained, grown to 400K with rows from new clusters; half the queries near them)',
      '',
      ...table(policy.refresh_vs_rebuild_256),
      '',
    );
  }
  return lines.join('\n');
}
