import type { TopicsReport } from '../../../../shared';

/** Screen = world × scale + offset, in CSS pixels (y grows downwards on both). */
export interface MapView {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export type Bounds = TopicsReport['bounds'];

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Zooming stops at a quarter of the whole map's size and at 256 times it. */
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 256;

/** The whole map centred in `size` with `padding` pixels around it; a single point gets a unit square. */
export function fitView(bounds: Bounds, size: Size, padding = 24): MapView {
  const spanX = Math.max(bounds.maxX - bounds.minX, 1e-9);
  const spanY = Math.max(bounds.maxY - bounds.minY, 1e-9);
  const singular = bounds.maxX - bounds.minX < 1e-9 && bounds.maxY - bounds.minY < 1e-9;
  const innerW = Math.max(1, size.width - 2 * padding);
  const innerH = Math.max(1, size.height - 2 * padding);
  const scale = singular ? 1 : Math.min(innerW / spanX, innerH / spanY);
  const centreX = (bounds.minX + bounds.maxX) / 2;
  const centreY = (bounds.minY + bounds.maxY) / 2;
  return { scale, x: size.width / 2 - centreX * scale, y: size.height / 2 - centreY * scale };
}

export function toScreen(view: MapView, wx: number, wy: number): { x: number; y: number } {
  return { x: wx * view.scale + view.x, y: wy * view.scale + view.y };
}

export function toWorld(view: MapView, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.x) / view.scale, y: (sy - view.y) / view.scale };
}

/**
 * Zoomed by `factor` around the screen point (sx, sy), which stays where it is; the zoom is kept
 * between MIN_ZOOM and MAX_ZOOM times `fit`'s scale.
 */
export function zoomAt(view: MapView, factor: number, sx: number, sy: number, fit: MapView): MapView {
  const scale = Math.min(fit.scale * MAX_ZOOM, Math.max(fit.scale * MIN_ZOOM, view.scale * factor));
  const applied = scale / view.scale;
  return { scale, x: sx - (sx - view.x) * applied, y: sy - (sy - view.y) * applied };
}

export function panBy(view: MapView, dx: number, dy: number): MapView {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The zoom factor of a wheel turn: smooth for trackpads (small deltas), 1.2× a notch for mice. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-200, Math.min(200, pixels)) * 0.0015);
}

/** The world rectangle the screen shows: for skipping points that fall outside it. */
export function visibleWorld(view: MapView, size: Size, margin = 8): Bounds {
  const a = toWorld(view, -margin, -margin);
  const b = toWorld(view, size.width + margin, size.height + margin);
  return { minX: a.x, maxX: b.x, minY: a.y, maxY: b.y };
}

/** How much bigger than the fitted map the view is (1 = fitted), for the zoom controls' label. */
export function zoomLevel(view: MapView, fit: MapView): number {
  return view.scale / fit.scale;
}
