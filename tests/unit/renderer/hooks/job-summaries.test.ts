import { describe, expect, it } from 'vitest';

import { doneShare, isActive, mergeNewer, withNewer } from '../../../../renderer/src/hooks/job-summaries';

interface Item {
  readonly id: string;
  readonly revision: number;
  readonly state: string;
}

const item = (id: string, revision: number, state = 'running'): Item => ({ id, revision, state });
const idOf = (summary: Item) => summary.id;

describe('job summaries by revision', () => {
  it('keeps the higher revision and lets an equal one replace', () => {
    const map = withNewer(new Map<string, Item>(), 'a', item('a', 3));
    expect(withNewer(map, 'a', item('a', 2))).toBe(map);
    expect(withNewer(map, 'a', item('a', 3, 'done')).get('a')?.state).toBe('done');
    expect(withNewer(map, 'b', item('b', 0)).size).toBe(2);
  });

  it('merges saved summaries under newer shown ones, except where the saved one is to be believed', () => {
    const shown = new Map([
      ['a', item('a', 5)],
      ['b', item('b', 5)],
      ['only-shown', item('only-shown', 0)],
    ]);
    const saved = [item('a', 4, 'done'), item('b', 1, 'paused'), item('c', 1)];
    const merged = mergeNewer(shown, saved, idOf, (summary) => summary.state === 'paused');
    expect([...merged.values()].map((s) => [s.id, s.revision])).toEqual([
      ['a', 5],
      ['b', 1],
      ['c', 1],
      ['only-shown', 0],
    ]);
    expect(mergeNewer(shown, saved, idOf).get('b')?.revision).toBe(5);
  });

  it('says which states still move and how far the work is', () => {
    expect(['queued', 'running', 'done', 'paused'].map((state) => isActive({ state }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(doneShare({ done: 0, total: 0 })).toBeNull();
    expect(doneShare({ done: 3, total: 4 })).toBe(0.75);
    expect(doneShare({ done: 9, total: 4 })).toBe(1);
  });
});
