import { describe, expect, it } from 'vitest';

import { LatestOnly } from '../../../../../renderer/src/pages/search/latest-only';

describe('LatestOnly', () => {
  it('keeps only the newest request current, whatever order the answers come in', async () => {
    const latest = new LatestOnly();
    const shown: string[] = [];
    const request = (text: string, ms: number) => {
      const isLatest = latest.begin();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (isLatest()) shown.push(text);
          resolve();
        }, ms),
      );
    };
    // "t" is slow, "te" fast, "tea" in between: only "tea" may reach the screen.
    await Promise.all([request('t', 30), request('te', 1), request('tea', 10)]);
    expect(shown).toEqual(['tea']);
  });

  it('makes every started request stale on cancel (the box was cleared)', () => {
    const latest = new LatestOnly();
    const isLatest = latest.begin();
    expect(isLatest()).toBe(true);
    latest.cancel();
    expect(isLatest()).toBe(false);
  });
});
