import type { TopicPoint } from '../../../../shared';

/**
 * A topic map's points as they arrive page by page, in columns: typed arrays for what drawing and
 * hit-testing read 50 000 times a frame, plain arrays for the names shown one at a time. Pages append in
 * place; each append returns a new object (same arrays, a larger `count`) so React sees a change.
 */
export interface MapPoints {
  readonly jobId: string;
  /** Points received so far; the columns hold `capacity`. */
  readonly count: number;
  /** Points the job has in all (from the first page's answer). */
  readonly total: number;
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  readonly clusters: Int32Array;
  readonly paths: string[];
  readonly titles: (string | null)[];
}

export function emptyPoints(jobId: string, total: number): MapPoints {
  return {
    jobId,
    count: 0,
    total,
    xs: new Float32Array(total),
    ys: new Float32Array(total),
    clusters: new Int32Array(total),
    paths: [],
    titles: [],
  };
}

/** Appends a page at `offset`; a page beyond the columns (the total grew) reallocates them. */
export function appendPage(points: MapPoints, offset: number, page: readonly TopicPoint[], total: number): MapPoints {
  let { xs, ys, clusters } = points;
  const needed = Math.max(total, offset + page.length);
  if (needed > xs.length) {
    xs = grown(xs, needed);
    ys = grown(ys, needed);
    const wider = new Int32Array(needed);
    wider.set(clusters);
    clusters = wider;
  }
  page.forEach((point, i) => {
    const at = offset + i;
    xs[at] = point.x;
    ys[at] = point.y;
    clusters[at] = point.cluster;
    points.paths[at] = point.path;
    points.titles[at] = point.title;
  });
  return { ...points, xs, ys, clusters, count: Math.max(points.count, offset + page.length), total };
}

function grown(column: Float32Array, size: number): Float32Array {
  const next = new Float32Array(size);
  next.set(column);
  return next;
}

/** Indices of the points in `cluster`. */
export function clusterMembers(points: MapPoints, cluster: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < points.count; i += 1) if (points.clusters[i] === cluster) members.push(i);
  return members;
}

/** The file name at the end of a path (either separator). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.at(-1) || path;
}
