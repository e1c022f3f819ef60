import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  EncodeMeter,
  EncodeSpeeds,
  MIN_MEASURED_CHUNKS,
  speedFor,
} from '../../../../electron/engine/indexer/encode-speed';
import type { PassageEncoder } from '../../../../electron/engine/indexer/pipeline';
import { MODEL_ID, type EncodeSpeed } from '../../../../shared';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();

/** An encoder that takes `ms` per call and counts 10 tokens per text. */
function slowEncoder(ms: number): PassageEncoder {
  return {
    provenance: {
      modelId: MODEL_ID,
      modelChecksum: 'x',
      precision: 'int8',
      task: 'retrieval.passage',
      prefix: true,
      dims: 32,
      chunkerVersion: 1,
    },
    embed: async (texts) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return { vectors: texts.map(() => new Float32Array(32)), tokens: texts.length * 10 };
    },
  };
}

const signal = new AbortController().signal;

describe('EncodeMeter', () => {
  it('measures chunks and tokens over the time spent inside the encoder', async () => {
    const meter = new EncodeMeter();
    const encoder = meter.wrap(slowEncoder(20));
    await encoder.embed(new Array<string>(MIN_MEASURED_CHUNKS).fill('a'), signal);
    await encoder.embed(['b', 'c', 'd', 'e'], signal);
    const speed = meter.result(new Date('2026-03-01T00:00:00Z'));
    expect(speed).not.toBeNull();
    expect(speed).toMatchObject({ precision: 'int8', chunks: MIN_MEASURED_CHUNKS + 4 });
    expect(speed?.seconds).toBeGreaterThanOrEqual(0.035);
    expect(speed?.tokensPerSecond).toBeCloseTo((speed?.chunksPerSecond ?? 0) * 10, 6);
    expect(speed?.measuredAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('tells nothing from a handful of chunks (a watched edit)', async () => {
    const meter = new EncodeMeter();
    await meter.wrap(slowEncoder(1)).embed(['one', 'two'], signal);
    expect(meter.result()).toBeNull();
    expect(new EncodeMeter().result()).toBeNull();
  });
});

describe('EncodeSpeeds', () => {
  const speed = (precision: EncodeSpeed['precision'], measuredAt: string): EncodeSpeed => ({
    precision,
    chunksPerSecond: 3,
    tokensPerSecond: 900,
    chunks: 300,
    seconds: 100,
    measuredAt,
  });

  it('keeps one figure per precision across instances, and ignores null', async () => {
    const path = join(await tempDir(), 'encode-speed.json');
    const speeds = new EncodeSpeeds(path);
    expect(await speeds.all()).toEqual({});
    await speeds.record(speed('fp32', '2026-01-01T00:00:00.000Z'));
    await speeds.record(speed('int8', '2026-01-02T00:00:00.000Z'));
    await speeds.record(null);
    const again = await new EncodeSpeeds(path).all();
    expect(Object.keys(again).sort()).toEqual(['fp32', 'int8']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('reads a damaged file as no measurement', async () => {
    const path = join(await tempDir(), 'encode-speed.json');
    await writeFile(path, '{ not json');
    expect(await new EncodeSpeeds(path).all()).toEqual({});
    await writeFile(path, JSON.stringify({ version: 1, speeds: { fp32: { chunksPerSecond: -1 } } }));
    expect(await new EncodeSpeeds(path).all()).toEqual({});
  });

  it('speedFor: the precision’s own figure, else the latest of any', () => {
    const fp32 = speed('fp32', '2026-01-01T00:00:00.000Z');
    const fp16 = speed('fp16', '2026-02-01T00:00:00.000Z');
    expect(speedFor({ fp32, fp16 }, 'fp32')).toBe(fp32);
    expect(speedFor({ fp32, fp16 }, 'int8')).toBe(fp16);
    expect(speedFor({}, 'int8')).toBeNull();
  });
});
