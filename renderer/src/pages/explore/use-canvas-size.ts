import { useEffect, useState, type RefObject } from 'react';

import type { Size } from './map-view';

/** The element's inner CSS size, followed with a ResizeObserver (the map fills its panel's width). */
export function useElementSize(element: RefObject<HTMLElement | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback);
  useEffect(() => {
    const target = element.current;
    if (!target) return undefined;
    // The inside of its border: where the canvas is drawn.
    const measure = () => {
      const [width, height] = [target.clientWidth, target.clientHeight];
      if (width > 0 && height > 0) {
        setSize((current) => (current.width === width && current.height === height ? current : { width, height }));
      }
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

/** window.devicePixelRatio, followed when the window moves to another screen or the page is zoomed. */
export function usePixelRatio(): number {
  const [ratio, setRatio] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const update = () => setRatio(window.devicePixelRatio || 1);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [ratio]);
  return ratio;
}
