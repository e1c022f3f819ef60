import {
  formatBytes,
  type DupePair,
  type DupesReport,
  type ExploreFileRef,
  type ExploreJobSummary,
  type ExploreReport,
  type TopicsReport,
} from '../../shared';
import { alignColumns, count, seconds } from './format-eval';
import { terminalSafe } from './format-search';
import { progressBar } from './progress-line';

/** Shared-passage pairs the human report lists (`--json` has them all). */
const SHARED_SHOWN = 5;
/** Pairs listed per near-duplicate group: a group of n files can have n(n−1)/2. */
const GROUP_PAIRS_SHOWN = 10;

/** `encoding passages (text-matching): 120 of 480  [####------]  25%  120/480` */
export function describeExploreProgress(summary: ExploreJobSummary): string {
  const parts = [summary.activity ?? summary.state];
  if (summary.total > 0) parts.push(progressBar(summary.done / summary.total), `${summary.done}/${summary.total}`);
  return parts.join('  ');
}

/** `duplicates job ID — 2 folders (/a, /b)`: what the job looks at. */
export function describeJob(summary: ExploreJobSummary): string {
  const kind = summary.kind === 'dupes' ? 'duplicates' : 'topics';
  const scope = summary.input.scope;
  const where = [...(scope?.roots ?? []), ...(scope?.folders ?? []), ...(scope?.files ?? [])];
  const what = where.length === 0 ? 'every indexed folder' : where.map(terminalSafe).join(', ');
  return `${kind} job ${summary.jobId} — ${what}`;
}

/** Why a synthetic model's similarities and clusters mean nothing about meaning; null for a real model. */
export function exploreSyntheticWarning(report: ExploreReport): string | null {
  const preset = report.kind === 'dupes' ? report.dupes?.synthetic : report.topics?.synthetic;
  if (!preset) return null;
  return (
    `warning: the model is the synthetic "${preset}" stand-in (random weights): ` +
    'these similarities and clusters test the pipeline, they are NOT semantic'
  );
}

function header(report: ExploreReport, details: string[]): string[] {
  const { summary } = report;
  const took = summary.finishedAt
    ? ` in ${seconds(Date.parse(summary.finishedAt) - Date.parse(summary.startedAt))}`
    : '';
  const encoded = summary.encoded > 0 ? `, ${count(summary.encoded, 'passage')} encoded now` : '';
  const lines = [`${describeJob(summary)}: ${summary.state}${took}`, `${details.join(', ')}${encoded}`];
  const warning = exploreSyntheticWarning(report);
  if (warning) lines.push(warning);
  if (summary.error) lines.push(`error: ${summary.error.code}: ${summary.error.message}`);
  return lines;
}

export const percent = (share: number): string => `${Math.round(share * 100)} %`;
export const similarity = (cosine: number): string => `${(cosine * 100).toFixed(1)} %`;

/** `(en, 12 passages)` */
export function describeFile(file: ExploreFileRef): string {
  const language = file.language && file.language !== 'und' ? `${file.language}, ` : '';
  return `${terminalSafe(file.path)}  (${language}${count(file.passages, 'passage')})`;
}

function pairCells(pair: DupePair): string[] {
  return [
    similarity(pair.similarity),
    count(pair.matchedPassages, 'passage'),
    `shares ${percent(pair.shareA)} / ${percent(pair.shareB)}`,
    pair.relation + (pair.crossLanguage ? ' [translation]' : ''),
  ];
}

/** `threshold 0.95 (automatic: chance level 0.951)`, or the threshold as given. */
function thresholdText(dupes: NonNullable<Extract<ExploreReport, { kind: 'dupes' }>['dupes']>): string {
  const chance = dupes.chance === null ? '' : `chance level ${dupes.chance.toFixed(3)}`;
  if (dupes.autoThreshold) return `threshold ${dupes.threshold} (automatic${chance ? `: ${chance}` : ''})`;
  return `threshold ${dupes.threshold}${chance ? ` (${chance})` : ''}`;
}

/** Exact groups, near-duplicate groups (files numbered, then their pairs), the first shared-passage pairs. */
export function formatDupesReport(report: Extract<ExploreReport, { kind: 'dupes' }>): string {
  const dupes = report.dupes;
  const details = dupes
    ? [
        count(dupes.files, 'file'),
        count(dupes.passages, 'passage'),
        thresholdText(dupes),
        `min share ${dupes.minShare}`,
      ]
    : [count(report.summary.files, 'file')];
  const lines = header(report, details);
  if (!dupes) return lines.join('\n');
  if (!dupes.autoThreshold && dupes.chance !== null && dupes.threshold < dupes.chance) {
    lines.push(
      `warning: unrelated passages of these files reach ${dupes.chance.toFixed(3)} by chance; at threshold ` +
        `${dupes.threshold} they count as duplicates — leave --threshold out to choose it automatically`,
    );
  }
  if (dupes.nearProblem) {
    lines.push('', ...formatExact(dupes), '', `near-duplicates were not looked for: ${dupes.nearProblem.message}`);
    return lines.join('\n');
  }
  lines.push('', ...formatExact(dupes), '', ...formatGroups(dupes), '', ...formatShared(dupes));
  const pairs = [...dupes.groups.flatMap((g) => g.pairs), ...dupes.shared];
  if (pairs.some((p) => p.crossLanguage)) {
    lines.push(
      '',
      '[translation]: the files are in different languages — text-matching is cross-lingual, so a ' +
        'translation is a near-duplicate by design',
    );
  }
  const example = pairs[0];
  if (example) {
    lines.push(
      '',
      `side by side: polyseek dupes --job ${report.summary.jobId} --pair ${quote(example.a)} ${quote(example.b)}`,
    );
  }
  return lines.join('\n');
}

function formatExact(dupes: DupesReport): string[] {
  if (dupes.exact.length === 0) return ['exact duplicates (same bytes): none'];
  const lines = [`exact duplicates (same bytes): ${count(dupes.exact.length, 'group')}`];
  for (const group of dupes.exact) {
    lines.push(
      `  ${count(group.files.length, 'file')} · ${formatBytes(group.size)} · sha256 ${group.hash.slice(0, 12)}`,
    );
    lines.push(...group.files.map((file) => `    ${terminalSafe(file.path)}`));
  }
  return lines;
}

function formatGroups(dupes: DupesReport): string[] {
  if (dupes.groups.length === 0) return ['near-duplicates: none'];
  const lines = [`near-duplicates: ${count(dupes.groups.length, 'group')}`];
  for (const group of dupes.groups) {
    lines.push(`  group ${group.id + 1}: ${count(group.files.length, 'file')}`);
    const number = new Map(group.files.map((file, i) => [file.path, `[${i + 1}]`]));
    lines.push(...group.files.map((file, i) => `    [${i + 1}] ${describeFile(file)}`));
    const shown = group.pairs.slice(0, GROUP_PAIRS_SHOWN);
    const rows = shown.map((pair) => [
      `${number.get(pair.a) ?? terminalSafe(pair.a)}–${number.get(pair.b) ?? terminalSafe(pair.b)}`,
      ...pairCells(pair),
    ]);
    lines.push(...alignColumns(rows, new Set([1, 2])).map((row) => `      ${row}`));
    const more = group.pairs.length - shown.length;
    if (more > 0) lines.push(`      + ${count(more, 'more pair')} (--json lists all)`);
  }
  return lines;
}

function formatShared(dupes: DupesReport): string[] {
  if (dupes.shared.length === 0) return ['sharing some passages: none'];
  const shown = dupes.shared.slice(0, SHARED_SHOWN);
  const more = dupes.shared.length > shown.length ? ` (the first ${shown.length}; --json lists all)` : '';
  const lines = [`sharing some passages: ${count(dupes.shared.length, 'pair')}${more}`];
  const rows = alignColumns(shown.map(pairCells), new Set([0, 1]));
  shown.forEach((pair, i) => {
    lines.push(`  ${rows[i] ?? ''}`, `    ${terminalSafe(pair.a)}`, `    ${terminalSafe(pair.b)}`);
  });
  return lines;
}

/** Each cluster with its size and terms (per language when it has several), then the map's extent. */
export function formatTopicsReport(report: Extract<ExploreReport, { kind: 'topics' }>): string {
  const topics = report.topics;
  const details = topics ? topicsDetails(topics) : [count(report.summary.files, 'file')];
  const lines = header(report, details);
  if (!topics) return lines.join('\n');
  for (const cluster of topics.clusters) {
    const only = cluster.byLanguage.length === 1 ? cluster.byLanguage[0] : undefined;
    const language = only && only.language !== 'und' ? ` (${only.language})` : '';
    lines.push('', `cluster ${cluster.id} — ${count(cluster.size, 'document')}${language}: ${terms(cluster.terms)}`);
    if (cluster.byLanguage.length > 1) {
      for (const entry of cluster.byLanguage) {
        lines.push(`    ${entry.language} (${count(entry.passages, 'passage')}): ${terms(entry.terms)}`);
      }
    }
  }
  const b = topics.bounds;
  lines.push(
    '',
    `map: x ${b.minX.toFixed(2)}…${b.maxX.toFixed(2)}, y ${b.minY.toFixed(2)}…${b.maxY.toFixed(2)} ` +
      '(`--json` lists every document with its position and cluster)',
  );
  return lines.join('\n');
}

function topicsDetails(topics: TopicsReport): string[] {
  const k = topics.autoK ? `k ${topics.k} (chosen by silhouette)` : `k ${topics.k}`;
  const silhouette = topics.silhouette === null ? [] : [`silhouette ${topics.silhouette.toFixed(3)}`];
  return [count(topics.documents, 'document'), k, ...silhouette, `${topics.dims} dims`, `seed ${topics.seed}`];
}

function terms(list: readonly string[]): string {
  return list.length === 0 ? '(no terms)' : list.map(terminalSafe).join(', ');
}

/** A path as a shell word: quoted when it has anything a shell would split or expand. */
export function quote(path: string): string {
  return /^[\w@%+=:,./-]+$/u.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
