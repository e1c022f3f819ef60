import type { DupesReport, ExploreFileRef } from '../../../shared';
import { chunkId } from '../store/ids';
import type { FileRecord } from '../store/types';

/** A file as the report names it. */
export function fileRef(file: FileRecord): ExploreFileRef {
  return { path: file.path, title: file.title, language: file.language, passages: file.chunkCount };
}

/** Paths compare by code unit, as `pairKey` does, so "first" means the same everywhere. */
export const byPath = (a: FileRecord, b: FileRecord): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Files with equal bytes, and how the near-duplicate pass folds them into one. */
export interface ExactCopies {
  readonly exact: DupesReport['exact'];
  /**
   * Every file's representative: the first (by path) of its hash group, else itself. Only
   * representatives are compared by vector, so ten copies of a file make one entry in a group, not
   * forty-five pairs of identical text.
   */
  readonly representative: ReadonlyMap<string, string>;
  /**
   * A copy's chunk id → the same passage's id in its representative (same bytes, so the same chunks at
   * the same ordinals): a hit in a copy counts as a hit in the representative's passage, not a new one.
   */
  readonly chunkInRepresentative: ReadonlyMap<string, string>;
}

/** Groups `files` by content hash (empty files left out: every empty file would be one group). */
export function exactCopies(files: readonly FileRecord[]): ExactCopies {
  const byHash = new Map<string, FileRecord[]>();
  for (const file of files) {
    if (file.size === 0 || file.hash === '') continue;
    const group = byHash.get(file.hash);
    if (group) group.push(file);
    else byHash.set(file.hash, [file]);
  }
  const representative = new Map<string, string>(files.map((file) => [file.path, file.path]));
  const chunkInRepresentative = new Map<string, string>();
  const groups: FileRecord[][] = [];
  for (const group of byHash.values()) {
    if (group.length < 2) continue;
    group.sort(byPath);
    groups.push(group);
    const [first, ...copies] = group as [FileRecord, ...FileRecord[]];
    for (const copy of copies) {
      representative.set(copy.path, first.path);
      const passages = Math.min(copy.chunkCount, first.chunkCount);
      for (let ordinal = 0; ordinal < passages; ordinal += 1) {
        chunkInRepresentative.set(chunkId(copy.path, copy.hash, ordinal), chunkId(first.path, first.hash, ordinal));
      }
    }
  }
  groups.sort(
    (a, b) =>
      b.length - a.length ||
      (b[0]?.size ?? 0) - (a[0]?.size ?? 0) ||
      ((a[0]?.hash ?? '') < (b[0]?.hash ?? '') ? -1 : 1),
  );
  const exact = groups.map((group) => ({
    hash: group[0]?.hash ?? '',
    size: group[0]?.size ?? 0,
    files: group.map(fileRef),
  }));
  return { exact, representative, chunkInRepresentative };
}
