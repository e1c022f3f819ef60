// Extraction throughput per format, for `npm run bench:index` (tests/bench/index.ts calls
// measureExtraction). Runs in this thread, one file at a time, so the numbers are per core and exclude the
// pool's hand-off; CPU time is reported beside wall time because these shared machines drift.
import { readFile, stat } from 'node:fs/promises';

import { DETECT_HEAD_BYTES, detectFormat, extractFile } from '../../electron/engine/extract';

export interface FormatThroughput {
  readonly files: number;
  readonly bytes: number;
  /** Wall-clock seconds spent extracting this format's files. */
  readonly seconds: number;
  /** Process CPU seconds over the same spans (user + system). */
  readonly cpuSeconds: number;
  readonly mbPerS: number;
  readonly filesPerS: number;
  /** Files that failed with an ExtractError (they count toward files, bytes and time). */
  readonly failed: number;
}

/** Extracts each file once and sums bytes, wall and CPU time per detected format. */
export async function measureExtraction(files: readonly string[]): Promise<Record<string, FormatThroughput>> {
  const totals = new Map<string, { files: number; bytes: number; seconds: number; cpu: number; failed: number }>();
  for (const file of files) {
    const info = await stat(file);
    if (!info.isFile()) continue;
    const head = (await readFile(file)).subarray(0, DETECT_HEAD_BYTES);
    const format = detectFormat(file, head);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let failed = 0;
    try {
      await extractFile(file);
    } catch {
      failed = 1;
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const total = totals.get(format) ?? { files: 0, bytes: 0, seconds: 0, cpu: 0, failed: 0 };
    total.files += 1;
    total.bytes += info.size;
    total.seconds += seconds;
    total.cpu += (cpu.user + cpu.system) / 1e6;
    total.failed += failed;
    totals.set(format, total);
  }
  const result: Record<string, FormatThroughput> = {};
  for (const [format, t] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    result[format] = {
      files: t.files,
      bytes: t.bytes,
      seconds: round(t.seconds),
      cpuSeconds: round(t.cpu),
      mbPerS: round(t.seconds > 0 ? t.bytes / 1e6 / t.seconds : 0),
      filesPerS: round(t.seconds > 0 ? t.files / t.seconds : 0),
      failed: t.failed,
    };
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
