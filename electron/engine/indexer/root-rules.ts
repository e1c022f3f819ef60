import { relative, sep } from 'node:path';

import picomatch from 'picomatch';

import { PolyseekError, errorMessage, type Root } from '../../../shared';

/** A root's include/exclude globs compiled once per crawl or watcher. */
export interface RootRules {
  /** The folder at `rel` (relative, `/`-separated) is not entered. */
  skipsFolder(rel: string): boolean;
  /** The file at `rel` is indexed (when under the size cap). */
  indexesFile(rel: string): boolean;
}

/** A name no real folder entry has, to ask "would anything inside this folder be excluded as a whole?". */
const PROBE = '\u0000probe';

/**
 * Globs are matched against paths relative to the root with `/` separators; `**` crosses folders and
 * matches dot files (hidden files are excluded by the default `**\/.*` glob, not by the matcher), and
 * matching ignores case where the file system usually does (Windows, macOS).
 */
export function compileRootRules(root: Pick<Root, 'include' | 'exclude'>, platform = process.platform): RootRules {
  const options: picomatch.PicomatchOptions = { dot: true, nocase: platform === 'win32' || platform === 'darwin' };
  const include = compile(root.include, options, 'include');
  const exclude = compile(root.exclude, options, 'exclude');
  return {
    // `**/node_modules` names the folder itself; `**/node_modules/**` names what is inside it.
    skipsFolder: (rel) => exclude(rel) || exclude(`${rel}/${PROBE}`),
    indexesFile: (rel) => include(rel) && !exclude(rel),
  };
}

function compile(
  globs: readonly string[],
  options: picomatch.PicomatchOptions,
  what: string,
): (rel: string) => boolean {
  if (globs.length === 0) return () => false;
  try {
    return picomatch([...globs], options);
  } catch (error) {
    throw new PolyseekError('INVALID_INPUT', `${what} globs ${JSON.stringify(globs)}: ${errorMessage(error)}`);
  }
}

/** `a/b/c.txt` for a path inside `rootPath`; null when it is the root itself or outside it. */
export function relativeInside(rootPath: string, path: string): string | null {
  const rel = relative(rootPath, path);
  if (rel === '' || rel.startsWith('..') || /^[A-Za-z]:|^[\\/]/.test(rel)) return null;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** `path` is `folder` or lies inside it. */
export function isSameOrInside(folder: string, path: string): boolean {
  return path === folder || relativeInside(folder, path) !== null;
}
