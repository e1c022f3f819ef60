import { realpath, stat } from 'node:fs/promises';

import { PolyseekError, type ModelLocateInput } from '../../../shared';
import { describeFailures, hashFiles, recordChecks, type CheckedFile } from './check-files';
import type { ModelContext } from './context';
import { copyVerified } from './copy-file';
import { ensureFreeSpace } from './disk-space';
import { judgeHash, referenceFor } from './file-status';
import type { JobBody, JobContext } from './jobs';
import { locateFolder, type LocatedFolder } from './locate-folder';
import { filePath } from './model-paths';

export interface LocatePlan {
  readonly mode: ModelLocateInput['mode'];
  readonly folder: LocatedFolder;
  /** Where a copy goes: the profile's model folder. */
  readonly target: string;
}

/** The quick checks (layout, sizes, room for a copy), answered at once; hashing happens in the job. */
export async function planLocate(context: ModelContext, input: ModelLocateInput): Promise<LocatePlan> {
  const folder = await locateFolder({
    path: input.path,
    manifest: context.manifest,
    record: await context.records.read(),
  });
  const target = context.profileDir();
  if (input.mode === 'copy') {
    const sameFolder = (await realpath(target).catch(() => target)) === folder.dir;
    if (sameFolder) throw new PolyseekError('INVALID_INPUT', `${folder.dir} already is the profile's model folder`);
    const needed = [...folder.present.values()].reduce((sum, size) => sum + size, 0);
    await ensureFreeSpace({ probe: context.freeSpace, dir: target, needed, purpose: `copying ${folder.dir}` });
  }
  return { mode: input.mode, folder, target };
}

/**
 * Verifies every file against its reference (manifest or recorded) while hashing it in place, or while
 * copying it into the profile; any mismatch fails the job before settings change. Then the folder is
 * recorded as the one in use (settings `model.dir`; null after a copy, which lands in the profile).
 */
export function runLocate(context: ModelContext, plan: LocatePlan): JobBody {
  return async (job) => {
    const { folder } = plan;
    const paths = [...folder.present.keys()];
    const checked =
      plan.mode === 'use'
        ? await hashFiles({ context, job, dir: folder.dir, paths })
        : await copyAll(context, plan, job);
    const failed = checked.filter((file) => file.check === 'mismatch' || file.check === 'wrong-size');
    await recordChecks(context, folder.dir, plan.mode === 'use' ? checked : []);
    if (failed.length > 0) {
      const record = await context.records.read();
      throw new PolyseekError(
        'CHECKSUM_MISMATCH',
        `${folder.dir}: ${describeFailures(context, record, folder.dir, failed)}`,
      );
    }
    const unknown = checked.filter((file) => file.check === 'hash-unknown').map((file) => file.path);
    const inUse = plan.mode === 'use' ? folder.dir : null;
    await context.setModelDir(inUse);
    await context.releaseEncoders(plan.mode === 'use' ? folder.dir : plan.target);
    const where = plan.mode === 'use' ? `using ${folder.dir} in place` : `copied ${folder.dir} into ${plan.target}`;
    const note = unknown.length > 0 ? `; no reference hash yet for ${unknown.join(', ')}` : '';
    return `${where}: ${checked.length} file(s) checked, variants ${folder.complete.join(', ')}${note}`;
  };
}

async function copyAll(context: ModelContext, plan: LocatePlan, job: JobContext): Promise<CheckedFile[]> {
  const { folder, target } = plan;
  const total = [...folder.present.values()].reduce((sum, size) => sum + size, 0);
  const record = await context.records.read();
  const checked: CheckedFile[] = [];
  let done = 0;
  job.update({ bytes: 0, total, resetRate: true });
  for (const [path, size] of folder.present) {
    job.update({ file: { path, bytes: 0, total: size }, message: `copying ${path}` });
    const reference = referenceFor(context.manifest, record, path, folder.dir);
    const copied = await copyVerified({
      source: filePath(folder.dir, path),
      target: filePath(target, path),
      signal: job.signal,
      onBytes: (bytes) => job.update({ file: { path, bytes, total: size }, bytes: done + bytes }),
      accept: (sha256) =>
        judgeHash(sha256, reference) === 'mismatch' ? `sha256 ${sha256}, expected ${reference.sha256 ?? '?'}` : null,
    });
    done += copied.size;
    const stats = await stat(filePath(target, path));
    checked.push({
      path,
      size: copied.size,
      mtimeMs: stats.mtimeMs,
      sha256: copied.sha256,
      check: judgeHash(copied.sha256, reference),
    });
  }
  await recordChecks(context, target, checked);
  return checked;
}
