import type { MapPoints } from './map-points';

/** Files chosen on the map: drawn around with the lasso, or a cluster picked in the legend. */
export interface MapSelection {
  readonly indices: readonly number[];
  /** `lasso`, or the cluster's id. */
  readonly from: 'lasso' | number;
  /** Changes with every new selection (keys the search box, which then starts empty). */
  readonly serial: number;
}

/** 1 for each selected point, for drawing the rest dimmed; null when nothing is selected. */
export function selectionMask(selection: MapSelection | null, count: number): Uint8Array | null {
  if (!selection) return null;
  const mask = new Uint8Array(count);
  for (const index of selection.indices) if (index >= 0 && index < count) mask[index] = 1;
  return mask;
}

/** The selected files' paths, each once, in map order. */
export function selectedPaths(selection: MapSelection | null, points: MapPoints | null): string[] {
  if (!selection || !points) return [];
  const paths = new Set<string>();
  for (const index of [...selection.indices].sort((a, b) => a - b)) {
    const path = points.paths[index];
    if (path !== undefined) paths.add(path);
  }
  return [...paths];
}

/** Palette size: one past the largest cluster id (ids need not be 0…k−1 without gaps). */
export function clusterSlots(clusterIds: readonly number[]): number {
  return clusterIds.reduce((most, id) => Math.max(most, id + 1), 0);
}
