import { stat } from 'node:fs/promises';

import { PolyseekError, type DownloadVariant, formatBytes } from '../../../shared';
import type { ModelContext } from './context';
import { ensureFreeSpace } from './disk-space';
import { fetchFile, type FetchedFile } from './fetch-file';
import { referenceFor, type Reference } from './file-status';
import { sha256File } from './hash-file';
import { downloadEndpoint, downloadToken, resolveUrl } from './hub-endpoint';
import type { JobBody, JobContext } from './jobs';
import { variantFiles } from './manifest';
import { PART_SUFFIX, filePath, isHfCacheSnapshot } from './model-paths';
import { editFolder } from './model-record';

interface PlannedFile {
  readonly path: string;
  readonly target: string;
  readonly url: URL;
  readonly reference: Reference;
  readonly optional: boolean;
}

export interface DownloadPlan {
  readonly variant: DownloadVariant;
  readonly dir: string;
  readonly endpoint: string;
  readonly files: readonly PlannedFile[];
}

/**
 * Checks what can be checked before anything is fetched: where the files go (the folder in use, never a
 * Hugging Face cache), and that the disk can take what is still missing (partial downloads counted).
 */
export async function planDownload(context: ModelContext, variant: DownloadVariant): Promise<DownloadPlan> {
  const { dir } = context.modelDir();
  if (isHfCacheSnapshot(dir)) {
    throw new PolyseekError(
      'INVALID_INPUT',
      `the model in use is a Hugging Face cache snapshot (${dir}); Polyseek never writes there. ` +
        'Copy it into the profile (model locate --copy), or download with the Hugging Face tools.',
    );
  }
  const endpoint = downloadEndpoint(context.getSettings(), context.env);
  const record = await context.records.read();
  const files = variantFiles(context.manifest, variant).map((path) => ({
    path,
    target: filePath(dir, path),
    url: resolveUrl(endpoint, context.manifest, path),
    reference: referenceFor(context.manifest, record, path, dir),
    optional: context.manifest.files[path]?.optional ?? false,
  }));
  let needed = 0;
  for (const file of files) {
    const present = await sizeOf(file.target);
    if (file.reference.size === null || present === file.reference.size) continue;
    needed += file.reference.size - Math.min(await sizeOf(file.target + PART_SUFFIX), file.reference.size);
  }
  await ensureFreeSpace({ probe: context.freeSpace, dir, needed, purpose: `downloading ${variant}` });
  return { variant, dir, endpoint, files };
}

/** Fetches every file of the plan that is missing or fails its hash, then records what was verified. */
export function runDownload(context: ModelContext, plan: DownloadPlan): JobBody {
  return async (job) => {
    const known = plan.files.reduce((sum, file) => sum + (file.reference.size ?? 0), 0);
    let done = 0;
    let fetched = 0;
    const skippedOptional: string[] = [];
    job.update({ bytes: 0, total: known });
    for (const file of plan.files) {
      if (await alreadyGood(file, job)) {
        done += file.reference.size ?? 0;
        job.update({ bytes: done, file: null });
        continue;
      }
      let result: FetchedFile;
      try {
        result = await fetchOne(context, plan, file, job, done);
      } catch (error) {
        // An optional file may simply not exist at this revision; the model loads without it.
        if (file.optional && error instanceof PolyseekError && / HTTP 404/.test(error.message)) {
          skippedOptional.push(file.path);
          continue;
        }
        throw error;
      }
      done += result.bytes;
      fetched += 1;
      await recordDownload(context, plan, file, result);
      job.update({ bytes: done, total: Math.max(known, done), file: null });
    }
    await context.releaseEncoders(plan.dir);
    const skipped = skippedOptional.length > 0 ? `; ${skippedOptional.join(', ')} not on the server (optional)` : '';
    return fetched === 0
      ? `${plan.variant} was already complete and verified in ${plan.dir}${skipped}`
      : `${plan.variant} downloaded and verified: ${fetched} file(s), ${formatBytes(done)} in ${plan.dir}${skipped}`;
  };
}

/** A file already in place whose sha256 matches a known reference is kept. */
async function alreadyGood(file: PlannedFile, job: JobContext): Promise<boolean> {
  const size = await sizeOf(file.target);
  if (size === 0 || file.reference.sha256 === null) return false;
  if (file.reference.size !== null && size !== file.reference.size) return false;
  job.update({ file: { path: file.path, bytes: 0, total: size }, message: `checking ${file.path} already present` });
  const sha256 = await sha256File(file.target, {
    signal: job.signal,
    onBytes: (bytes) => job.update({ file: { path: file.path, bytes, total: size } }),
  });
  return sha256 === file.reference.sha256;
}

function fetchOne(
  context: ModelContext,
  plan: DownloadPlan,
  file: PlannedFile,
  job: JobContext,
  before: number,
): Promise<FetchedFile> {
  job.update({ file: { path: file.path, bytes: 0, total: file.reference.size }, message: `downloading ${file.path}` });
  return fetchFile({
    url: file.url,
    target: file.target,
    name: file.path,
    expectedSha256: file.reference.sha256,
    expectedBytes: file.reference.size,
    token: downloadToken(context.env),
    authOrigin: new URL(plan.endpoint).origin,
    env: context.env,
    signal: job.signal,
    ...context.network,
    onBytes: (bytes, total) => job.update({ file: { path: file.path, bytes, total }, bytes: before + bytes }),
    onVerifying: () => job.update({ message: `verifying ${file.path}`, resetRate: true }),
  });
}

async function recordDownload(
  context: ModelContext,
  plan: DownloadPlan,
  file: PlannedFile,
  result: FetchedFile,
): Promise<void> {
  const stats = await stat(file.target);
  const now = new Date().toISOString();
  await context.records.update((record) => {
    if (file.reference.source !== 'manifest') {
      // The first verified download fixes the reference for files the manifest could not describe.
      record.recordedHashes[file.path] = {
        revision: context.manifest.revision,
        size: result.bytes,
        sha256: result.sha256,
        recordedAt: now,
        checkedAgainst: result.checkedAgainst === 'manifest' ? 'nothing' : result.checkedAgainst,
        url: file.url.href,
      };
    }
    editFolder(record, plan.dir, (folder) => {
      folder.files[file.path] = {
        size: stats.size,
        mtimeMs: stats.mtimeMs,
        sha256: result.sha256,
        check: 'verified',
        checkedAt: now,
      };
    });
  });
}

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
}
