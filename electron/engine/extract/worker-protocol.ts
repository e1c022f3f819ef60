import type { ExtractErrorCode, Extracted } from './types';

/** Parent → worker: extract one file. */
export interface ExtractJob {
  readonly id: number;
  readonly path: string;
  readonly maxBytes: number;
}

/** Worker → parent: it has loaded and takes jobs; or the outcome of one job. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly value: Extracted }
  | { readonly type: 'error'; readonly id: number; readonly code: ExtractErrorCode; readonly message: string };
