import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

import { PolyseekError, PRECISIONS, errorMessage, type Precision } from '../../../shared';
import { referenceFor } from './file-status';
import { variantOwnFiles, type ModelManifest } from './manifest';
import { filePath } from './model-paths';
import type { ModelRecord } from './model-record';

export interface LocatedFolder {
  /** The folder holding the files (a snapshot folder for a Hugging Face cache). */
  readonly dir: string;
  readonly hfCacheSnapshot: boolean;
  /** Manifest files present, with their sizes (symlinks followed). */
  readonly present: ReadonlyMap<string, number>;
  /** Variants whose files are all there. */
  readonly complete: readonly Precision[];
}

/**
 * Resolves what a person pointed at to the folder holding the model files: the folder itself, or, for a
 * Hugging Face cache (`models--jinaai--jina-embeddings-v3`), the snapshot `refs/main` names (or its only
 * snapshot). Then checks the layout: every required shared file, at least one complete variant, and
 * sizes that match the references. Fails with MODEL_NOT_FOUND naming every missing file.
 */
export async function locateFolder(options: {
  readonly path: string;
  readonly manifest: ModelManifest;
  readonly record: ModelRecord;
}): Promise<LocatedFolder> {
  const { manifest } = options;
  if (!isAbsolute(options.path)) {
    throw new PolyseekError('INVALID_INPUT', `${options.path} is not an absolute path`);
  }
  let dir: string;
  try {
    dir = await realpath(options.path);
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new PolyseekError('MODEL_NOT_FOUND', `${options.path}: ${errorMessage(error)}`);
  }
  const snapshot = await hfCacheSnapshot(dir);
  if (snapshot) dir = snapshot;

  const present = new Map<string, number>();
  for (const path of Object.keys(manifest.files)) {
    const stats = await stat(filePath(dir, path)).catch(() => null);
    if (stats?.isFile()) present.set(path, stats.size);
  }
  const missingShared = manifest.sharedFiles.filter((path) => !present.has(path) && !manifest.files[path]?.optional);
  const complete = PRECISIONS.filter((v) =>
    variantOwnFiles(manifest, v).every((path) => present.has(path) || manifest.files[path]?.optional),
  );
  if (missingShared.length > 0 || complete.length === 0) {
    const missingVariants = PRECISIONS.filter((v) => manifest.variants[v].origin === 'hub').map(
      (v) => `${v} needs ${variantOwnFiles(manifest, v).join(' + ')}`,
    );
    const parts = [
      ...(missingShared.length > 0 ? [`lacks ${missingShared.join(', ')}`] : []),
      ...(complete.length === 0 ? [`has no complete variant (${missingVariants.join('; ')})`] : []),
    ];
    throw new PolyseekError('MODEL_NOT_FOUND', `${dir} is not a ${manifest.id} folder: it ${parts.join(' and ')}`);
  }
  const wrongSize = [...present]
    .map(([path, size]) => ({ path, size, expected: referenceFor(manifest, options.record, path, dir).size }))
    .filter((file) => file.expected !== null && file.expected !== file.size);
  if (wrongSize.length > 0) {
    throw new PolyseekError(
      'CHECKSUM_MISMATCH',
      `${dir}: ${wrongSize.map((f) => `${f.path} is ${f.size} bytes, expected ${String(f.expected)}`).join('; ')}`,
    );
  }
  return { dir, hfCacheSnapshot: snapshot !== null, present, complete };
}

/** For a cache repository folder (`snapshots/`, `refs/`), the snapshot to use; null for any other folder. */
async function hfCacheSnapshot(dir: string): Promise<string | null> {
  const snapshots = join(dir, 'snapshots');
  const entries = await readdir(snapshots).catch(() => null);
  if (entries === null) return null;
  const ref = (await readFile(join(dir, 'refs', 'main'), 'utf8').catch(() => '')).trim();
  const chosen = ref && entries.includes(ref) ? ref : entries.length === 1 ? entries[0] : undefined;
  if (chosen === undefined) {
    throw new PolyseekError(
      'MODEL_NOT_FOUND',
      `${dir} is a Hugging Face cache with snapshots ${entries.join(', ') || '(none)'}; point to one of them`,
    );
  }
  return join(snapshots, chosen);
}
