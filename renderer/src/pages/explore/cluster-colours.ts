/**
 * A colour per cluster, readable on the map's background in either theme: hues spread by the golden
 * angle (neighbouring ids differ most), lightness moved away from the background until the dot reaches
 * 3:1 (WCAG 1.4.11, graphics). Clusters are never told apart by colour alone: the legend names each one,
 * the tooltip names a point's, and the labels sit on the map.
 */
export const MIN_GRAPHIC_CONTRAST = 3;

const GOLDEN_ANGLE = 137.508;
/** The first cluster is the accent's blue. */
const FIRST_HUE = 225;

export function clusterColour(id: number, background: string): string {
  const dark = luminance(background) < 0.2;
  const hue = (FIRST_HUE + id * GOLDEN_ANGLE) % 360;
  // Every few clusters the saturation steps down a little, so colours repeat less past a dozen.
  const saturation = 72 - (Math.floor(id / 9) % 3) * 12;
  let lightness = dark ? 58 : 46;
  let colour = hslToHex(hue, saturation, lightness);
  while (contrast(colour, background) < MIN_GRAPHIC_CONTRAST + 0.2 && lightness > 5 && lightness < 95) {
    lightness += dark ? 2 : -2;
    colour = hslToHex(hue, saturation, lightness);
  }
  return colour;
}

/** Colours for clusters 0 … n−1. */
export function clusterPalette(n: number, background: string): string[] {
  return Array.from({ length: n }, (_, id) => clusterColour(id, background));
}

export function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const value = light - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** Relative luminance of `#rrggbb` (WCAG). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

/** `rgb(24 28 35)`, `rgb(24, 28, 35)` or `#181c23` (what getComputedStyle gives) → `#181c23`; null otherwise. */
export function toHex(colour: string): string | null {
  const trimmed = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(trimmed)) return trimmed;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(trimmed);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(trimmed);
  if (!rgb) return null;
  return `#${[rgb[1], rgb[2], rgb[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}
