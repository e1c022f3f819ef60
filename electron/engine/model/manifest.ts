import { readFile } from 'node:fs/promises';

import { z } from 'zod';

import shippedManifest from '../../../models/manifest.json' with { type: 'json' };
import { PRECISIONS, PolyseekError, describeIssues, errorMessage, type Precision } from '../../../shared';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');

const ManifestFileSchema = z.strictObject({
  /** Bytes, or null when not established. */
  size: z.int().min(0).nullable(),
  /** Lowercase hex sha256, or null when not established (the first verified download records it). */
  sha256: Sha256.nullable(),
  /** Where the values came from, or why they are unknown. */
  source: z.string(),
  /** The encoder does not read it; a folder without it is still complete. */
  optional: z.boolean().optional(),
});

const VariantSchema = z.strictObject({
  files: z.array(z.string()).min(1),
  /** `hub`: downloadable; `local`: made on this machine. */
  origin: z.enum(['hub', 'local']),
});

export const ModelManifestSchema = z
  .looseObject({
    manifestVersion: z.literal(1),
    id: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name'),
    /** A commit (or a branch, for mirrors that only serve one). */
    revision: z.string().regex(/^[\w.-]+$/),
    revisionSource: z.string(),
    license: z.strictObject({ id: z.string(), url: z.string(), source: z.string() }),
    /** Folder name under `<dataDir>/models/`. */
    folderName: z.string().regex(/^[\w.-]+$/),
    files: z.record(z.string().regex(/^[\w.-]+(\/[\w.-]+)*$/), ManifestFileSchema),
    sharedFiles: z.array(z.string()),
    /** One entry per precision (a record keyed by an enum is exhaustive in zod 4). */
    variants: z.record(z.enum(PRECISIONS), VariantSchema),
  })
  .superRefine((manifest, context) => {
    const listed = [...manifest.sharedFiles, ...Object.values(manifest.variants).flatMap((v) => v.files)];
    for (const path of listed) {
      if (!Object.hasOwn(manifest.files, path)) {
        context.addIssue({ code: 'custom', message: `${path} is used but not described in files` });
      }
    }
  });
export type ModelManifest = z.infer<typeof ModelManifestSchema>;
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** The manifest shipped in models/manifest.json, validated once at load. */
export const SHIPPED_MANIFEST: ModelManifest = ModelManifestSchema.parse(shippedManifest);

/**
 * Reads a manifest from a file: `POLYSEEK_MODEL_MANIFEST` points at one for a mirror that serves another
 * revision (and tests use it to describe the synthetic model).
 */
export async function loadManifestFile(path: string): Promise<ModelManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new PolyseekError('INVALID_INPUT', `reading the model manifest ${path}: ${errorMessage(error)}`);
  }
  const parsed = ModelManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolyseekError('INVALID_INPUT', `model manifest ${path}: ${describeIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}

/** Every file a variant needs to load: its own, then the shared ones (optional ones included). */
export function variantFiles(manifest: ModelManifest, variant: Precision): string[] {
  return [...variantOwnFiles(manifest, variant), ...manifest.sharedFiles];
}

export function variantOwnFiles(manifest: ModelManifest, variant: Precision): readonly string[] {
  return manifest.variants[variant].files;
}

/** The variants that list `path` among their own files (empty for shared files). */
export function variantsOf(manifest: ModelManifest, path: string): Precision[] {
  return PRECISIONS.filter((precision) => variantOwnFiles(manifest, precision).includes(path));
}

export function manifestFile(manifest: ModelManifest, path: string): ManifestFile {
  const file = manifest.files[path];
  if (!file) throw new PolyseekError('INTERNAL', `the model manifest does not describe ${path}`);
  return file;
}
