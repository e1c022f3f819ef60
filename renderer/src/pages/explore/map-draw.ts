import type { TopicCluster } from '../../../../shared';
import type { Vertex } from './lasso';
import type { MapPoints } from './map-points';
import { toScreen, visibleWorld, type MapView, type Size } from './map-view';

/** The theme's colours the map draws with (read from the CSS variables, so both themes apply). */
export interface MapTheme {
  readonly text: string;
  readonly halo: string;
  readonly accent: string;
  /** The UI's font stack, for the labels. */
  readonly font: string;
}

export interface MapScene {
  readonly points: MapPoints;
  readonly clusters: readonly TopicCluster[];
  readonly colours: readonly string[];
  readonly view: MapView;
  readonly size: Size;
  readonly ratio: number;
  readonly theme: MapTheme;
  /** 1 for each selected point; null when nothing is selected (every point drawn in full). */
  readonly selected: Uint8Array | null;
  readonly hover: number;
  /** The lasso being drawn, in screen pixels. */
  readonly lasso: readonly Vertex[];
}

/**
 * Past this many points on screen, dots are written straight into the pixels (ImageData) instead of
 * being drawn as paths: measured in headless (software) Chromium for 50 000 points in 30 clusters at 2×,
 * 6–18 ms a frame against 35–130 ms for one Path2D per cluster — the map keeps up with a drag.
 */
const PIXELS_ABOVE = 8_000;
/** Few points get bigger dots: a small map should not look empty. */
export function dotRadius(count: number): number {
  return count <= 200 ? 5 : count <= 2_000 ? 4 : 3;
}
const DIMMED = 0.3;

/**
 * Draws the whole map, one frame: the dots (points outside the view skipped; selected ones over the
 * dimmed rest), then the hovered point's ring, the cluster labels and the lasso being drawn.
 */
export function drawMap(context: CanvasRenderingContext2D, scene: MapScene): void {
  const { points, view, size, ratio } = scene;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  const seen = visibleWorld(view, size);
  let onScreen = 0;
  for (let i = 0; i < points.count; i += 1) {
    const x = points.xs[i] ?? 0;
    const y = points.ys[i] ?? 0;
    if (x >= seen.minX && x <= seen.maxX && y >= seen.minY && y <= seen.maxY) onScreen += 1;
  }
  const pixels = onScreen > PIXELS_ABOVE;
  const radius = pixels ? 1.5 : dotRadius(onScreen);
  if (pixels) blitDots(context, scene);
  else pathDots(context, scene, radius);
  drawHover(context, scene, radius);
  drawLabels(context, scene, radius);
  drawLasso(context, scene);
}

/** One path per cluster (and per dimmed cluster), filled once each: round dots for maps of a few thousand. */
function pathDots(context: CanvasRenderingContext2D, scene: MapScene, radius: number): void {
  const { points, view, size, colours, selected } = scene;
  const seen = visibleWorld(view, size);
  const clusterCount = Math.max(colours.length, 1);
  const full: (Path2D | undefined)[] = new Array<Path2D | undefined>(clusterCount);
  const dim: (Path2D | undefined)[] = new Array<Path2D | undefined>(clusterCount);
  for (let i = 0; i < points.count; i += 1) {
    const wx = points.xs[i] ?? 0;
    const wy = points.ys[i] ?? 0;
    if (wx < seen.minX || wx > seen.maxX || wy < seen.minY || wy > seen.maxY) continue;
    const cluster = Math.min(clusterCount - 1, Math.max(0, points.clusters[i] ?? 0));
    const paths = selected && selected[i] !== 1 ? dim : full;
    const path = (paths[cluster] ??= new Path2D());
    const sx = wx * view.scale + view.x;
    const sy = wy * view.scale + view.y;
    path.moveTo(sx + radius, sy);
    path.arc(sx, sy, radius, 0, Math.PI * 2);
  }
  context.globalAlpha = DIMMED;
  fillEach(context, dim, colours);
  context.globalAlpha = 1;
  fillEach(context, full, colours);
}

/** Square dots written into the canvas's pixels: the dimmed ones first, the selected (or all) over them. */
function blitDots(context: CanvasRenderingContext2D, { points, view, colours, selected, ratio }: MapScene): void {
  const { width, height } = context.canvas;
  const { image, buffer } = pixelBuffer(context, width, height);
  const packed = colours.map((colour) => packColour(colour, 1));
  const dimmed = colours.map((colour) => packColour(colour, DIMMED));
  const half = Math.max(1, Math.round(1.5 * ratio));
  const last = Math.max(0, colours.length - 1);
  for (const pass of selected ? [0, 1] : [1]) {
    for (let i = 0; i < points.count; i += 1) {
      if (selected && (selected[i] === 1 ? 1 : 0) !== pass) continue;
      const px = Math.round(((points.xs[i] ?? 0) * view.scale + view.x) * ratio);
      const py = Math.round(((points.ys[i] ?? 0) * view.scale + view.y) * ratio);
      if (px < half || py < half || px >= width - half || py >= height - half) continue;
      const cluster = Math.min(last, Math.max(0, points.clusters[i] ?? 0));
      const colour = (pass === 1 ? packed[cluster] : dimmed[cluster]) ?? 0;
      for (let dy = -half; dy < half; dy += 1) {
        const row = (py + dy) * width + px;
        for (let dx = -half; dx < half; dx += 1) buffer[row + dx] = colour;
      }
    }
  }
  context.putImageData(image, 0, 0);
}

/** One ImageData per canvas, kept between frames (8 MB at 2× on a wide window: not worth allocating 60 times a second). */
const buffers = new WeakMap<HTMLCanvasElement, { image: ImageData; buffer: Uint32Array }>();

function pixelBuffer(context: CanvasRenderingContext2D, width: number, height: number) {
  const known = buffers.get(context.canvas);
  if (known && known.image.width === width && known.image.height === height) {
    known.buffer.fill(0);
    return known;
  }
  const image = context.createImageData(width, height);
  const made = { image, buffer: new Uint32Array(image.data.buffer) };
  buffers.set(context.canvas, made);
  return made;
}

/** `#rrggbb` as one little-endian RGBA pixel (ImageData's byte order on every platform Polyseek runs on). */
export function packColour(hex: string, alpha: number): number {
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16) || 0;
  return ((Math.round(alpha * 255) << 24) | (channel(5) << 16) | (channel(3) << 8) | channel(1)) >>> 0;
}

function fillEach(
  context: CanvasRenderingContext2D,
  paths: readonly (Path2D | undefined)[],
  colours: readonly string[],
) {
  paths.forEach((path, cluster) => {
    if (!path) return;
    context.fillStyle = colours[cluster] ?? '#888888';
    context.fill(path);
  });
}

function drawHover(context: CanvasRenderingContext2D, { points, view, hover, theme }: MapScene, radius: number): void {
  if (hover < 0 || hover >= points.count) return;
  const { x, y } = toScreen(view, points.xs[hover] ?? 0, points.ys[hover] ?? 0);
  context.beginPath();
  context.arc(x, y, radius + 4, 0, Math.PI * 2);
  context.lineWidth = 2;
  context.strokeStyle = theme.text;
  context.stroke();
}

/**
 * Each cluster's first words just above its centre (a cluster of one keeps its dot visible), with a halo
 * in the background's colour so they read over other dots. Bigger clusters first; a label that would
 * overlap one already drawn is left out (zooming in spreads them apart; the legend lists them all).
 */
function drawLabels(context: CanvasRenderingContext2D, { clusters, view, theme }: MapScene, radius: number): void {
  context.font = `600 12px ${theme.font}`;
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  context.lineJoin = 'round';
  context.lineWidth = 4;
  const drawn: Box[] = [];
  for (const cluster of [...clusters].sort((a, b) => b.size - a.size)) {
    const label = cluster.terms.slice(0, 3).join(' · ');
    if (!label) continue;
    const centre = toScreen(view, cluster.x, cluster.y);
    const [x, y] = [centre.x, centre.y - radius - 4];
    const width = context.measureText(label).width;
    const box = { left: x - width / 2 - 2, right: x + width / 2 + 2, top: y - 16, bottom: y + 2 };
    if (drawn.some((other) => overlaps(box, other))) continue;
    drawn.push(box);
    context.strokeStyle = theme.halo;
    context.strokeText(label, x, y);
    context.fillStyle = theme.text;
    context.fillText(label, x, y);
  }
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function drawLasso(context: CanvasRenderingContext2D, { lasso, theme }: MapScene): void {
  const [first, ...rest] = lasso;
  if (!first || rest.length === 0) return;
  context.beginPath();
  context.moveTo(first.x, first.y);
  for (const vertex of rest) context.lineTo(vertex.x, vertex.y);
  context.closePath();
  context.globalAlpha = 0.12;
  context.fillStyle = theme.accent;
  context.fill();
  context.globalAlpha = 1;
  context.setLineDash([5, 4]);
  context.lineWidth = 1.5;
  context.strokeStyle = theme.accent;
  context.stroke();
  context.setLineDash([]);
}
