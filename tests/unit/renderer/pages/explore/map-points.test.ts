import { describe, expect, it } from 'vitest';

import {
  appendPage,
  baseName,
  clusterMembers,
  emptyPoints,
} from '../../../../../renderer/src/pages/explore/map-points';
import { clusterSlots, selectedPaths, selectionMask } from '../../../../../renderer/src/pages/explore/selection';
import { point } from './explore-fixtures';

describe('the map points', () => {
  it('fill their columns page by page, each page a new object over the same arrays', () => {
    const start = emptyPoints('j', 5);
    const first = appendPage(start, 0, [point(0, 1, 2, 0), point(1, 3, 4, 1)], 5);
    expect(first).not.toBe(start);
    expect(first.count).toBe(2);
    expect(first.xs).toBe(start.xs);
    const second = appendPage(first, 2, [point(2, 5, 6, 1), point(3, 7, 8, 0), point(4, 9, 10, 2)], 5);
    expect(second.count).toBe(5);
    expect([...second.xs]).toEqual([1, 3, 5, 7, 9]);
    expect([...second.clusters]).toEqual([0, 1, 1, 0, 2]);
    expect(second.paths[4]).toBe('/docs/file-4.txt');
    expect(second.titles[1]).toBe('Title 1');
    expect(clusterMembers(second, 1)).toEqual([1, 2]);
  });

  it('grow when a page goes past the total they were made for', () => {
    const points = appendPage(emptyPoints('j', 1), 0, [point(0, 1, 1), point(1, 2, 2)], 2);
    expect(points.count).toBe(2);
    expect(points.xs.length).toBe(2);
    expect([...points.ys]).toEqual([1, 2]);
  });

  it('turn a selection into a drawing mask and the files to search', () => {
    const points = appendPage(emptyPoints('j', 3), 0, [point(0, 0, 0), point(1, 1, 1), point(2, 2, 2)], 3);
    expect(selectionMask(null, 3)).toBeNull();
    expect([...(selectionMask({ indices: [2, 0, 9], from: 'lasso', serial: 1 }, 3) ?? [])]).toEqual([1, 0, 1]);
    expect(selectedPaths({ indices: [2, 0], from: 1, serial: 1 }, points)).toEqual([
      '/docs/file-0.txt',
      '/docs/file-2.txt',
    ]);
    expect(selectedPaths(null, points)).toEqual([]);
    expect(clusterSlots([0, 4, 2])).toBe(5);
    expect(clusterSlots([])).toBe(0);
  });

  it('name files by the end of their path, either separator', () => {
    expect(baseName('/home/me/report.pdf')).toBe('report.pdf');
    expect(baseName('C:\\Users\\me\\notes.txt')).toBe('notes.txt');
    expect(baseName('plain')).toBe('plain');
  });
});
