import { access } from 'node:fs/promises';
import { join } from 'node:path';

import { MODEL_ID, errorMessage, type ModelStatus, type Precision, type Settings } from '../../../shared';
import { tokenCounterFor } from '../chunk/token-counter';
import type { TokenCounter } from '../chunk/types';
import type { Encoder } from '../encoder/encoder';
import { readModelConfig } from '../encoder/model-config';
import { loadTokenizer } from '../encoder/tokenizer';
import type { Provenance } from '../store/types';
import type { PassageEncoder } from './pipeline';

/**
 * Indexing batches: half the encoder's default token budget. Passages run near the chunker's 512-token
 * ceiling, where attention memory (batch × heads × seq²) dominates the transient peak; 4 × 512 keeps
 * the run under the 1.5 GB goal with int8 at a throughput close to 8 × 512 (ENVIRONMENT.md: 4×512 is
 * already 71–81 % of the GEMM peak).
 */
const INDEX_BATCHING = { tokenBudget: 4096 } as const;

export interface ModelAccessOptions {
  readonly getSettings: () => Settings;
  readonly modelDir: () => string;
  readonly cacheDir: string;
  /** The engine's encoder for the settings' precision (licence gate and load errors included). */
  readonly encoder: () => Promise<Encoder>;
  readonly modelStatus: () => Promise<ModelStatus>;
  readonly chunkerVersion: number;
  readonly fallbackCounter: TokenCounter;
  /** Called with the time spent inside each encoder call (the benchmark's busy share). */
  readonly onEncoderBusy?: (ms: number) => void;
}

/**
 * The model as indexing needs it: a token counter for chunking (the model's tokenizer as soon as its
 * files are there — no licence needed to count tokens — else the chunker's over-estimating fallback),
 * and the passage encoder with the provenance its vectors get, or the reason there is none.
 */
export class ModelAccess {
  private counter: { dir: string; pending: Promise<TokenCounter | null> } | null = null;

  constructor(private readonly options: ModelAccessOptions) {}

  async tokenCounter(): Promise<{ count: TokenCounter; fromModel: boolean }> {
    const dir = this.options.modelDir();
    if (this.counter?.dir !== dir) {
      const pending = this.loadCounter(dir);
      this.counter = { dir, pending };
      // A folder without a tokenizer yet gets another look next time (the download may be under way).
      void pending.then((c) => {
        if (c === null && this.counter?.pending === pending) this.counter = null;
      });
    }
    const count = await this.counter.pending;
    return count ? { count, fromModel: true } : { count: this.options.fallbackCounter, fromModel: false };
  }

  /** The passage encoder, or why vectors cannot be made now (never a stand-in embedding). */
  async passageEncoder(): Promise<{ encoder: PassageEncoder } | { problem: string }> {
    let loaded: Encoder;
    try {
      loaded = await this.options.encoder();
    } catch (error) {
      return { problem: errorMessage(error) };
    }
    const settings = this.options.getSettings();
    const dims = loaded.dimsFor(settings.encoder.dims);
    const task = settings.encoder.passageTask;
    const prefix = settings.encoder.instructionPrefix;
    const provenance: Provenance = {
      modelId: MODEL_ID,
      modelChecksum: await this.checksum(loaded),
      precision: loaded.precision,
      task,
      prefix,
      dims,
      chunkerVersion: this.options.chunkerVersion,
    };
    const onBusy = this.options.onEncoderBusy;
    return {
      encoder: {
        provenance,
        embed: async (texts, signal) => {
          const started = performance.now();
          try {
            const embeddings = await loaded.embed(texts, { task, dims, prefix, signal, batching: INDEX_BATCHING });
            return {
              vectors: embeddings.map((e) => e.vector),
              tokens: embeddings.reduce((n, e) => n + e.tokens, 0),
            };
          } finally {
            onBusy?.(performance.now() - started);
          }
        },
      },
    };
  }

  /**
   * The Matryoshka dims and width of the model in `dir` (default: the folder in use), from config.json
   * alone — no licence, no session; null when it cannot be read (no model yet).
   */
  async modelShape(dir?: string): Promise<{ dims: readonly number[]; hiddenSize: number } | null> {
    try {
      const config = await readModelConfig(dir ?? this.options.modelDir());
      return { dims: config.dims, hiddenSize: config.hiddenSize };
    } catch {
      return null;
    }
  }

  private async loadCounter(dir: string): Promise<TokenCounter | null> {
    try {
      await access(join(dir, 'tokenizer.json'));
    } catch {
      return null;
    }
    try {
      // Without `<s>` and `</s>`; no limit here, the chunker keeps chunks under the model's.
      return tokenCounterFor(await loadTokenizer(dir, this.options.cacheDir));
    } catch {
      return null;
    }
  }

  private checksum(encoder: Encoder): Promise<string> {
    return weightsChecksum(encoder, this.options.modelStatus);
  }
}

/**
 * What identifies the weights: the manifest's sha256 when the file has the manifest's size, else its
 * size (a synthetic stand-in also names its preset and seed). Never the hash computed by a later
 * verification: that would change the provenance, and re-embed everything, just for checking. Search
 * compares it with the provenance of the vectors it is about to query.
 */
export async function weightsChecksum(encoder: Encoder, modelStatus: () => Promise<ModelStatus>): Promise<string> {
  const synthetic = encoder.config.synthetic
    ? `synthetic-${encoder.config.synthetic.preset}-${encoder.config.synthetic.seed}:`
    : '';
  try {
    return synthetic + describeWeights(await modelStatus(), encoder.precision);
  } catch {
    return `${synthetic}unknown`;
  }
}

function describeWeights(status: ModelStatus, precision: Precision): string {
  const variant = status.variants.find((v) => v.variant === precision);
  const onnx = variant?.files.find((f) => f.endsWith('.onnx'));
  const file = status.files.find((f) => f.path === onnx);
  if (!file) return `${precision}:unknown`;
  if (file.expectedSha256 && file.bytes !== null && file.bytes === file.expectedBytes)
    return `sha256:${file.expectedSha256}`;
  return `bytes:${file.bytes ?? 0}`;
}
