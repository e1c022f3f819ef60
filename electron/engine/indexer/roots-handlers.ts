import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import {
  DEFAULT_EXCLUDE_GLOBS,
  DEFAULT_INCLUDE_GLOBS,
  DEFAULT_MAX_FILE_BYTES,
  PolyseekError,
  errorMessage,
  type Root,
  type RootAddInput,
  type RootUpdateInput,
  type RootsList,
  type Settings,
} from '../../../shared';
import type { EventSink, Handlers } from '../handlers';
import type { SettingsFile } from '../settings/settings-file';
import { compileRootRules, isSameOrInside } from './root-rules';

export type RootsCommand = 'roots.list' | 'roots.add' | 'roots.update' | 'roots.remove';

/**
 * The roots live in settings, so these are served by whichever process owns the settings file (Electron
 * main, or the server/CLI runtime). The engine notices the change and applies it (crawls a new root,
 * removes a removed root's files from the index).
 */
export function createRootsHandlers(
  file: SettingsFile,
  emit: EventSink,
  now: () => Date = () => new Date(),
): Pick<Handlers, RootsCommand> {
  const save = async (change: (settings: Settings) => Settings): Promise<RootsList> => {
    const view = await file.update(change);
    emit({ name: 'settings.changed', payload: view });
    return { roots: view.settings.roots };
  };
  return {
    'roots.list': () => Promise.resolve({ roots: file.settings.roots }),
    'roots.add': async (input) => {
      const root = await newRoot(input, file.settings.roots, now());
      return save((s) => {
        // Checked again inside the queued update: two adds racing must not both pass.
        assertNoConflict(root.path, s.roots);
        return { ...s, roots: [...s.roots, root] };
      });
    },
    'roots.update': (input) =>
      save((s) => {
        const index = findRoot(s.roots, input.path);
        const current = s.roots[index] as Root;
        const next = { ...current, ...rootOptions(input) };
        compileRootRules(next);
        return { ...s, roots: s.roots.map((r, i) => (i === index ? next : r)) };
      }),
    'roots.remove': (input) =>
      save((s) => {
        const index = findRoot(s.roots, input.path);
        return { ...s, roots: s.roots.filter((_, i) => i !== index) };
      }),
  };
}

async function newRoot(input: RootAddInput, existing: readonly Root[], addedAt: Date): Promise<Root> {
  const path = resolve(input.path);
  let real: string;
  try {
    real = await realpath(path);
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new PolyseekError('ROOT_NOT_FOUND', `cannot index ${path}: ${errorMessage(error)}`);
  }
  assertNoConflict(path, existing);
  // The same folder reached through a link counts as the same folder.
  for (const other of existing) {
    const otherReal = await realpath(other.path).catch(() => resolve(other.path));
    if (isSameOrInside(otherReal, real) || isSameOrInside(real, otherReal)) {
      throw new PolyseekError('ROOT_CONFLICT', conflictMessage(path, other.path, otherReal === real));
    }
  }
  const root: Root = {
    path,
    addedAt: addedAt.toISOString(),
    include: [...DEFAULT_INCLUDE_GLOBS],
    exclude: [...DEFAULT_EXCLUDE_GLOBS],
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    followSymlinks: true,
    allowOutside: false,
    ...rootOptions(input),
  };
  compileRootRules(root);
  return root;
}

function assertNoConflict(path: string, roots: readonly Root[]): void {
  for (const other of roots) {
    const otherPath = resolve(other.path);
    if (isSameOrInside(otherPath, path) || isSameOrInside(path, otherPath)) {
      throw new PolyseekError('ROOT_CONFLICT', conflictMessage(path, other.path, otherPath === path));
    }
  }
}

function conflictMessage(path: string, other: string, same: boolean): string {
  if (same) return `${path} is already indexed (as ${other})`;
  return `${path} overlaps the indexed folder ${other}; a file may belong to one root only — remove one, or narrow it with exclude globs`;
}

function findRoot(roots: readonly Root[], path: string): number {
  const wanted = resolve(path);
  const index = roots.findIndex((r) => r.path === path || resolve(r.path) === wanted);
  if (index < 0) throw new PolyseekError('ROOT_NOT_FOUND', `${path} is not an indexed folder`);
  return index;
}

function rootOptions(input: RootAddInput | RootUpdateInput): Partial<Root> {
  const { path: _path, ...options } = input;
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
