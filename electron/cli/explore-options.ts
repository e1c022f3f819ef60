import { realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

import { InvalidArgumentError } from 'commander';

import {
  DupesInputSchema,
  TopicsInputSchema,
  type DupesInput,
  type ExploreScope,
  type Root,
  type TopicsInput,
} from '../../shared';
import { isSameOrInside } from '../engine/indexer/root-rules';

/** A number schema of the contract (optional), whose bounds the flag reports when a value is refused. */
interface Bounded {
  unwrap(): { minValue: number | null; maxValue: number | null; isInt?: boolean };
  safeParse(value: unknown): { success: boolean };
}

/**
 * A commander parser for a numeric flag, checked by the contract's own schema (so the CLI and the engine
 * agree on the bounds); a refused value is a usage error naming the range.
 */
export function numberFlag(schema: Bounded, unit = '') {
  const { minValue, maxValue, isInt } = schema.unwrap();
  const range = `${isInt ? 'a whole number' : 'a number'} from ${minValue ?? '−∞'} to ${maxValue ?? '∞'}${unit}`;
  return (value: string): number => {
    const n = value.trim() === '' ? Number.NaN : Number(value);
    if (!schema.safeParse(n).success) throw new InvalidArgumentError(`${JSON.stringify(value)} is not ${range}`);
    return n;
  };
}

export const dupesFlagParsers = {
  threshold: numberFlag(DupesInputSchema.shape.threshold, ' (cosine)'),
  minShare: numberFlag(DupesInputSchema.shape.minShare, ' (share of passages)'),
};

export const topicsFlagParsers = {
  k: numberFlag(TopicsInputSchema.shape.k),
  seed: numberFlag(TopicsInputSchema.shape.seed),
  passagesPerFile: numberFlag(TopicsInputSchema.shape.passagesPerFile),
  terms: numberFlag(TopicsInputSchema.shape.terms),
};

export interface DupesFlags {
  threshold?: number;
  minShare?: number;
}

export interface TopicsFlags {
  k?: number;
  seed?: number;
  passagesPerFile?: number;
  terms?: number;
}

/** The job's settings from the flags; what is not given is left to the engine's defaults. */
export function dupesInput(scope: ExploreScope | undefined, flags: DupesFlags): DupesInput {
  return {
    ...(scope ? { scope } : {}),
    ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    ...(flags.minShare !== undefined ? { minShare: flags.minShare } : {}),
  };
}

export function topicsInput(scope: ExploreScope | undefined, flags: TopicsFlags): TopicsInput {
  return {
    ...(scope ? { scope } : {}),
    ...(flags.k !== undefined ? { k: flags.k } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.passagesPerFile !== undefined ? { passagesPerFile: flags.passagesPerFile } : {}),
    ...(flags.terms !== undefined ? { terms: flags.terms } : {}),
  };
}

/** A path as the index stores it: under the root's configured path, even when given through a link. */
interface Located {
  readonly root: Root;
  /** The same folder or file, spelled from `root.path`. */
  readonly path: string;
  readonly isRoot: boolean;
  /** Null when nothing is there (a root that is offline, say). */
  readonly isFolder: boolean | null;
}

async function locate(given: string, roots: readonly Root[]): Promise<Located | null> {
  const path = resolve(given);
  const real = await realpath(path).catch(() => null);
  const info = real === null ? null : await stat(real).catch(() => null);
  const isFolder = info === null ? null : info.isDirectory();
  for (const root of roots) {
    const rootPath = resolve(root.path);
    const rootReal = await realpath(rootPath).catch(() => rootPath);
    for (const [base, target] of [
      [rootPath, path],
      [rootReal, real],
    ] as const) {
      if (target === null || !isSameOrInside(base, target)) continue;
      const inside = relative(base, target);
      return { root, path: inside === '' ? root.path : join(root.path, inside), isRoot: inside === '', isFolder };
    }
  }
  return null;
}

function notIndexed(path: string, roots: readonly Root[]): string {
  if (roots.length === 0) return `${path} is not indexed: no folders are yet — \`polyseek index add FOLDER\` first`;
  const listed = roots.map((r) => r.path).join(', ');
  return `${path} is not in an indexed folder (indexed: ${listed}); add it with \`polyseek index add\``;
}

/**
 * The job's scope from the paths given on the command line: each must be an indexed root or lie inside
 * one (through links too). Roots only → `roots`; files only → `files`; folders (a root is the folder of
 * its files) → `folders`. Files and folders together cannot be said: the contract ANDs its lists.
 * Nothing given → undefined: every root. Returns a usage problem in words instead.
 */
export async function scopeFromPaths(
  paths: readonly string[],
  roots: readonly Root[],
): Promise<ExploreScope | undefined | string> {
  if (paths.length === 0) return undefined;
  const found: Located[] = [];
  for (const given of paths) {
    const located = await locate(given, roots);
    if (located === null) return notIndexed(resolve(given), roots);
    if (!located.isRoot && located.isFolder === null) return `nothing at ${resolve(given)}`;
    found.push(located);
  }
  const unique = (values: string[]) => [...new Set(values)];
  const files = found.filter((f) => f.isFolder === false);
  if (files.length === found.length) return { files: unique(files.map((f) => f.path)) };
  if (files.length > 0) {
    return `${files[0]?.path ?? ''} is a file: give folders, or files, not both (\`--pair A B\` compares two files)`;
  }
  if (found.every((f) => f.isRoot)) return { roots: unique(found.map((f) => f.root.path)) };
  return { folders: unique(found.map((f) => f.path)) };
}

/**
 * A file named on the command line as the index spells it (under its root's path, even through a link);
 * outside every root, just resolved — the engine then says the job does not have it.
 */
export async function indexedFilePath(given: string, roots: readonly Root[]): Promise<string> {
  const located = await locate(given, roots);
  return located?.path ?? resolve(given);
}
