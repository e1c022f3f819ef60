import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

import { PolyseekError, errorMessage, type FileOpenResult, type Root, type Settings } from '../../../shared';
import type { Handlers } from '../handlers';
import { compileRootRules, isSameOrInside, relativeInside } from '../indexer/root-rules';
import type { FileRecord } from '../store/types';
import { runnableReason } from './runnable-files';

/** What the check reads from the index (IndexStore implements it). */
export interface FileCheckStore {
  getFile(path: string): Promise<FileRecord | null>;
}

/** A file that passed `checkIndexedFile`: indexed, under a current root, there now. */
export interface CheckedFile {
  /** The path as indexed (the caller's path, normalised): the key of the `files` row. */
  readonly path: string;
  /**
   * Its real path (every link resolved), checked to lie under the root unless the root lets links lead
   * outside: what a host opens, reveals or streams, so a link swapped in later cannot redirect it.
   */
  readonly realPath: string;
  /** The root's path as in settings. */
  readonly root: string;
  /** The index's format (lower-case extension, or the sniffed format). */
  readonly format: string;
  readonly size: number;
  /** Device and inode at check time: a reader compares them with what it opened (no swap in between). */
  readonly dev: number;
  readonly ino: number;
  readonly mode: number;
}

/**
 * Resolves a caller's path to an indexed file, or refuses with a typed error:
 * - PATH_OUTSIDE_ROOTS: not absolute, or (after normalising `..`) not under any current root — which
 *   includes the leftovers of a removed root; or its real path leaves the root through a link, unless
 *   the root follows links with `allowOutside`;
 * - FILE_NOT_INDEXED: under a root but not an `indexed` row of the `files` table (new, pending, failed,
 *   skipped), excluded by the root's current globs, deleted or no longer a regular file.
 * The lookup is exact (no case folding, no Unicode normalisation): a path that differs from the indexed
 * one only in case is refused even where the file system would open it, never widened to another file.
 */
export async function checkIndexedFile(
  store: FileCheckStore,
  roots: readonly Root[],
  input: string,
): Promise<CheckedFile> {
  if (input.includes('\0') || !isAbsolute(input)) {
    throw new PolyseekError('PATH_OUTSIDE_ROOTS', `${shown(input)} is not an absolute path`);
  }
  const path = resolve(input);
  const root = roots.find((r) => relativeInside(r.path, path) !== null);
  const rel = root ? relativeInside(root.path, path) : null;
  if (!root || rel === null) {
    throw new PolyseekError('PATH_OUTSIDE_ROOTS', `${shown(path)} is not inside an indexed folder`);
  }
  const record = await store.getFile(path);
  if (record?.status !== 'indexed' || record.root !== root.path) {
    throw new PolyseekError('FILE_NOT_INDEXED', `${shown(path)} ${notIndexedReason(record)}`);
  }
  if (!compileRootRules(root).indexesFile(rel)) {
    throw new PolyseekError('FILE_NOT_INDEXED', `${shown(path)} is excluded by the folder's current rules`);
  }

  let realPath: string;
  try {
    realPath = await realpath(path);
  } catch (error) {
    throw new PolyseekError('FILE_NOT_INDEXED', `${shown(path)} ${goneReason(error)}`);
  }
  let rootReal: string;
  try {
    rootReal = await realpath(root.path);
  } catch (error) {
    throw new PolyseekError('ROOT_NOT_FOUND', `the indexed folder ${root.path} cannot be read: ${errorMessage(error)}`);
  }
  const linksMayLeave = root.followSymlinks && root.allowOutside;
  if (!linksMayLeave && !isSameOrInside(rootReal, realPath)) {
    throw new PolyseekError(
      'PATH_OUTSIDE_ROOTS',
      `${shown(path)} leads through a link to ${shown(realPath)}, outside the indexed folder ${root.path}`,
    );
  }
  const info = await stat(realPath).catch((error: unknown) => {
    throw new PolyseekError('FILE_NOT_INDEXED', `${shown(path)} ${goneReason(error)}`);
  });
  if (!info.isFile()) {
    throw new PolyseekError('FILE_NOT_INDEXED', `${shown(path)} is no longer a regular file`);
  }
  return {
    path,
    realPath,
    root: root.path,
    format: record.format,
    size: info.size,
    dev: info.dev,
    ino: info.ino,
    mode: info.mode,
  };
}

/**
 * Refuses to open a program or script with its default application (see runnable-files.ts); revealing
 * it in the file manager stays allowed.
 */
export async function assertSafeToOpen(file: CheckedFile): Promise<void> {
  const reason = await runnableReason([file.path, file.realPath], file.mode, file.realPath);
  if (reason !== null) {
    throw new PolyseekError(
      'FORBIDDEN',
      `${shown(file.path)} is not opened: ${reason}, and opening one could run it. Reveal it in the file manager instead.`,
    );
  }
}

export interface FileHandlersOptions {
  /** The index, opened on first use (the engine's indexer store). */
  readonly store: () => Promise<FileCheckStore>;
  /** The latest settings: roots are read on every call, so a removed root's files are refused at once. */
  readonly getSettings: () => Settings;
}

/**
 * `file.open` / `file.reveal` in the engine: they check and answer with the real path, `opened: false`
 * and `url: null`; they never open anything. The host opens what was checked — Electron main with
 * `shell`, the server on its machine or through its file route, the CLI with the system opener — so the
 * engine needs no desktop access and every host relies on the same check.
 */
export function createFileHandlers(options: FileHandlersOptions): Pick<Handlers, 'file.open' | 'file.reveal'> {
  const check = async (path: string): Promise<CheckedFile> =>
    checkIndexedFile(await options.store(), options.getSettings().roots, path);
  const checked = (file: CheckedFile): FileOpenResult => ({ path: file.realPath, opened: false, url: null });
  return {
    'file.open': async (input) => {
      const file = await check(input.path);
      await assertSafeToOpen(file);
      return checked(file);
    },
    'file.reveal': async (input) => checked(await check(input.path)),
  };
}

function notIndexedReason(record: FileRecord | null): string {
  if (record === null) return 'is not in the index';
  switch (record.status) {
    case 'indexed':
      return 'belongs to a folder that is no longer indexed';
    case 'pending':
      return 'is still being indexed';
    case 'failed':
      return `could not be indexed (${record.errorCode ?? 'failed'}${record.errorMessage ? `: ${record.errorMessage}` : ''})`;
    case 'skipped':
      return `was skipped by the indexer (${record.errorCode ?? 'skipped'})`;
  }
}

function goneReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no longer exists (deleted or moved since it was indexed)';
  return `cannot be read: ${errorMessage(error)}`;
}

/** Paths come from callers: quoted and cut, so a hostile one cannot flood a log or fake a line. */
function shown(path: string): string {
  return JSON.stringify(path.length > 300 ? `${path.slice(0, 300)}…` : path);
}
