import type { ModelJob } from '../../shared';
import { formatBytes } from '../engine/model/disk-space';
import type { CliIo } from './io';

const BAR_WIDTH = 24;
/** A terminal line is redrawn at most this often. */
const TTY_INTERVAL_MS = 100;
/** Without a terminal (a log file, CI), a plain line at most this often, plus one per file. */
const PLAIN_INTERVAL_MS = 5000;

/**
 * Shows a model job's progress on stderr: one line redrawn in place on a terminal, plain lines now and
 * then (and at each new file) elsewhere, so logs stay readable. Results stay on stdout.
 */
export function createProgressLine(io: CliIo): { show(job: ModelJob): void; end(): void } {
  let lastDraw = 0;
  let lastFile: string | null = null;
  let lastMessage: string | null = null;
  let drawnWidth = 0;
  const end = (): void => {
    if (io.stderrIsTty && drawnWidth > 0) io.errPartial('\n');
    drawnWidth = 0;
  };
  return {
    show(job) {
      if (job.state !== 'running') return end();
      const now = performance.now();
      const phase = job.file?.path ?? null;
      const changed = phase !== lastFile || job.message !== lastMessage;
      const interval = io.stderrIsTty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
      if (!changed && now - lastDraw < interval) return;
      lastDraw = now;
      lastFile = phase;
      lastMessage = job.message;
      const line = describeProgress(job);
      if (!io.stderrIsTty) return io.err(line);
      io.errPartial(`\r${line.padEnd(drawnWidth)}`);
      drawnWidth = line.length;
    },
    end,
  };
}

/** `downloading onnx/model.onnx  [#######-----]  45%  1.03 GB/2.29 GB  12.4 MB/s  ETA 1m42s` */
export function describeProgress(job: ModelJob): string {
  const parts = [job.message ?? job.kind];
  if (job.total !== null && job.total > 0) {
    const share = Math.min(1, job.bytes / job.total);
    const filled = Math.floor(share * BAR_WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`, `${Math.floor(share * 100)}%`);
    parts.push(`${formatBytes(job.bytes)}/${formatBytes(job.total)}`);
  } else if (job.bytes > 0) {
    parts.push(formatBytes(job.bytes));
  }
  if (job.bytesPerSecond !== null) parts.push(`${formatBytes(job.bytesPerSecond)}/s`);
  if (job.etaSeconds !== null) parts.push(`ETA ${formatDuration(job.etaSeconds)}`);
  return parts.join('  ');
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
