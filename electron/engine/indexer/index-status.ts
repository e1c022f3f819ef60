import type { IndexErrors, IndexErrorsInput, IndexJob, IndexStatus, Root } from '../../../shared';
import type { Provenance } from '../store/types';
import type { IndexStorePort } from './ports';

export interface IndexState {
  readonly roots: readonly Root[];
  readonly job: IndexJob | null;
  readonly watching: boolean;
  readonly missingRoots: ReadonlySet<string>;
  readonly modelProblem: string | null;
  /** What new vectors are made with, once the encoder has loaded in this process. */
  readonly currentProvenance: Provenance | null;
  readonly dir: string;
}

/**
 * `index.status`: totals, per-root counts, and files awaiting vectors — counted against the current
 * provenance when the encoder has loaded, else against the serving one, else (no vectors yet) every
 * indexed file. Never loads the model just to answer.
 */
export async function describeIndex(store: IndexStorePort, state: IndexState): Promise<IndexStatus> {
  const stats = await store.stats();
  const roots = await Promise.all(
    state.roots.map(async (root) => {
      const files = await store.listFiles({ root: root.path });
      const count = (status: string) => files.filter((f) => f.status === status).length;
      return {
        path: root.path,
        exists: !state.missingRoots.has(root.path),
        files: files.length,
        indexed: count('indexed'),
        failed: count('failed'),
        skipped: count('skipped'),
        pending: count('pending'),
        chunks: files.reduce((n, f) => n + f.chunkCount, 0),
      };
    }),
  );
  const active = await store.activeProvenance();
  const reference = state.currentProvenance ?? active;
  return {
    job: state.job,
    watching: state.watching,
    roots,
    totals: {
      files: stats.files,
      indexed: stats.byStatus.indexed,
      failed: stats.byStatus.failed,
      skipped: stats.byStatus.skipped,
      pending: stats.byStatus.pending,
      chunks: stats.chunks,
      bytesOnDisk: stats.bytesOnDisk,
    },
    filesAwaitingVectors: reference ? await store.filesAwaitingVectors(reference) : stats.byStatus.indexed,
    modelProblem: state.modelProblem,
    activeProvenance: active,
    currentProvenance: state.currentProvenance,
    vectorSets: await store.vectorSets(),
    dir: state.dir,
  };
}

/** `index.errors`: failed and skipped files, sorted by path, one page. */
export async function listFileErrors(store: IndexStorePort, input: IndexErrorsInput): Promise<IndexErrors> {
  const listed = [...(await store.listFiles({ status: 'failed' })), ...(await store.listFiles({ status: 'skipped' }))]
    .filter((f) => !input.root || f.root === input.root)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const offset = input.offset ?? 0;
  const page = listed.slice(offset, offset + (input.limit ?? 200));
  return {
    total: listed.length,
    errors: page.map((f) => ({
      path: f.path,
      root: f.root,
      status: f.status === 'skipped' ? ('skipped' as const) : ('failed' as const),
      code: f.errorCode ?? 'UNKNOWN',
      message: f.errorMessage ?? '',
      size: f.size,
      format: f.format,
    })),
  };
}
