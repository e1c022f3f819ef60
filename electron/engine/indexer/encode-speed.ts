import { readFile } from 'node:fs/promises';

import { z } from 'zod';

import { EncodeSpeedSchema, PRECISIONS, type EncodeSpeed, type Precision } from '../../../shared';
import { writeFileAtomic } from '../settings/atomic-write';
import type { PassageEncoder } from './pipeline';

/**
 * A job that encoded fewer chunks than this keeps the previous figure: a watched edit of one file runs
 * a batch or two, mostly warm-up and padding, and would swing the estimate by several times.
 */
export const MIN_MEASURED_CHUNKS = 16;

const SpeedsFileSchema = z.strictObject({
  version: z.literal(1),
  speeds: z.partialRecord(z.enum(PRECISIONS), EncodeSpeedSchema),
});
type SpeedsFile = z.infer<typeof SpeedsFileSchema>;

/** Time spent inside the passage encoder during one job, with the chunks and tokens it encoded. */
export class EncodeMeter {
  private chunks = 0;
  private tokens = 0;
  private ms = 0;
  private precision: Precision | null = null;

  /** The same encoder, timed. Calls run one at a time (the pipeline awaits each), so times add up. */
  wrap(encoder: PassageEncoder): PassageEncoder {
    this.precision = encoder.provenance.precision;
    return {
      provenance: encoder.provenance,
      embed: async (texts, signal) => {
        const started = performance.now();
        const result = await encoder.embed(texts, signal);
        this.ms += performance.now() - started;
        this.chunks += texts.length;
        this.tokens += result.tokens;
        return result;
      },
    };
  }

  /** The measured speed, or null when too little was encoded to tell. */
  result(now: Date = new Date()): EncodeSpeed | null {
    if (!this.precision || this.chunks < MIN_MEASURED_CHUNKS || this.ms <= 0) return null;
    const seconds = this.ms / 1000;
    return {
      precision: this.precision,
      chunksPerSecond: this.chunks / seconds,
      tokensPerSecond: this.tokens / seconds,
      chunks: this.chunks,
      seconds,
      measuredAt: now.toISOString(),
    };
  }
}

/**
 * The last measured speed per precision, kept in `<dataDir>/encode-speed.json` so the re-embed estimate
 * survives a restart. A missing or unreadable file is no measurement, never an error: it only feeds an
 * estimate.
 */
export class EncodeSpeeds {
  private cached: Promise<SpeedsFile> | null = null;

  constructor(readonly path: string) {}

  async all(): Promise<Partial<Record<Precision, EncodeSpeed>>> {
    return (await this.read()).speeds;
  }

  /** Keeps `speed` as the figure for its precision; null (too little measured) keeps the old one. */
  async record(speed: EncodeSpeed | null): Promise<void> {
    if (!speed) return;
    const file = await this.read();
    const next: SpeedsFile = { version: 1, speeds: { ...file.speeds, [speed.precision]: speed } };
    this.cached = Promise.resolve(next);
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
  }

  private read(): Promise<SpeedsFile> {
    this.cached ??= readFile(this.path, 'utf8').then(parseSpeeds, empty);
    return this.cached;
  }
}

function parseSpeeds(text: string): SpeedsFile {
  try {
    const parsed = SpeedsFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : empty();
  } catch {
    return empty();
  }
}

function empty(): SpeedsFile {
  return { version: 1, speeds: {} };
}

/** The speed for `precision` if measured, else the latest of any precision (the plan says which). */
export function speedFor(speeds: Partial<Record<Precision, EncodeSpeed>>, precision: Precision): EncodeSpeed | null {
  const exact = speeds[precision];
  if (exact) return exact;
  const all = Object.values(speeds).filter((s): s is EncodeSpeed => s !== undefined);
  return all.sort((a, b) => (a.measuredAt < b.measuredAt ? 1 : -1))[0] ?? null;
}
