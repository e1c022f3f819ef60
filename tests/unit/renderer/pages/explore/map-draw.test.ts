import { describe, expect, it } from 'vitest';

import { dotRadius, overlaps, packColour } from '../../../../../renderer/src/pages/explore/map-draw';

describe('drawing the map', () => {
  it('packs a colour as ImageData reads a little-endian word: red lowest, alpha highest', () => {
    const word = packColour('#102030', 1);
    const bytes = new Uint8ClampedArray(new Uint32Array([word]).buffer);
    expect([...bytes]).toEqual([0x10, 0x20, 0x30, 255]);
    expect(packColour('#102030', 0.3) >>> 24).toBe(77);
  });

  it('draws bigger dots on sparse maps', () => {
    expect(dotRadius(6)).toBe(5);
    expect(dotRadius(1_000)).toBe(4);
    expect(dotRadius(5_000)).toBe(3);
  });

  it('tells overlapping label boxes apart from touching ones', () => {
    const a = { left: 0, right: 10, top: 0, bottom: 10 };
    expect(overlaps(a, { left: 5, right: 15, top: 5, bottom: 15 })).toBe(true);
    expect(overlaps(a, { left: 10, right: 20, top: 0, bottom: 10 })).toBe(false);
    expect(overlaps(a, { left: 0, right: 10, top: 11, bottom: 20 })).toBe(false);
  });
});
