/** A point of a lasso polygon (world or screen coordinates, as long as both sides agree). */
export interface Vertex {
  readonly x: number;
  readonly y: number;
}

/** Even–odd rule (ray casting): inside a closed polygon, whichever way it was drawn. */
export function pointInPolygon(x: number, y: number, polygon: readonly Vertex[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const a = polygon[i];
    const b = polygon[j];
    if (!a || !b) continue;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Indices of the points inside the polygon (a bounding-box test first: most points fail it). */
export function pointsInPolygon(
  xs: Float32Array,
  ys: Float32Array,
  count: number,
  polygon: readonly Vertex[],
): number[] {
  if (polygon.length < 3) return [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const v of polygon) {
    minX = Math.min(minX, v.x);
    maxX = Math.max(maxX, v.x);
    minY = Math.min(minY, v.y);
    maxY = Math.max(maxY, v.y);
  }
  const inside: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const x = xs[i] ?? 0;
    const y = ys[i] ?? 0;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    if (pointInPolygon(x, y, polygon)) inside.push(i);
  }
  return inside;
}

/**
 * Adds a pointer position to a lasso being drawn, unless it is within `minStep` pixels of the last
 * vertex (a mouse sends hundreds of moves; the polygon needs a few dozen).
 */
export function extendLasso(polygon: readonly Vertex[], next: Vertex, minStep = 3): readonly Vertex[] {
  const last = polygon.at(-1);
  if (last && Math.hypot(next.x - last.x, next.y - last.y) < minStep) return polygon;
  return [...polygon, next];
}
