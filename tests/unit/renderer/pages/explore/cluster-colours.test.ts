import { describe, expect, it } from 'vitest';

import {
  clusterColour,
  clusterPalette,
  contrast,
  hslToHex,
  MIN_GRAPHIC_CONTRAST,
  toHex,
} from '../../../../../renderer/src/pages/explore/cluster-colours';

/** The panel backgrounds the map is drawn on (--surface in styles/base.css, light and dark). */
const SURFACES = { light: '#ffffff', dark: '#181c23' };

describe('cluster colours', () => {
  for (const [theme, surface] of Object.entries(SURFACES)) {
    it(`reach 3:1 against the ${theme} surface for every cluster up to 200`, () => {
      for (const colour of clusterPalette(200, surface)) {
        expect(contrast(colour, surface)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
      }
    });

    it(`differ between neighbouring clusters (${theme})`, () => {
      const palette = clusterPalette(12, surface);
      expect(new Set(palette).size).toBe(12);
      const distance = (a: string, b: string) =>
        Math.hypot(...[1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)));
      for (let i = 1; i < palette.length; i += 1) {
        expect(distance(palette[i] ?? '', palette[i - 1] ?? '')).toBeGreaterThan(60);
      }
    });
  }

  it('are the same for the same cluster and background', () => {
    expect(clusterColour(5, '#ffffff')).toBe(clusterColour(5, '#ffffff'));
    expect(clusterColour(5, '#ffffff')).not.toBe(clusterColour(5, '#181c23'));
  });

  it('convert HSL and computed-style colours to hex', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 25)).toBe('#008000');
    expect(hslToHex(0, 0, 100)).toBe('#ffffff');
    expect(toHex('rgb(24, 28, 35)')).toBe('#181c23');
    expect(toHex('rgb(24 28 35)')).toBe('#181c23');
    expect(toHex(' #FFF ')).toBe('#ffffff');
    expect(toHex('#181c23')).toBe('#181c23');
    expect(toHex('transparent')).toBeNull();
  });
});
