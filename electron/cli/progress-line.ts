import { formatBytes } from '../../shared';
import type { ModelJob } from '../../shared';
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
  const line = createRedrawnLine(io);
  return {
    show(job) {
      if (job.state !== 'running') return line.end();
      line.draw(describeProgress(job), `${job.file?.path ?? ''}\u0000${job.message ?? ''}`);
    },
    end: line.end,
  };
}

/**
 * A status line on stderr: redrawn in place on a terminal (at most every 100 ms), or printed as plain
 * lines at most every 5 s — and at once when `phase` changes — elsewhere, so logs stay readable.
 */
export function createRedrawnLine(io: CliIo): { draw: (line: string, phase: string) => void; end: () => void } {
  let lastDraw = 0;
  let lastPhase: string | null = null;
  let drawnWidth = 0;
  const end = (): void => {
    if (io.stderrIsTty && drawnWidth > 0) io.errPartial('\n');
    drawnWidth = 0;
  };
  return {
    draw(line, phase) {
      const now = performance.now();
      const interval = io.stderrIsTty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
      if (phase === lastPhase && now - lastDraw < interval) return;
      lastDraw = now;
      lastPhase = phase;
      if (!io.stderrIsTty) return io.err(line);
      io.errPartial(`\r${line.padEnd(drawnWidth)}`);
      drawnWidth = line.length;
    },
    end,
  };
}

/** `[#######-----]  45%` */
export function progressBar(share: number): string {
  const clamped = Math.min(1, Math.max(0, share));
  const filled = Math.floor(clamped * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]  ${Math.floor(clamped * 100)}%`;
}

/** `downloading onnx/model.onnx  [#######-----]  45%  1.03 GB/2.29 GB  12.4 MB/s  ETA 1m42s` */
export function describeProgress(job: ModelJob): string {
  const parts = [job.message ?? job.kind];
  if (job.total !== null && job.total > 0) {
    parts.push(progressBar(job.bytes / job.total));
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
