import { describe, expect, it } from 'vitest';

import {
  canResume,
  isActive,
  reportVersion,
  runList,
  runShare,
  withRun,
} from '../../../../../renderer/src/pages/evaluate/run-list';
import { EVALUATE_TEXT } from '../../../../../renderer/src/text/evaluate';
import { summary } from './eval-fixtures';

describe('the run list', () => {
  it('merges progress events into the list, newest run first', () => {
    const older = summary({ runId: 'a', startedAt: '2026-03-01T00:00:00.000Z' });
    const newer = summary({ runId: 'b', startedAt: '2026-03-02T00:00:00.000Z', state: 'running', done: 1 });
    let runs = withRun(withRun(new Map(), older), newer);
    expect(runList(runs).map((r) => r.runId)).toEqual(['b', 'a']);
    runs = withRun(runs, { ...newer, done: 5 });
    expect(runList(runs).map((r) => [r.runId, r.done])).toEqual([
      ['b', 5],
      ['a', 100],
    ]);
  });

  it('knows which runs move on by themselves and which can be resumed', () => {
    expect(['queued', 'running'].map((state) => isActive(summary({ state: state as 'queued' })))).toEqual([true, true]);
    expect(isActive(summary({ state: 'paused' }))).toBe(false);
    expect(
      (['cancelled', 'paused', 'failed', 'done', 'running'] as const).map((state) => canResume(summary({ state }))),
    ).toEqual([true, true, true, false, false]);
  });

  it('shows progress as a share of steps, unknown before the total is', () => {
    expect(runShare(summary({ done: 30, total: 120 }))).toBe(0.25);
    expect(runShare(summary({ done: 0, total: 0 }))).toBeNull();
    expect(EVALUATE_TEXT.runs.progress(summary({ cellsDone: 1, cells: 9, done: 30, total: 120 }))).toBe(
      '1 of 9 cells done · 30 / 120 steps',
    );
  });

  it('refetches the report when a cell finishes or the state changes, not on every step', () => {
    const a = summary({ state: 'running', cellsDone: 1, done: 10 });
    const stepped = { ...a, done: 11 };
    expect(reportVersion(stepped)).toBe(reportVersion(a));
    expect(reportVersion({ ...a, cellsDone: 2 })).not.toBe(reportVersion(a));
    expect(reportVersion({ ...a, state: 'done' })).not.toBe(reportVersion(a));
  });
});
