import { availableParallelism } from 'node:os';

import type { InferenceSession } from 'onnxruntime-node';

import { PolyseekError, errorMessage, type Precision, type ProviderPreference, type Task } from '../../../shared';
import { listOrtBackends } from '../compute/ort-backends';
import { planBatches, type BatchPlanOptions } from './batching';
import { readModelConfig, storedDims, type ModelConfig } from './model-config';
import { locateModelFiles } from './model-files';
import { selectProvider, type ProviderReport } from './providers';
import { openSession, runBatch } from './session';
import { loadTokenizer, type TextTokenizer } from './tokenizer';
import { binaryCode, truncateAndNormalize } from './vectors';

export interface EncoderOptions {
  /** Model folder in the Hugging Face layout (onnx/model.onnx, tokenizer.json, config.json). */
  readonly modelDir: string;
  /** Writable folder for transformers.js's cache. */
  readonly cacheDir: string;
  /** The CC-BY-NC-4.0 acknowledgment is recorded; without it no session is created. */
  readonly licenseAccepted: boolean;
  /** Default fp32. */
  readonly precision?: Precision;
  /** Default `auto`: GPU providers in the platform's order, verified against CPU, then CPU. */
  readonly provider?: ProviderPreference;
  /** Intra-op threads; 0 or absent = available cores. */
  readonly threads?: number;
  /** Overrides ORT's memory-pattern planner (benchmarks compare both). */
  readonly memoryPattern?: boolean;
  /** Token budget per run and batch size cap (see planBatches). */
  readonly batching?: BatchPlanOptions;
}

export interface EmbedOptions {
  readonly task: Task;
  /** Matryoshka dimension (must be one the model supports); default the model's hidden size. */
  readonly dims?: number;
  /** Prepend the task's instruction from config.json; default true (only retrieval tasks have one). */
  readonly prefix?: boolean;
  /** Also return sign-bit codes. Default false. */
  readonly binary?: boolean;
  readonly signal?: AbortSignal;
  /** Overrides the encoder's batching for this call (benchmarks compare plans with it). */
  readonly batching?: BatchPlanOptions;
  /** Called after each batch with texts done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Embedding {
  /** Unit-length vector of `dims` values. */
  readonly vector: Float32Array;
  /** Sign bits, 8 per byte, when asked for. */
  readonly binary: Uint8Array | null;
  /** Tokens the model saw, `<s>` and `</s>` included. */
  readonly tokens: number;
  /** The text was longer than the model's 8192-token limit and was cut (keeping `</s>`). */
  readonly truncated: boolean;
}

const PROBE_TEXTS = [
  'Where did I read about rotary position embeddings?',
  '日本語の文書を検索する',
  'البحث في المستندات',
];

/**
 * jina-embeddings-v3 on onnxruntime-node: tokenizer, session on a verified provider, token-budget
 * batches sorted by length, mean pooling, Matryoshka truncation and binary codes. Load once, call
 * `embed` many times, `dispose()` to release the native session.
 */
export class Encoder {
  private disposed = false;

  private constructor(
    private readonly session: InferenceSession,
    private readonly tokenizer: TextTokenizer,
    readonly config: ModelConfig,
    readonly provider: ProviderReport,
    readonly precision: Precision,
    readonly loadMs: number,
    private readonly batching: BatchPlanOptions,
  ) {}

  static async load(options: EncoderOptions): Promise<Encoder> {
    if (!options.licenseAccepted) {
      throw new PolyseekError(
        'LICENSE_NOT_ACCEPTED',
        'Jina Embeddings v3 is CC-BY-NC-4.0 (non-commercial use only); accept the licence in Settings or with `polyseek license accept` before the model is loaded',
      );
    }
    const started = performance.now();
    const precision = options.precision ?? 'fp32';
    const files = await locateModelFiles(options.modelDir, precision);
    const config = await readModelConfig(options.modelDir);
    const tokenizer = await loadTokenizer(options.modelDir, options.cacheDir);
    const threads = options.threads && options.threads > 0 ? options.threads : availableParallelism();
    const listing = await listOrtBackends();
    const probeRows = PROBE_TEXTS.map((text) => tokenizer.encode(text, config.maxTokens).ids);
    const probeLength = Math.max(...probeRows.map((r) => r.length));
    const probe = (session: InferenceSession) => runBatch(session, probeRows, probeLength, tokenizer.padId, 0);
    const { session, report } = await selectProvider<InferenceSession>({
      preference: options.provider ?? 'auto',
      available: (listing.backends ?? []).filter((b) => b.installed).map((b) => b.name),
      open: async (provider) => {
        const session = await openSession(files.onnxPath, {
          provider,
          threads,
          ...(options.memoryPattern === undefined ? {} : { memoryPattern: options.memoryPattern }),
        }).catch((error: unknown) => {
          if (provider !== 'cpu' || error instanceof PolyseekError) throw error;
          throw new PolyseekError('MODEL_INVALID', `loading ${files.onnxPath}: ${errorMessage(error)}`);
        });
        return { session, release: () => session.release() };
      },
      probe,
      time: async (session) => {
        await probe(session);
        const start = performance.now();
        await probe(session);
        return performance.now() - start;
      },
    });
    return new Encoder(
      session,
      tokenizer,
      config,
      report,
      precision,
      performance.now() - started,
      options.batching ?? {},
    );
  }

  /** The settings' Matryoshka dimension where this model offers it (a small synthetic one may not), else its full size. */
  dimsFor(wanted: number): number {
    return storedDims(this.config, wanted);
  }

  /** Embeddings in input order. One task per call, so every batch runs one LoRA adapter. */
  async embed(texts: readonly string[], options: EmbedOptions): Promise<Embedding[]> {
    if (this.disposed) throw new PolyseekError('INTERNAL', 'encoder used after dispose()');
    const taskId = this.config.taskIds.get(options.task);
    if (taskId === undefined) throw new PolyseekError('INVALID_INPUT', `unknown task ${JSON.stringify(options.task)}`);
    const dims = options.dims ?? this.config.hiddenSize;
    if (!this.config.dims.includes(dims) && dims !== this.config.hiddenSize) {
      throw new PolyseekError(
        'INVALID_INPUT',
        `dims ${dims} is not offered by this model (choose from ${this.config.dims.join(', ')})`,
      );
    }
    const prefix = (options.prefix ?? true) ? (this.config.instructions.get(options.task) ?? '') : '';
    const tokenized = texts.map((text) => this.tokenizer.encode(prefix + text, this.config.maxTokens));
    const results: (Embedding | undefined)[] = new Array<Embedding | undefined>(texts.length);
    let done = 0;
    for (const batch of planBatches(
      tokenized.map((t) => t.ids.length),
      options.batching ?? this.batching,
    )) {
      if (options.signal?.aborted) throw new PolyseekError('CANCELLED', 'embedding cancelled');
      const rows = batch.indices.map((i) => tokenized[i]?.ids ?? []);
      const pooled = await runBatch(this.session, rows, batch.paddedLength, this.tokenizer.padId, taskId);
      batch.indices.forEach((index, row) => {
        const vector = truncateAndNormalize(pooled[row] ?? new Float32Array(0), dims);
        const source = tokenized[index];
        results[index] = {
          vector,
          binary: options.binary ? binaryCode(vector) : null,
          tokens: source?.ids.length ?? 0,
          truncated: source?.truncated ?? false,
        };
      });
      done += batch.indices.length;
      options.onProgress?.(done, texts.length);
    }
    return results as Embedding[];
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.session.release();
  }
}
