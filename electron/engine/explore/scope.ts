import { PolyseekError, type ExploreScope, type Settings } from '../../../shared';
import { filtersToWhere } from '../search/filters';
import type { IndexStore } from '../store/index-store';
import type { FileRecord } from '../store/types';

/** The indexed files a job looks at, and the SQL that selects their chunk and vector rows. */
export interface ResolvedScope {
  readonly files: FileRecord[];
  readonly where: string | undefined;
  /** In words, for progress and errors ("2 folders", "every root"). */
  readonly description: string;
}

/**
 * Checks a scope against the roots and the index and resolves it. Roots must be configured, folders
 * and files must lie inside one; named files must be indexed (a selection of files the index does not
 * hold is a mistake worth saying, not an empty result).
 */
export async function resolveScope(
  store: IndexStore,
  settings: Settings,
  scope: ExploreScope | undefined,
): Promise<ResolvedScope> {
  const roots = settings.roots.map((root) => root.path);
  if (roots.length === 0) throw new PolyseekError('INVALID_INPUT', 'no folders are indexed yet: add one first');
  const unknownRoot = scope?.roots?.find((root) => !roots.includes(root));
  if (unknownRoot !== undefined) {
    throw new PolyseekError('INVALID_INPUT', `${unknownRoot} is not an indexed root (roots: ${roots.join(', ')})`);
  }
  for (const path of [...(scope?.folders ?? []), ...(scope?.files ?? [])]) {
    if (!roots.some((root) => isInside(path, root))) {
      throw new PolyseekError('INVALID_INPUT', `${path} is not inside an indexed root (roots: ${roots.join(', ')})`);
    }
  }
  const indexed = await store.listFiles({ status: 'indexed' });
  const wantedFiles = scope?.files?.length ? new Set(scope.files) : null;
  const files = indexed
    .filter(
      (file) =>
        file.chunkCount > 0 &&
        (!scope?.roots?.length || scope.roots.includes(file.root)) &&
        (!scope?.folders?.length || scope.folders.some((folder) => isInside(file.path, folder))) &&
        (!wantedFiles || wantedFiles.has(file.path)),
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (wantedFiles) {
    const found = new Set(files.map((file) => file.path));
    const missing = [...wantedFiles].filter((path) => !found.has(path));
    if (missing.length > 0) {
      throw new PolyseekError(
        'FILE_NOT_INDEXED',
        `${missing.length} of the selected files ${missing.length === 1 ? 'is' : 'are'} not indexed (or hold no text): ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}`,
      );
    }
  }
  const where = filtersToWhere({
    ...(scope?.roots?.length ? { roots: scope.roots } : {}),
    ...(scope?.folders?.length ? { folders: scope.folders } : {}),
    ...(scope?.files?.length ? { files: scope.files } : {}),
  });
  return { files, where, description: describeScope(scope) };
}

export function describeScope(scope: ExploreScope | undefined): string {
  const parts = [
    scope?.roots?.length ? plural(scope.roots.length, 'root') : null,
    scope?.folders?.length ? plural(scope.folders.length, 'folder') : null,
    scope?.files?.length ? plural(scope.files.length, 'selected file') : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'every root' : parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `path` is `folder` or below it (`/docs` does not hold `/docs-old`). */
function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return path.startsWith(folder.endsWith(separator) ? folder : `${folder}${separator}`);
}
