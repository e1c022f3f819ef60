import { describe, expect, it } from 'vitest';

import {
  fitView,
  MAX_ZOOM,
  MIN_ZOOM,
  panBy,
  toScreen,
  toWorld,
  visibleWorld,
  wheelFactor,
  zoomAt,
  zoomLevel,
} from '../../../../../renderer/src/pages/explore/map-view';

const bounds = { minX: -2, maxX: 6, minY: 0, maxY: 4 };
const size = { width: 848, height: 448 };

describe('the map view', () => {
  it('fits the whole map, centred, inside the padding', () => {
    const view = fitView(bounds, size, 24);
    // 800 / 8 = 100 across, 400 / 4 = 100 down: the same scale both ways.
    expect(view.scale).toBeCloseTo(100);
    expect(toScreen(view, -2, 0)).toEqual({ x: 24, y: 24 });
    expect(toScreen(view, 6, 4)).toEqual({ x: 824, y: 424 });
    // The tighter axis decides; the other is centred.
    const tall = fitView(bounds, { width: 848, height: 848 }, 24);
    expect(tall.scale).toBeCloseTo(100);
    expect(toScreen(tall, 2, 2).y).toBeCloseTo(424);
  });

  it('copes with a map of one point or a line', () => {
    const one = fitView({ minX: 3, maxX: 3, minY: 3, maxY: 3 }, size);
    expect(Number.isFinite(one.scale)).toBe(true);
    expect(toScreen(one, 3, 3)).toEqual({ x: 424, y: 224 });
    const line = fitView({ minX: 0, maxX: 10, minY: 1, maxY: 1 }, size);
    expect(Number.isFinite(line.scale)).toBe(true);
    expect(toScreen(line, 5, 1).y).toBeCloseTo(224);
  });

  it('maps screen and world both ways', () => {
    const view = { scale: 40, x: 13, y: -7 };
    const world = toWorld(view, 333, 222);
    const back = toScreen(view, world.x, world.y);
    expect(back.x).toBeCloseTo(333);
    expect(back.y).toBeCloseTo(222);
  });

  it('zooms around the pointer, which stays put, within limits', () => {
    const fit = fitView(bounds, size);
    const under = toWorld(fit, 300, 100);
    const zoomed = zoomAt(fit, 2, 300, 100, fit);
    expect(zoomLevel(zoomed, fit)).toBeCloseTo(2);
    const after = toScreen(zoomed, under.x, under.y);
    expect(after.x).toBeCloseTo(300);
    expect(after.y).toBeCloseTo(100);
    let far = fit;
    for (let i = 0; i < 100; i += 1) far = zoomAt(far, 2, 10, 10, fit);
    expect(zoomLevel(far, fit)).toBeCloseTo(MAX_ZOOM);
    for (let i = 0; i < 100; i += 1) far = zoomAt(far, 0.5, 10, 10, fit);
    expect(zoomLevel(far, fit)).toBeCloseTo(MIN_ZOOM);
  });

  it('pans by screen pixels', () => {
    const view = panBy({ scale: 2, x: 10, y: 20 }, 5, -8);
    expect(view).toEqual({ scale: 2, x: 15, y: 12 });
  });

  it('turns wheel turns into zoom factors: in for up, out for down, bounded', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(100, 0) * wheelFactor(-100, 0)).toBeCloseTo(1);
    // Line and page modes scale to pixels; a huge delta is clamped.
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0));
    expect(wheelFactor(1e6, 0)).toBeCloseTo(wheelFactor(200, 0));
  });

  it('knows the world rectangle on screen, for skipping what is off it', () => {
    const view = { scale: 10, x: 0, y: 0 };
    const seen = visibleWorld(view, { width: 100, height: 50 }, 0);
    expect([seen.minX + 0, seen.maxX, seen.minY + 0, seen.maxY]).toEqual([0, 10, 0, 5]);
  });
});
