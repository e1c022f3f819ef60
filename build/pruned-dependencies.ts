import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of a package-lock.json (lockfileVersion 2 or 3) that the walk reads. */
export interface PackageLock {
  readonly packages: Readonly<Record<string, LockEntry>>;
}

interface LockEntry {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
}

/** A dependency the packaged app never loads: `from` (a package name, `''` for the app) → `to`. */
export interface DependencyCut {
  readonly from: string;
  readonly to: string;
  /** Why it is safe to leave out (shown in build/README.md's table). */
  readonly why: string;
}

/**
 * What the app's production dependencies pull in but nothing loads at run time. Leaving out a package
 * also leaves out whatever only it needed (computed from the lock, so upgrades cannot strand a package).
 */
export const UNUSED_AT_RUN_TIME: readonly DependencyCut[] = [
  {
    from: '@lancedb/lancedb',
    to: '@huggingface/transformers',
    why: "LanceDB's optional embedding functions: transformers.js 3.0.2 with onnxruntime-node 1.19.2, onnxruntime-web and sharp 0.33 (≈ 500 MB); Polyseek encodes with its own encoder",
  },
  {
    from: '@lancedb/lancedb',
    to: 'openai',
    why: "LanceDB's optional OpenAI embedding function and its fetch polyfills",
  },
  {
    from: '@huggingface/transformers',
    to: 'onnxruntime-web',
    why: 'the browser runtime (WebAssembly/WebGPU builds, ≈ 140 MB); the Node build of transformers.js runs on onnxruntime-node',
  },
  { from: '', to: 'react', why: 'bundled into dist/renderer by vite' },
  { from: '', to: 'react-dom', why: 'bundled into dist/renderer by vite' },
  { from: '', to: 'chart.js', why: 'bundled into dist/renderer by vite' },
  { from: '', to: 'commander', why: 'the CLI, which is not part of the desktop app' },
];

/** `node_modules/a/node_modules/@b/c` → `@b/c`. */
function packageName(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  return at < 0 ? '' : path.slice(at + 'node_modules/'.length);
}

/** Where Node finds `name` from the package installed at `from` (lock paths; `''` is the app). */
function resolveFrom(lock: PackageLock, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (Object.hasOwn(lock.packages, candidate)) return candidate;
    if (base === '') return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

function dependencyNames(entry: LockEntry, isApp: boolean): string[] {
  // The app's devDependencies never ship; a package's optional peers are the app's business.
  const peers = Object.keys(entry.peerDependencies ?? {}).filter((n) => !entry.peerDependenciesMeta?.[n]?.optional);
  return [
    ...Object.keys(entry.dependencies ?? {}),
    ...Object.keys(entry.optionalDependencies ?? {}),
    ...(isApp ? [] : peers),
  ];
}

/** Lock paths of every package reachable from the app's production dependencies, not crossing `cuts`. */
export function reachablePackages(lock: PackageLock, cuts: readonly DependencyCut[] = []): Set<string> {
  const seen = new Set<string>();
  const pending = [''];
  while (pending.length > 0) {
    const path = pending.pop() as string;
    const entry = lock.packages[path];
    if (entry === undefined) continue;
    const from = packageName(path);
    for (const name of dependencyNames(entry, path === '')) {
      if (cuts.some((cut) => cut.from === from && cut.to === name)) continue;
      const target = resolveFrom(lock, path, name);
      if (target === null || seen.has(target)) continue;
      seen.add(target);
      pending.push(target);
    }
  }
  return seen;
}

/** Lock paths (`node_modules/…`) installed for production but needed only through `cuts`, sorted. */
export function unusedPackagePaths(lock: PackageLock, cuts: readonly DependencyCut[] = UNUSED_AT_RUN_TIME): string[] {
  const kept = reachablePackages(lock, cuts);
  return [...reachablePackages(lock)].filter((path) => !kept.has(path)).sort();
}

export function readPackageLock(root: string): PackageLock {
  return JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as PackageLock;
}
