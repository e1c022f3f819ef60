import { useMemo, useSyncExternalStore } from 'react';

import { clusterPalette, toHex } from './cluster-colours';
import type { MapTheme } from './map-draw';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeScheme(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export interface MapColours {
  readonly theme: MapTheme;
  /** One colour per cluster id, readable on the panel's background. */
  readonly clusters: readonly string[];
}

/** The map's colours for the current colour scheme, recomputed when it changes. */
export function useMapColours(clusterCount: number): MapColours {
  const dark = useSyncExternalStore(subscribeScheme, () => darkQuery().matches);
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const surface = toHex(read('--surface', dark ? '#181c23' : '#ffffff')) ?? (dark ? '#181c23' : '#ffffff');
    const theme: MapTheme = {
      text: read('--text', dark ? '#e7eaf0' : '#1d2127'),
      halo: surface,
      accent: read('--accent', '#3358d4'),
      font: read('--font', 'sans-serif'),
    };
    return { theme, clusters: clusterPalette(clusterCount, surface) };
  }, [dark, clusterCount]);
}
