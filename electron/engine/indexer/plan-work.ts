import { sha256File } from '../model/hash-file';
import type { FileRecord } from '../store/types';
import type { CrawledFile } from './crawl';
import type { WorkFile } from './prepare-file';

export interface PlanOptions {
  /** Paths to redo whatever the comparison says (pending after a crash, retried). */
  readonly force?: ReadonlySet<string>;
  /** Hash files even when size and mtime match. */
  readonly rehash?: boolean;
  readonly signal?: AbortSignal;
}

export interface Plan {
  readonly work: WorkFile[];
  readonly unchanged: number;
  /** Same content under a new mtime (touched, copied back): only the record's size and mtime change. */
  readonly touched: FileRecord[];
}

/**
 * Compares crawled files with their records: same size and mtime → unchanged (failed and skipped files
 * too: `index.retry` redoes those); otherwise the content hash decides, so a touched or copied-back
 * file is not extracted and encoded again.
 */
export async function planWork(
  crawled: readonly CrawledFile[],
  known: ReadonlyMap<string, FileRecord>,
  options: PlanOptions = {},
): Promise<Plan> {
  const work: WorkFile[] = [];
  const touched: FileRecord[] = [];
  let unchanged = 0;
  for (const file of crawled) {
    if (options.signal?.aborted) break;
    const record = known.get(file.path);
    if (!record || record.status === 'pending' || options.force?.has(file.path)) {
      work.push({ ...file, hash: null });
      continue;
    }
    const sameStat = record.size === file.size && record.mtimeMs === file.mtimeMs;
    if (file.tooLarge) {
      if (sameStat && record.errorCode === 'TOO_LARGE') unchanged += 1;
      else work.push({ ...file, hash: null });
      continue;
    }
    if (sameStat && !options.rehash && record.errorCode !== 'TOO_LARGE') {
      unchanged += 1;
      continue;
    }
    const hash = await sha256File(file.path, options.signal ? { signal: options.signal } : {}).catch(() => null);
    if (hash !== null && hash === record.hash && record.errorCode !== 'TOO_LARGE') {
      unchanged += 1;
      if (!sameStat) touched.push({ ...record, size: file.size, mtimeMs: file.mtimeMs });
    } else {
      work.push({ ...file, hash });
    }
  }
  return { work, unchanged, touched };
}
