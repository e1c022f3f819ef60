// This one renderer test reads a file: the stylesheet, which Vitest would otherwise hand over empty.
/// <reference types="node" />
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const baseCss = readFileSync(new URL('../../../../renderer/src/styles/base.css', import.meta.url), 'utf8');

/** `--name: #hex;` declarations of the first `:root` block (light) and the one inside the dark media query. */
function themes(css: string): { light: Map<string, string>; dark: Map<string, string> } {
  const dark = /@media \(prefers-color-scheme: dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
  const light = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
  const read = (block: string) =>
    new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const lightVars = read(light);
  // The dark theme overrides colours; anything it leaves alone is the light value.
  return { light: lightVars, dark: new Map([...lightVars, ...read(dark)]) };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

/** Text colour and the backgrounds it is drawn on somewhere in the UI. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-sunken'],
  ['text', 'accent-soft'],
  ['text', 'code-bg'],
  ['text', 'badge-bg'],
  ['text', 'chip-bg'],
  ['text', 'mark-bg'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['muted', 'surface-sunken'],
  ['muted', 'status-bg'],
  // A highlighted source (Ask panel) keeps its hints and badges on the soft accent.
  ['muted', 'accent-soft'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['accent-strong', 'accent-soft'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-strong'],
  ['warning-text', 'warning-bg'],
  ['error-text', 'error-bg'],
  ['ok-text', 'surface'],
  ['ok-text', 'ok-bg'],
  // Evaluate: the best row of a table (its text, interval, hint and ★ Best label), reasons of cells.
  ['text', 'best-bg'],
  ['muted', 'best-bg'],
  ['ok-text', 'best-bg'],
  ['warning-text', 'surface'],
  ['error-text', 'surface'],
];

/** Chart lines against the panel they are drawn on: 3:1 for graphics (WCAG 1.4.11). */
const CHART_LINES = ['chart-1', 'chart-2', 'chart-3', 'chart-4', 'chart-5', 'chart-6'];

describe('the colour themes (styles/base.css)', () => {
  const { light, dark } = themes(baseCss);

  it('define a dark value for every light colour', () => {
    expect(light.size).toBeGreaterThan(25);
    const overridden = [...light.keys()].filter((name) => dark.get(name) === light.get(name));
    expect(overridden).toEqual([]);
  });

  for (const [theme, vars] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keep text at 4.5:1 or more in the ${theme} theme`, () => {
      const low = PAIRS.map(([fg, bg]) => {
        const [a, b] = [vars.get(fg), vars.get(bg)];
        if (!a || !b) return `${fg} on ${bg}: not defined`;
        const ratio = contrast(a, b);
        return ratio >= 4.5 ? null : `${fg} on ${bg}: ${ratio.toFixed(2)}`;
      }).filter(Boolean);
      expect(low).toEqual([]);
    });

    it(`keep chart lines at 3:1 or more against the surface in the ${theme} theme`, () => {
      const low = CHART_LINES.map((name) => {
        const [line, surface] = [vars.get(name), vars.get('surface')];
        if (!line || !surface) return `${name}: not defined`;
        const ratio = contrast(line, surface);
        return ratio >= 3 ? null : `${name} on surface: ${ratio.toFixed(2)}`;
      }).filter(Boolean);
      expect(low).toEqual([]);
    });
  }
});
