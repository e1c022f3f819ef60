import { join, sep } from 'node:path';

/** Suffix of a file being downloaded or copied; it is renamed to the real name only once verified. */
export const PART_SUFFIX = '.part';

/** Name of the profile's record of hashes, verification results and fingerprints. */
export const MODEL_RECORD_FILE = 'polyseek-model.json';

/** `<dataDir>/models`: model folders, the job lock. */
export function modelsRoot(dataDir: string): string {
  return join(dataDir, 'models');
}

/** The profile's own model folder, `<dataDir>/models/<folderName>` (jinaai--jina-embeddings-v3). */
export function profileModelDir(dataDir: string, folderName: string): string {
  return join(modelsRoot(dataDir), folderName);
}

/**
 * The record always lives in the profile's folder, even when a located folder is in use: a folder used
 * in place (a USB stick, a Hugging Face cache) is never written to.
 */
export function modelRecordPath(dataDir: string, folderName: string): string {
  return join(profileModelDir(dataDir, folderName), MODEL_RECORD_FILE);
}

/** Manifest paths use `/`; the file system may not. */
export function filePath(dir: string, relative: string): string {
  return join(dir, ...relative.split('/'));
}

/** A folder inside a Hugging Face cache snapshot: `…/models--owner--name/snapshots/<revision>`. */
export function isHfCacheSnapshot(dir: string): boolean {
  const parts = dir.split(sep);
  const index = parts.lastIndexOf('snapshots');
  return index > 0 && (parts[index - 1] ?? '').startsWith('models--') && index === parts.length - 2;
}
