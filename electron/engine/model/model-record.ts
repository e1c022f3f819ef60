import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { z } from 'zod';

import {
  FILE_CHECKS,
  FingerprintCheckSchema,
  Int8CheckSchema,
  PRECISIONS,
  PolyseekError,
  TASKS,
  errorMessage,
} from '../../../shared';
import { writeFileAtomic } from '../settings/atomic-write';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A hash the manifest lacked, taken at the first verified download of that file at that revision. */
const RecordedHashSchema = z.strictObject({
  revision: z.string(),
  size: z.int().min(0),
  sha256: Sha256,
  recordedAt: z.iso.datetime(),
  /** What the download was checked against: the hub's own digest (LFS sha256 or git blob id), or nothing. */
  checkedAgainst: z.enum(['hub-sha256', 'hub-git-oid', 'nothing']),
  /** The URL it came from. */
  url: z.string(),
});

/** The last hash of a file in one folder; valid while its size and mtime stay the same. */
const FileRecordSchema = z.strictObject({
  size: z.int().min(0),
  mtimeMs: z.number(),
  sha256: Sha256,
  check: z.enum(FILE_CHECKS),
  checkedAt: z.iso.datetime(),
});

const FingerprintSchema = z.strictObject({
  recordedAt: z.iso.datetime(),
  /** The model folder it was taken from. */
  dir: z.string(),
  /** Each probe's embedding, truncated to `dims` and normalized. */
  dims: z.int().positive(),
  probes: z.array(z.strictObject({ task: z.enum(TASKS), text: z.string(), vector: z.array(z.number()) })),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

/** A file made on this machine (the int8 model): its hash is the reference from then on. */
const ProducedFileSchema = z.strictObject({ size: z.int().min(0), sha256: Sha256, producedAt: z.iso.datetime() });

const FolderRecordSchema = z.strictObject({
  files: z.record(z.string(), FileRecordSchema),
  produced: z.record(z.string(), ProducedFileSchema),
  int8: Int8CheckSchema.nullable(),
});
export type FolderRecord = z.infer<typeof FolderRecordSchema>;

export const ModelRecordSchema = z.strictObject({
  recordVersion: z.literal(1),
  modelId: z.string(),
  /** path → hash recorded at the first verified download. */
  recordedHashes: z.record(z.string(), RecordedHashSchema),
  /** Absolute folder → what is known about its files. */
  folders: z.record(z.string(), FolderRecordSchema),
  fingerprints: z.partialRecord(z.enum(PRECISIONS), FingerprintSchema),
  fingerprintChecks: z.partialRecord(z.enum(PRECISIONS), FingerprintCheckSchema),
});
export type ModelRecord = z.infer<typeof ModelRecordSchema>;

export function emptyRecord(modelId: string): ModelRecord {
  return { recordVersion: 1, modelId, recordedHashes: {}, folders: {}, fingerprints: {}, fingerprintChecks: {} };
}

export function folderRecord(record: ModelRecord, dir: string): FolderRecord {
  return record.folders[dir] ?? { files: {}, produced: {}, int8: null };
}

/**
 * `polyseek-model.json` in the profile: read on demand, written atomically, updates queued so concurrent
 * jobs and first-load fingerprints never lose each other's writes. A damaged record is copied aside
 * (`.corrupt.bak`) and treated as empty: hashes can be measured again, and fingerprints re-recorded.
 */
export class ModelRecordStore {
  private writes: Promise<unknown> = Promise.resolve();
  private backedUp = false;

  constructor(
    readonly path: string,
    private readonly modelId: string,
  ) {}

  async read(): Promise<ModelRecord> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRecord(this.modelId);
      throw new PolyseekError('INTERNAL', `reading ${this.path}: ${errorMessage(error)}`);
    }
    const parsed = ModelRecordSchema.safeParse(safeJson(text));
    if (parsed.success && parsed.data.modelId === this.modelId) return parsed.data;
    if (!this.backedUp) {
      this.backedUp = true;
      await copyFile(this.path, `${this.path}.corrupt.bak`).catch(() => undefined);
    }
    return emptyRecord(this.modelId);
  }

  /** Applies `change` to the latest record and writes it; updates run one after another. */
  update(change: (record: ModelRecord) => ModelRecord | void): Promise<ModelRecord> {
    const next = this.writes.then(async () => {
      const record = await this.read();
      const changed = change(record) ?? record;
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, `${JSON.stringify(ModelRecordSchema.parse(changed), null, 2)}\n`);
      return changed;
    });
    this.writes = next.catch(() => undefined);
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Changes one folder's record in place (creating it), for use inside `ModelRecordStore.update`. */
export function editFolder(record: ModelRecord, dir: string, change: (folder: FolderRecord) => void): void {
  const folder = folderRecord(record, dir);
  change(folder);
  record.folders[dir] = folder;
}
