import { stat } from 'node:fs/promises';

import type { FileCheck } from '../../../shared';
import type { ModelContext } from './context';
import { judgeHash, referenceFor } from './file-status';
import { sha256File } from './hash-file';
import type { JobContext } from './jobs';
import { filePath } from './model-paths';
import { editFolder, type ModelRecord } from './model-record';

export interface CheckedFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
  readonly check: FileCheck;
}

/**
 * Hashes the files of `paths` that exist in `dir` (missing ones are skipped), reporting progress per file
 * and over all of them, and judges each against its reference (manifest, else recorded).
 */
export async function hashFiles(options: {
  readonly context: ModelContext;
  readonly job: JobContext;
  readonly dir: string;
  readonly paths: readonly string[];
}): Promise<CheckedFile[]> {
  const { context, job, dir } = options;
  const present: { path: string; size: number; mtimeMs: number }[] = [];
  for (const path of options.paths) {
    const stats = await stat(filePath(dir, path)).catch(() => null);
    if (stats?.isFile()) present.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
  }
  const total = present.reduce((sum, file) => sum + file.size, 0);
  const record = await context.records.read();
  const checked: CheckedFile[] = [];
  let done = 0;
  job.update({ bytes: 0, total, resetRate: true });
  for (const file of present) {
    job.update({ file: { path: file.path, bytes: 0, total: file.size }, message: `checking ${file.path}` });
    const sha256 = await sha256File(filePath(dir, file.path), {
      signal: job.signal,
      onBytes: (bytes) => job.update({ file: { path: file.path, bytes, total: file.size }, bytes: done + bytes }),
    });
    done += file.size;
    checked.push({ ...file, sha256, check: judge(record, context, dir, file.path, file.size, sha256) });
  }
  job.update({ file: null, bytes: done });
  return checked;
}

function judge(
  record: ModelRecord,
  context: ModelContext,
  dir: string,
  path: string,
  size: number,
  sha256: string,
): FileCheck {
  const reference = referenceFor(context.manifest, record, path, dir);
  if (reference.size !== null && size !== reference.size) return 'wrong-size';
  return judgeHash(sha256, reference);
}

/** Stores the outcome of hashing, valid while each file keeps its size and mtime. */
export async function recordChecks(context: ModelContext, dir: string, checked: readonly CheckedFile[]): Promise<void> {
  const checkedAt = new Date().toISOString();
  await context.records.update((record) =>
    editFolder(record, dir, (folder) => {
      for (const file of checked) {
        folder.files[file.path] = {
          size: file.size,
          mtimeMs: file.mtimeMs,
          sha256: file.sha256,
          check: file.check,
          checkedAt,
        };
      }
    }),
  );
}

/** "onnx/model.onnx (sha256 ab…, expected cd…)" for each file that failed, for error messages. */
export function describeFailures(
  context: ModelContext,
  record: ModelRecord,
  dir: string,
  files: readonly CheckedFile[],
): string {
  return files
    .filter((file) => file.check === 'mismatch' || file.check === 'wrong-size')
    .map((file) => {
      const reference = referenceFor(context.manifest, record, file.path, dir);
      return file.check === 'wrong-size'
        ? `${file.path} is ${file.size} bytes, expected ${reference.size ?? '?'}`
        : `${file.path} has sha256 ${file.sha256}, expected ${reference.sha256 ?? '?'} (${reference.source ?? 'unknown'})`;
    })
    .join('; ');
}
