import { describe, expect, it } from 'vitest';

import {
  cancelButton,
  doneShare,
  isActive,
  mergeNewer,
  stillCancelling,
  withNewer,
} from '../../../../renderer/src/hooks/job-summaries';
import { EVALUATE_TEXT } from '../../../../renderer/src/text/evaluate';

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

  it("offers Cancel while a job is active, 'Cancelling…' once asked, nothing once it ended", () => {
    const text = EVALUATE_TEXT.runs;
    expect(cancelButton(item('r', 1), false, 'run A', text)).toEqual({
      text: 'Cancel',
      label: 'Cancel run A',
      disabled: false,
    });
    expect(cancelButton(item('r', 1, 'queued'), true, 'run A', text)).toEqual({
      text: 'Cancelling…',
      label: 'Cancelling run A',
      disabled: true,
    });
    for (const state of ['done', 'paused', 'cancelled', 'failed']) {
      expect(cancelButton(item('r', 1, state), true, 'run A', text)).toBeNull();
    }
  });

  it('keeps a job asked to cancel only while it is still active, so a resumed run offers Cancel again', () => {
    const asked: ReadonlySet<string> = new Set(['a', 'b']);
    const running = [item('a', 3), item('b', 5), item('c', 1)];
    // Nothing ended: the very same set (no new state, no render).
    expect(stillCancelling(asked, running, idOf)).toBe(asked);
    // A job no longer listed is not running either.
    expect([...stillCancelling(new Set(['a', 'gone']), running, idOf)]).toEqual(['a']);
    const next = stillCancelling(new Set(['a', 'b']), [item('a', 4, 'cancelled'), item('b', 6), item('c', 1)], idOf);
    expect([...next]).toEqual(['b']);
    // Resumed later: 'a' runs again and is not "cancelling".
    expect(stillCancelling(next, [item('a', 9), item('b', 7, 'paused')], idOf).size).toBe(0);
    const none: ReadonlySet<string> = new Set();
    expect(stillCancelling(none, running, idOf)).toBe(none);
  });
});
