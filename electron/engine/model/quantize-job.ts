import { rm, stat } from 'node:fs/promises';

import { PolyseekError, TASKS, errorMessage, type Int8Check, formatBytes } from '../../../shared';
import { cosine } from '../encoder/vectors';
import type { ModelContext } from './context';
import { ensureFreeSpace } from './disk-space';
import { fileStatuses, variantStatuses } from './file-status';
import { PROBE_TEXTS } from './fingerprint';
import { sha256File } from './hash-file';
import type { JobBody, JobContext } from './jobs';
import { variantOwnFiles } from './manifest';
import { filePath, isHfCacheSnapshot } from './model-paths';
import { editFolder } from './model-record';

/** The quantizer's contract (electron/engine/model/quantize): writes onnx/model_int8.onnx beside fp32. */
export type QuantizeToInt8 = (options: {
  modelDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: { stage: string; done: number; total: number }) => void;
}) => Promise<{ outputPath: string; bytes: number }>;

/** int8 must stay this close to fp32, on average over the probe texts and tasks (issue 4). */
export const MIN_INT8_MEAN_COSINE = 0.99;

/** Loaded on first use: the quantizer pulls in the ONNX protobuf schema, which nothing else needs. */
export const loadQuantizer = async (): Promise<QuantizeToInt8> => (await import('./quantize')).quantizeToInt8;

/** Needs the licence (it runs the model to check the result), a complete fp32, and a folder Polyseek may write. */
export async function planQuantize(context: ModelContext): Promise<{ dir: string }> {
  if (context.getSettings().license === null) {
    throw new PolyseekError(
      'LICENSE_NOT_ACCEPTED',
      'quantizing runs the model to check the result, which needs the CC-BY-NC-4.0 licence accepted first',
    );
  }
  const { dir } = context.modelDir();
  if (isHfCacheSnapshot(dir)) {
    throw new PolyseekError('INVALID_INPUT', `${dir} is a Hugging Face cache snapshot; copy it into the profile first`);
  }
  const files = await fileStatuses({ manifest: context.manifest, record: await context.records.read(), dir });
  const fp32 = variantStatuses(context.manifest, files).find((v) => v.variant === 'fp32');
  if (!fp32?.complete) throw new PolyseekError('MODEL_NOT_FOUND', `quantizing needs the complete fp32 model in ${dir}`);
  // int8 weights take about a quarter of fp32's; the quantizer writes temp files before renaming them.
  const fp32Bytes = files.filter((f) => fp32.files.includes(f.path)).reduce((sum, f) => sum + (f.bytes ?? 0), 0);
  await ensureFreeSpace({
    probe: context.freeSpace,
    dir,
    needed: Math.ceil(fp32Bytes / 3),
    purpose: 'quantizing to int8',
  });
  return { dir };
}

/**
 * Runs the quantizer, then embeds the probe texts with every task in fp32 and int8 and compares them.
 * A result under the bar is removed (so int8 cannot be selected) and the job fails with QUANTIZE_FAILED;
 * either way the comparison is recorded in the profile.
 */
export function runQuantize(context: ModelContext, dir: string, quantize: QuantizeToInt8): JobBody {
  return async (job) => {
    job.update({ message: 'quantizing fp32 to int8', resetRate: true });
    let result: { outputPath: string; bytes: number };
    try {
      result = await quantize({
        modelDir: dir,
        signal: job.signal,
        onProgress: (p) => job.update({ message: `quantizing: ${p.stage}`, bytes: p.done, total: p.total }),
      });
    } catch (error) {
      if (job.signal.aborted || (error instanceof PolyseekError && error.code === 'CANCELLED')) throw error;
      throw new PolyseekError('QUANTIZE_FAILED', `quantizing ${dir}: ${errorMessage(error)}`);
    }
    await context.releaseEncoders(dir);
    job.update({ message: 'comparing int8 with fp32 on the probe texts', file: null });
    const { mean, min } = await compareWithFp32(context, job);
    const produced = await recordProduced(context, dir);
    const check: Int8Check = {
      checkedAt: new Date().toISOString(),
      bytes: result.bytes,
      sha256: produced,
      meanCosine: Number(mean.toFixed(6)),
      minCosine: Number(min.toFixed(6)),
      threshold: MIN_INT8_MEAN_COSINE,
      passed: mean >= MIN_INT8_MEAN_COSINE,
    };
    await context.records.update((record) => editFolder(record, dir, (folder) => void (folder.int8 = check)));
    const summary = `mean cosine to fp32 ${check.meanCosine}, lowest ${check.minCosine} over ${PROBE_TEXTS.length * TASKS.length} probes`;
    if (!check.passed) {
      await context.releaseEncoders(dir);
      await Promise.all(
        variantOwnFiles(context.manifest, 'int8').map((path) => rm(filePath(dir, path), { force: true })),
      );
      throw new PolyseekError(
        'QUANTIZE_FAILED',
        `int8 removed: ${summary} (needs a mean of at least ${MIN_INT8_MEAN_COSINE})`,
      );
    }
    return `int8 made (${formatBytes(result.bytes)}): ${summary}; select it with encoder.precision = int8`;
  };
}

async function compareWithFp32(context: ModelContext, job: JobContext): Promise<{ mean: number; min: number }> {
  const [fp32, int8] = [await context.encoder('fp32'), await context.encoder('int8')];
  const sims: number[] = [];
  for (const task of TASKS) {
    const options = { task, prefix: true, signal: job.signal };
    const [a, b] = [await fp32.embed(PROBE_TEXTS, options), await int8.embed(PROBE_TEXTS, options)];
    a.forEach((embedding, index) => {
      const other = b[index];
      sims.push(other ? cosine(embedding.vector, other.vector) : 0);
    });
  }
  return { mean: sims.reduce((sum, s) => sum + s, 0) / sims.length, min: Math.min(...sims) };
}

/** Hashes what the quantizer wrote; these hashes are the int8 files' references from now on. */
async function recordProduced(context: ModelContext, dir: string): Promise<string> {
  const producedAt = new Date().toISOString();
  const hashes: { path: string; size: number; sha256: string; mtimeMs: number }[] = [];
  for (const path of variantOwnFiles(context.manifest, 'int8')) {
    const stats = await stat(filePath(dir, path)).catch(() => null);
    if (!stats?.isFile()) continue;
    hashes.push({ path, size: stats.size, mtimeMs: stats.mtimeMs, sha256: await sha256File(filePath(dir, path)) });
  }
  await context.records.update((record) =>
    editFolder(record, dir, (folder) => {
      for (const path of variantOwnFiles(context.manifest, 'int8')) delete folder.produced[path];
      for (const file of hashes) {
        folder.produced[file.path] = { size: file.size, sha256: file.sha256, producedAt };
        folder.files[file.path] = {
          size: file.size,
          mtimeMs: file.mtimeMs,
          sha256: file.sha256,
          check: 'verified',
          checkedAt: producedAt,
        };
      }
    }),
  );
  const main = hashes[0];
  if (!main)
    throw new PolyseekError('QUANTIZE_FAILED', `the quantizer reported success but wrote no int8 model in ${dir}`);
  return main.sha256;
}
