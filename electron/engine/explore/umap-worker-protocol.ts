import type { FitSettings } from './project-fit';

/** Parent → worker: fit one map. `rows` holds `n` unit vectors of `dims` values back to back (transferred). */
export interface UmapJob {
  readonly rows: Float32Array<ArrayBuffer>;
  readonly n: number;
  readonly dims: number;
  readonly settings: FitSettings;
}

/**
 * Worker → parent: it has loaded and takes the job; progress of the fit; the coordinates (x, y per row,
 * transferred); or why the fit failed.
 */
export type UmapReply =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly activity: string }
  | { readonly type: 'result'; readonly xy: Float64Array<ArrayBuffer> }
  | { readonly type: 'error'; readonly message: string };
