import { stat } from 'node:fs/promises';

import { watch, type FSWatcher } from 'chokidar';

import { errorMessage, type Root } from '../../../shared';
import { compileRootRules, relativeInside } from './root-rules';

export interface RootWatchersOptions {
  /** A batch of changed paths (files or folders; added, changed or removed), after the quiet period. */
  readonly onChanges: (paths: Set<string>) => void;
  /** The root folder disappeared (true) or came back (false); coming back also needs a crawl. */
  readonly onRootMissing: (root: string, missing: boolean) => void;
  readonly onProblem?: (path: string, message: string) => void;
  /** Folders never watched (the profile folder). */
  readonly never?: readonly string[];
  /** Quiet time after the last event before a batch goes out. Default 400 ms. */
  readonly debounceMs?: number;
  /** Longest a busy folder delays its batch. Default 3000 ms. */
  readonly maxDelayMs?: number;
  /** How often a vanished root is looked for. Default 2000 ms. */
  readonly rootPollMs?: number;
}

interface Watched {
  readonly root: Root;
  /** The options it was started with, to tell whether settings changed it. */
  readonly key: string;
  watcher: FSWatcher | null;
  poll: ReturnType<typeof setInterval> | null;
}

/**
 * One chokidar watcher per root, with the root's globs as its `ignored` filter (excluded folders are
 * never watched), changes batched by a debounce, and a root that vanishes (an unplugged drive, a
 * deleted folder) polled for until it is back — the watcher survives it rather than dying with it.
 */
export class RootWatchers {
  private readonly watched = new Map<string, Watched>();
  private batch = new Set<string>();
  private quiet: ReturnType<typeof setTimeout> | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RootWatchersOptions) {}

  get roots(): string[] {
    return [...this.watched.keys()];
  }

  /** Watches exactly these roots: new ones start, removed or changed ones stop (changed ones restart). */
  sync(roots: readonly Root[]): void {
    const wanted = new Map(roots.map((r) => [r.path, r]));
    for (const [path, entry] of this.watched) {
      const next = wanted.get(path);
      if (!next || keyOf(next) !== entry.key) this.stop(path);
    }
    for (const root of roots) if (!this.watched.has(root.path)) this.start(root);
  }

  async dispose(): Promise<void> {
    for (const path of [...this.watched.keys()]) this.stop(path);
    if (this.quiet) clearTimeout(this.quiet);
    if (this.deadline) clearTimeout(this.deadline);
    this.quiet = this.deadline = null;
    this.batch.clear();
    await Promise.resolve();
  }

  private start(root: Root): void {
    const entry: Watched = { root, key: keyOf(root), watcher: null, poll: null };
    this.watched.set(root.path, entry);
    this.open(entry);
  }

  private open(entry: Watched): void {
    const { root } = entry;
    const rules = compileRootRules(root);
    const never = this.options.never ?? [];
    const watcher = watch(root.path, {
      ignoreInitial: true,
      followSymlinks: root.followSymlinks,
      // Editors save by writing a temp file and renaming it over the original: report one change.
      atomic: true,
      ignored: (path, stats) => {
        if (never.includes(path)) return true;
        const rel = relativeInside(root.path, path);
        if (rel === null) return false;
        if (stats?.isFile()) return !rules.indexesFile(rel);
        // Without stats it may be a folder: only what the exclude globs name as a folder is ignored.
        return rules.skipsFolder(rel);
      },
    });
    entry.watcher = watcher;
    const changed = (path: string) => this.add(path);
    watcher
      .on('add', changed)
      .on('change', changed)
      .on('unlink', changed)
      .on('unlinkDir', (path) => {
        this.add(path);
        if (path === root.path) this.lost(entry);
      });
    watcher.on('error', (error) => {
      this.options.onProblem?.(root.path, `watching: ${errorMessage(error)}`);
      void stat(root.path).catch(() => this.lost(entry));
    });
  }

  /** The root is gone: stop its watcher and look for it now and then. */
  private lost(entry: Watched): void {
    if (entry.poll || this.watched.get(entry.root.path) !== entry) return;
    void entry.watcher?.close().catch(() => undefined);
    entry.watcher = null;
    this.options.onRootMissing(entry.root.path, true);
    entry.poll = setInterval(() => {
      void stat(entry.root.path).then(
        (info) => {
          if (!info.isDirectory() || !entry.poll || this.watched.get(entry.root.path) !== entry) return;
          clearInterval(entry.poll);
          entry.poll = null;
          this.open(entry);
          this.options.onRootMissing(entry.root.path, false);
        },
        () => undefined,
      );
    }, this.options.rootPollMs ?? 2000);
  }

  private stop(path: string): void {
    const entry = this.watched.get(path);
    if (!entry) return;
    this.watched.delete(path);
    if (entry.poll) clearInterval(entry.poll);
    void entry.watcher?.close().catch(() => undefined);
  }

  private add(path: string): void {
    this.batch.add(path);
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.flush(), this.options.debounceMs ?? 400);
    this.deadline ??= setTimeout(() => this.flush(), this.options.maxDelayMs ?? 3000);
  }

  private flush(): void {
    if (this.quiet) clearTimeout(this.quiet);
    if (this.deadline) clearTimeout(this.deadline);
    this.quiet = this.deadline = null;
    if (this.batch.size === 0) return;
    const paths = this.batch;
    this.batch = new Set();
    this.options.onChanges(paths);
  }
}

function keyOf(root: Root): string {
  return JSON.stringify([root.include, root.exclude, root.maxFileBytes, root.followSymlinks, root.allowOutside]);
}
