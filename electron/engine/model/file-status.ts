import { stat } from 'node:fs/promises';

import {
  PRECISIONS,
  type FileCheck,
  type ModelFileStatus,
  type ModelVariantStatus,
  type Precision,
} from '../../../shared';
import { variantOwnFiles, variantsOf, type ModelManifest } from './manifest';
import { filePath } from './model-paths';
import { folderRecord, type ModelRecord } from './model-record';

/** The hash and size a file must have, and where that knowledge comes from. */
export interface Reference {
  readonly sha256: string | null;
  readonly size: number | null;
  readonly source: 'manifest' | 'recorded' | null;
}

/**
 * The manifest's values, else those recorded at the first verified download at the same revision, else
 * (for a file made here, the int8 model) what was recorded when it was made in `dir`.
 */
export function referenceFor(manifest: ModelManifest, record: ModelRecord, path: string, dir: string): Reference {
  const described = manifest.files[path];
  const recorded = record.recordedHashes[path];
  const usable =
    recorded && recorded.revision === manifest.revision ? recorded : folderRecord(record, dir).produced[path];
  const sha256 = described?.sha256 ?? usable?.sha256 ?? null;
  return {
    sha256,
    size: described?.size ?? usable?.size ?? null,
    source: described?.sha256 ? 'manifest' : usable ? 'recorded' : null,
  };
}

/** What a hash says about a file, given its reference. */
export function judgeHash(sha256: string, reference: Reference): FileCheck {
  if (reference.sha256 === null) return 'hash-unknown';
  return sha256 === reference.sha256 ? 'verified' : 'mismatch';
}

/**
 * Every manifest file in `dir`, as far as can be told without hashing: present or not, its size against
 * the reference, and the last hash check while the file's size and mtime are unchanged since.
 */
export async function fileStatuses(options: {
  readonly manifest: ModelManifest;
  readonly record: ModelRecord;
  readonly dir: string;
}): Promise<ModelFileStatus[]> {
  const { manifest, record, dir } = options;
  const known = folderRecord(record, dir).files;
  return Promise.all(
    Object.entries(manifest.files).map(async ([path, described]): Promise<ModelFileStatus> => {
      const reference = referenceFor(manifest, record, path, dir);
      const stats = await stat(filePath(dir, path)).catch(() => null);
      const base = {
        path,
        variants: variantsOf(manifest, path),
        optional: described.optional ?? false,
        expectedBytes: reference.size,
        expectedSha256: reference.sha256,
        hashSource: reference.source,
        note: described.source,
      };
      if (!stats?.isFile()) return { ...base, bytes: null, check: 'missing', sha256: null, checkedAt: null };
      const last = known[path];
      const current = last && last.size === stats.size && last.mtimeMs === stats.mtimeMs ? last : undefined;
      let check: FileCheck = current ? judgeHash(current.sha256, reference) : 'unchecked';
      if (reference.size !== null && stats.size !== reference.size) check = 'wrong-size';
      return {
        ...base,
        bytes: stats.size,
        check,
        sha256: current?.sha256 ?? null,
        checkedAt: current?.checkedAt ?? null,
      };
    }),
  );
}

/** Which variants can load (all files present) and which are fully verified. */
export function variantStatuses(manifest: ModelManifest, files: readonly ModelFileStatus[]): ModelVariantStatus[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return PRECISIONS.map((variant: Precision) => {
    const own = variantOwnFiles(manifest, variant);
    const needed = [...own, ...manifest.sharedFiles].map((path) => byPath.get(path));
    const required = needed.filter((file) => file && !file.optional);
    const present = needed.filter((file) => file && file.check !== 'missing');
    const sizes = own.map((path) => manifest.files[path]?.size ?? null);
    const complete = required.every((file) => file !== undefined && file.check !== 'missing');
    return {
      variant,
      files: [...own],
      complete,
      verified: complete && present.every((file) => file?.check === 'verified'),
      origin: manifest.variants[variant].origin,
      expectedBytes: sizes.every((size) => size !== null)
        ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0)
        : null,
    };
  });
}
