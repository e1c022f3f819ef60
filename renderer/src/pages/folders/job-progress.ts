import type { IndexJob } from '../../../../shared';
import { COMMON_TEXT, formatDuration } from '../../text/common';
import { FOLDERS_TEXT } from '../../text/folders';

/** One progress bar of a job: what it counts, how far (0–1, or null while the total is unknown). */
export interface JobBar {
  readonly label: string;
  readonly share: number | null;
  readonly detail: string;
}

/**
 * The bars a job shows: files while crawling and indexing; while embedding (a re-embed after a
 * settings change, or vectors the model could not make earlier) the files that have vectors, out of
 * those that lacked them when the phase began. The ETA goes with the bar it is for.
 */
export function jobBars(job: IndexJob): JobBar[] {
  const words = FOLDERS_TEXT.job;
  const eta = job.etaSeconds !== null ? COMMON_TEXT.left(formatDuration(job.etaSeconds)) : null;
  const embedding = job.phase === 'embedding';
  const files: JobBar = {
    label: words.files,
    share: job.phase === 'indexing' && job.filesTotal > 0 ? Math.min(1, job.filesDone / job.filesTotal) : null,
    detail: join([
      job.phase === 'crawling' ? words.found(job.filesSeen) : words.ofTotal(job.filesDone, job.filesTotal),
      words.unchanged(job.filesUnchanged),
      job.filesFailed > 0 ? words.failed(job.filesFailed) : null,
      embedding ? null : eta,
    ]),
  };
  if (!embedding) return [files];
  const total = job.vectorFilesTotal;
  const done = Math.max(0, total - job.filesAwaitingVectors);
  const vectors: JobBar = {
    label: words.vectors,
    share: total > 0 ? Math.min(1, done / total) : null,
    detail: join([words.filesWithVectors(done, total), eta]),
  };
  // A vectors-only job (after a settings change) has no files to show.
  return job.kind === 'vectors' ? [vectors] : [files, vectors];
}

/** The line under the bars: chunks, encoding rate, files still waiting for vectors. */
export function jobCounters(job: IndexJob): string {
  const words = FOLDERS_TEXT.job;
  return join([
    words.chunks(job.chunks, job.chunksEncoded),
    job.tokensPerSecond !== null ? words.tokensPerSecond(job.tokensPerSecond) : null,
    job.filesAwaitingVectors > 0 ? words.awaiting(job.filesAwaitingVectors) : null,
  ]);
}

function join(parts: readonly (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(COMMON_TEXT.separator);
}
