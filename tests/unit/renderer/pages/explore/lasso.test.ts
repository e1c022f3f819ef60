import { describe, expect, it } from 'vitest';

import { extendLasso, pointInPolygon, pointsInPolygon } from '../../../../../renderer/src/pages/explore/lasso';

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];
/** A U shape: the notch between its arms is outside. */
const cup = [
  { x: 0, y: 0 },
  { x: 3, y: 0 },
  { x: 3, y: 7 },
  { x: 7, y: 7 },
  { x: 7, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];

describe('the lasso', () => {
  it('tells inside from outside, for convex and concave shapes drawn either way', () => {
    expect(pointInPolygon(5, 5, square)).toBe(true);
    expect(pointInPolygon(15, 5, square)).toBe(false);
    expect(pointInPolygon(5, 5, [...square].reverse())).toBe(true);
    expect(pointInPolygon(5, 3, cup)).toBe(false);
    expect(pointInPolygon(1, 3, cup)).toBe(true);
    expect(pointInPolygon(5, 9, cup)).toBe(true);
  });

  it('selects the points inside, and none for a polygon of fewer than three vertices', () => {
    const xs = Float32Array.of(1, 5, 9, 5, 20, 1);
    const ys = Float32Array.of(3, 3, 3, 9, 5, 9);
    expect(pointsInPolygon(xs, ys, 6, cup)).toEqual([0, 2, 3, 5]);
    expect(pointsInPolygon(xs, ys, 3, cup)).toEqual([0, 2]);
    expect(pointsInPolygon(xs, ys, 6, square.slice(0, 2))).toEqual([]);
  });

  it('keeps a vertex only every few pixels of pointer movement', () => {
    let polygon = extendLasso([], { x: 0, y: 0 });
    polygon = extendLasso(polygon, { x: 1, y: 1 });
    expect(polygon).toHaveLength(1);
    polygon = extendLasso(polygon, { x: 5, y: 0 });
    expect(polygon).toEqual([
      { x: 0, y: 0 },
      { x: 5, y: 0 },
    ]);
  });
});
