import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { PolyseekError, errorMessage, type Root } from '../../../shared';
import { compileRootRules, isSameOrInside, relativeInside } from './root-rules';

export interface CrawledFile {
  /** As reached from the root (a followed link keeps the link's path). */
  readonly path: string;
  /** The root's path as in settings. */
  readonly root: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Over the root's `maxFileBytes`: recorded as skipped, never read. */
  readonly tooLarge: boolean;
}

export interface CrawlOptions {
  /** Folders never entered whatever the globs say (the profile folder, so the index never indexes itself). */
  readonly never?: readonly string[];
  readonly signal?: AbortSignal;
  /** A folder or file that could not be read (permissions, vanished mid-walk); the walk goes on. */
  readonly onProblem?: (path: string, message: string) => void;
  /** Called as files are found, for progress. */
  readonly onFile?: (file: CrawledFile) => void;
  /** Folders read at once. Default 8. */
  readonly concurrency?: number;
}

/** `stat` calls in flight per folder: enough to keep libuv's thread pool busy on a slow disk. */
const STATS_AT_ONCE = 32;

interface Folder {
  readonly path: string;
  /** Real path of the followed link it sits under, if it lies outside the root. */
  readonly outside: string | null;
}

/**
 * Walks one root: globs decide what is entered and kept, special files (sockets, FIFOs, devices) are
 * never returned, and links are followed only where that cannot loop or duplicate — a link whose target
 * is inside the root is left to the walk, and one leading out is followed only with `allowOutside` and
 * never into a folder already followed. Throws ROOT_NOT_FOUND when the root itself is not there.
 */
export async function crawlRoot(root: Root, options: CrawlOptions = {}): Promise<CrawledFile[]> {
  const rules = compileRootRules(root);
  let rootReal: string;
  try {
    rootReal = await realpath(root.path);
    if (!(await stat(rootReal)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new PolyseekError('ROOT_NOT_FOUND', `${root.path} cannot be read: ${errorMessage(error)}`);
  }
  const never = await Promise.all((options.never ?? []).map((p) => realpath(p).catch(() => p)));
  const followed: string[] = [];
  const files: CrawledFile[] = [];
  const queue: Folder[] = [{ path: root.path, outside: null }];
  const problem = (path: string, error: unknown) => options.onProblem?.(path, errorMessage(error));

  const keep = (path: string, size: number, mtimeMs: number) => {
    const file = { path, root: root.path, size, mtimeMs, tooLarge: size > root.maxFileBytes };
    files.push(file);
    options.onFile?.(file);
  };

  const visit = async (folder: Folder, entry: Dirent): Promise<void> => {
    const path = join(folder.path, entry.name);
    const rel = relativeInside(root.path, path);
    if (rel === null) return;
    if (entry.isDirectory()) {
      if (!rules.skipsFolder(rel) && !never.some((n) => n === path)) queue.push({ path, outside: folder.outside });
      return;
    }
    if (entry.isFile()) {
      if (!rules.indexesFile(rel)) return;
      const info = await stat(path);
      return keep(path, info.size, info.mtimeMs);
    }
    if (!entry.isSymbolicLink() || !root.followSymlinks) return;
    let target: string;
    try {
      target = await realpath(path);
    } catch {
      return; // a dangling link: nothing to index
    }
    // Inside the root the walk reaches the target under its own path; following would index it twice.
    if (isSameOrInside(rootReal, target)) return;
    if (!root.allowOutside) return;
    const seen = () => followed.some((f) => isSameOrInside(f, target) || isSameOrInside(target, f));
    if (seen() || never.some((n) => isSameOrInside(n, target))) return;
    const info = await stat(target);
    if (info.isDirectory()) {
      // Checked again after the await: two links to one folder in the same batch must not both pass.
      if (rules.skipsFolder(rel) || seen()) return;
      followed.push(target);
      queue.push({ path, outside: target });
    } else if (info.isFile() && rules.indexesFile(rel)) {
      keep(path, info.size, info.mtimeMs);
    }
  };

  const readFolder = async (folder: Folder): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder.path, { withFileTypes: true });
    } catch (error) {
      if (folder.path === root.path) throw new PolyseekError('ROOT_NOT_FOUND', `${root.path}: ${errorMessage(error)}`);
      return problem(folder.path, error);
    }
    // Sorted, so runs list files in the same order (stable progress, reproducible tests).
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (let start = 0; start < entries.length; start += STATS_AT_ONCE) {
      if (options.signal?.aborted) return;
      await Promise.all(
        entries
          .slice(start, start + STATS_AT_ONCE)
          .map((entry) =>
            visit(folder, entry).catch((error: unknown) => problem(join(folder.path, entry.name), error)),
          ),
      );
    }
  };

  const concurrency = Math.max(1, options.concurrency ?? 8);
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (options.signal?.aborted && active === 0) return resolve();
      while (!options.signal?.aborted && active < concurrency && queue.length > 0) {
        const folder = queue.shift() as Folder;
        active += 1;
        readFolder(folder).then(
          () => {
            active -= 1;
            pump();
          },
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        );
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}
