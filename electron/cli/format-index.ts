import { formatBytes } from '../../shared';
import type { IndexErrors, IndexJob, IndexStatus, Root } from '../../shared';
import { formatDuration, progressBar } from './progress-line';

/** `indexing  [####------]  40%  120/300 files  2,310 chunks  512 tok/s  ETA 1m02s  docs/report.pdf` */
export function describeIndexProgress(job: IndexJob): string {
  const parts: string[] = [job.state === 'paused' ? 'paused' : job.phase];
  if (job.phase === 'crawling') parts.push(`${job.filesSeen} files found`);
  else if (job.phase === 'embedding') parts.push(`${job.filesAwaitingVectors} files await vectors`);
  else if (job.filesTotal > 0) {
    parts.push(progressBar(job.filesDone / job.filesTotal), `${job.filesDone}/${job.filesTotal} files`);
  }
  if (job.chunks > 0) parts.push(`${job.chunks.toLocaleString('en')} chunks`);
  if (job.tokensPerSecond !== null) parts.push(`${Math.round(job.tokensPerSecond)} tok/s`);
  if (job.etaSeconds !== null) parts.push(`ETA ${formatDuration(job.etaSeconds)}`);
  if (job.currentFile) parts.push(job.currentFile);
  return parts.join('  ');
}

export function formatRoots(roots: readonly Root[]): string {
  if (roots.length === 0) return 'no folders yet — add one with `polyseek index add <folder>`';
  return roots
    .map((r) =>
      [
        r.path,
        `  include ${r.include.join(' ')}`,
        `  exclude ${r.exclude.join(' ')}`,
        `  files up to ${formatBytes(r.maxFileBytes)}; links ${r.followSymlinks ? (r.allowOutside ? 'followed, also out of the folder' : 'followed inside the folder') : 'ignored'}`,
      ].join('\n'),
    )
    .join('\n');
}

export function formatIndexStatus(status: IndexStatus): string {
  const t = status.totals;
  const lines = [
    `Index: ${status.dir} (${formatBytes(t.bytesOnDisk)})`,
    `Files: ${t.files} — ${t.indexed} indexed, ${t.failed} failed, ${t.skipped} skipped, ${t.pending} pending; ${t.chunks} chunks`,
    `Vectors: ${
      status.filesAwaitingVectors === 0
        ? 'every indexed file has them'
        : `${status.filesAwaitingVectors} files await vectors${status.modelProblem ? ` (${status.modelProblem})` : ''}`
    }`,
  ];
  const p = status.activeProvenance;
  if (p) {
    lines.push(
      `Provenance: ${p.modelId} ${p.precision}, ${p.task}, ${p.dims} dims, prefix ${p.prefix ? 'on' : 'off'}, chunker v${p.chunkerVersion} (${p.modelChecksum})`,
    );
  }
  for (const set of status.vectorSets) {
    const v = set.provenance;
    lines.push(
      `  vector set${set.active ? ' (searched)' : ''}: ${v.task}, ${v.dims} dims, ${v.precision} — ${set.rows} rows, ${formatBytes(set.floatBytes)} float + ${formatBytes(set.binaryBytes)} binary codes, ${set.index === 'ann' ? 'ANN index' : 'exact search'}`,
    );
  }
  for (const root of status.roots) {
    lines.push(
      `  ${root.path}${root.exists ? '' : ' (missing: its index is kept)'}: ${root.indexed} indexed, ${root.failed} failed, ${root.skipped} skipped, ${root.pending} pending, ${root.chunks} chunks`,
    );
  }
  if (status.job) lines.push(`Last job: ${status.job.state} — ${status.job.message ?? ''}`);
  if (status.watching) lines.push('Watching for changes.');
  return lines.join('\n');
}

export function formatIndexErrors(errors: IndexErrors): string {
  if (errors.total === 0) return 'no file errors';
  const rows = errors.errors.map((e) => `${e.code.padEnd(14)} ${e.path}\n${' '.repeat(15)}${e.message}`);
  const more =
    errors.total > errors.errors.length ? `\n… and ${errors.total - errors.errors.length} more (--offset)` : '';
  return `${errors.total} files not indexed:\n${rows.join('\n')}${more}`;
}
