import { useEffect, useEffectEvent, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

import type { TopicCluster, TopicsReport } from '../../../../shared';
import { EXPLORE_TEXT } from '../../text/explore';
import { extendLasso, pointsInPolygon, type Vertex } from './lasso';
import { drawMap, type MapScene, type MapTheme } from './map-draw';
import { baseName, type MapPoints } from './map-points';
import { fitView, panBy, toWorld, wheelFactor, zoomAt, type MapView } from './map-view';
import { buildSpatialIndex, nearestPoint } from './spatial-index';
import { useElementSize, usePixelRatio } from './use-canvas-size';

interface Props {
  readonly points: MapPoints;
  readonly report: TopicsReport;
  readonly colours: readonly string[];
  readonly theme: MapTheme;
  readonly selected: Uint8Array | null;
  readonly onOpen: (path: string) => void;
  readonly onLasso: (indices: number[]) => void;
}

/** Pixels around the pointer a point is found within (hover, click). */
const HIT_RADIUS = 8;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;
const HEIGHT = 520;

interface Drag {
  readonly id: number;
  readonly startX: number;
  readonly startY: number;
  lastX: number;
  lastY: number;
  moved: boolean;
}

/**
 * The topic map on a canvas sized to the device's pixels: scroll or the buttons zoom, dragging moves
 * it, a point under the pointer shows its file and cluster, a click opens the file, and with the lasso
 * on, dragging draws a polygon that selects the points inside. Redraws are coalesced into one per frame.
 */
export function TopicMap({ points, report, colours, theme, selected, onOpen, onLasso }: Props) {
  const text = EXPLORE_TEXT.topics;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(box, { width: 800, height: HEIGHT });
  const ratio = usePixelRatio();
  const fit = useMemo(() => fitView(report.bounds, size), [report.bounds, size]);
  const [moved, setView] = useState<MapView | null>(null);
  const view = moved ?? fit;
  const [lassoOn, setLassoOn] = useState(false);
  const [lasso, setLasso] = useState<readonly Vertex[]>([]);
  const [hover, setHover] = useState<{ readonly index: number; readonly x: number; readonly y: number } | null>(null);
  const drag = useRef<Drag | null>(null);
  const index = useMemo(() => buildSpatialIndex(points.xs, points.ys, points.count), [points]);
  const byId = useMemo(() => new Map(report.clusters.map((c) => [c.id, c])), [report.clusters]);

  // One draw per frame, however many changes arrived in it.
  const scene: MapScene = {
    points,
    clusters: report.clusters,
    colours,
    view,
    size,
    ratio,
    theme,
    selected,
    lasso,
    hover: hover?.index ?? -1,
  };
  const latest = useRef(scene);
  const frame = useRef(0);
  useEffect(() => {
    latest.current = scene;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const context = canvas.current?.getContext('2d');
      if (context) drawMap(context, latest.current);
    });
  });
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );

  // Wheel zoom needs a non-passive listener, or the page would scroll too.
  const onWheel = useEffectEvent((event: WheelEvent, target: HTMLCanvasElement) => {
    event.preventDefault();
    const rect = target.getBoundingClientRect();
    const factor = wheelFactor(event.deltaY, event.deltaMode);
    const [x, y] = [event.clientX - rect.left, event.clientY - rect.top];
    setView((current) => zoomAt(current ?? fit, factor, x, y, fit));
  });
  useEffect(() => {
    const target = canvas.current;
    if (!target) return undefined;
    const listener = (event: WheelEvent) => onWheel(event, target);
    target.addEventListener('wheel', listener, { passive: false });
    return () => target.removeEventListener('wheel', listener);
  }, []);

  const local = (event: ReactPointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const hitAt = (x: number, y: number) => {
    const world = toWorld(view, x, y);
    return nearestPoint(index, world.x, world.y, HIT_RADIUS / view.scale);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    const at = local(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id: event.pointerId, startX: at.x, startY: at.y, lastX: at.x, lastY: at.y, moved: false };
    if (lassoOn) setLasso([at]);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const at = local(event);
    const current = drag.current;
    if (!current || current.id !== event.pointerId) {
      const hit = hitAt(at.x, at.y);
      setHover(hit < 0 ? null : { index: hit, x: at.x, y: at.y });
      return;
    }
    if (Math.hypot(at.x - current.startX, at.y - current.startY) > CLICK_SLOP) current.moved = true;
    if (lassoOn) setLasso((polygon) => extendLasso(polygon, at));
    else if (current.moved) {
      const [dx, dy] = [at.x - current.lastX, at.y - current.lastY];
      setView((shown) => panBy(shown ?? fit, dx, dy));
      setHover(null);
    }
    current.lastX = at.x;
    current.lastY = at.y;
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const current = drag.current;
    drag.current = null;
    if (!current || current.id !== event.pointerId) return;
    if (lassoOn && current.moved) {
      const polygon = lasso.map((vertex) => toWorld(view, vertex.x, vertex.y));
      onLasso(pointsInPolygon(points.xs, points.ys, points.count, polygon));
      setLasso([]);
      return;
    }
    setLasso([]);
    if (current.moved) return;
    const at = local(event);
    const hit = hitAt(at.x, at.y);
    const path = hit >= 0 ? points.paths[hit] : undefined;
    if (path) onOpen(path);
  };

  const zoom = (factor: number) =>
    setView((current) => zoomAt(current ?? fit, factor, size.width / 2, size.height / 2, fit));
  const hovered = hover ? pointInfo(points, hover.index, byId) : null;
  return (
    <div className="topic-map">
      <div className="topic-map-controls" role="toolbar" aria-label={text.controls}>
        <button type="button" className="button button-small" onClick={() => zoom(1.5)}>
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">{text.zoomIn}</span>
        </button>
        <button type="button" className="button button-small" onClick={() => zoom(1 / 1.5)}>
          <span aria-hidden="true">−</span>
          <span className="visually-hidden">{text.zoomOut}</span>
        </button>
        <button type="button" className="button button-small" onClick={() => setView(null)}>
          {text.reset}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={lassoOn}
          onClick={() => setLassoOn(!lassoOn)}
        >
          {text.lasso}
        </button>
        <span className="hint">{lassoOn ? text.lassoHint : text.mapHint}</span>
      </div>
      <div ref={box} className="topic-map-box" style={{ height: HEIGHT }} data-lasso={lassoOn || undefined}>
        <canvas
          ref={canvas}
          width={Math.round(size.width * ratio)}
          height={Math.round(size.height * ratio)}
          style={{ width: size.width, height: size.height }}
          role="img"
          aria-label={text.mapLabel(points.total, report.k)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
            setLasso([]);
          }}
          onPointerLeave={() => setHover(null)}
        />
        {hover && hovered && (
          <div
            className="topic-tooltip"
            role="tooltip"
            style={{ left: Math.min(hover.x + 14, Math.max(0, size.width - 280)), top: hover.y + 14 }}
          >
            <strong dir="auto">{hovered.name}</strong>
            {hovered.file !== hovered.name && (
              <span className="hint" dir="auto">
                {hovered.file}
              </span>
            )}
            <span className="topic-tooltip-cluster">
              <span className="topic-swatch" style={{ background: colours[hovered.cluster] }} aria-hidden="true" />
              {hovered.label}
            </span>
          </div>
        )}
      </div>
    </div>
  );
}

function pointInfo(points: MapPoints, index: number, clusters: ReadonlyMap<number, TopicCluster>) {
  const path = points.paths[index] ?? '';
  const file = baseName(path);
  const cluster = points.clusters[index] ?? 0;
  const title = points.titles[index];
  const terms = clusters.get(cluster)?.terms ?? [];
  return { name: title || file, file, cluster, label: EXPLORE_TEXT.topics.clusterTerms(cluster, terms.slice(0, 4)) };
}
