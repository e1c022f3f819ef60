import { describe, expect, it } from 'vitest';

import {
  canResume,
  isActive,
  mergeSaved,
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

  it('keeps the newest summary of a run whatever order the answer and the events arrive in', () => {
    // A run that finished at once: its events (revisions 1–3) reached the page before eval.run's answer (0).
    const answer = summary({ runId: 'r', state: 'running', done: 0, total: 5, cellsDone: 0, revision: 0 });
    let runs = withRun(new Map(), summary({ runId: 'r', state: 'running', done: 2, total: 5, revision: 2 }));
    runs = withRun(runs, summary({ runId: 'r', state: 'done', done: 5, total: 5, revision: 3 }));
    runs = withRun(runs, answer);
    expect(runs.get('r')).toMatchObject({ state: 'done', done: 5 });
    // A resumed run: the answer to eval.resume is newer than the cancelled state the page held.
    runs = withRun(runs, summary({ runId: 'r', state: 'queued', revision: 4 }));
    expect(runs.get('r')?.state).toBe('queued');
  });

  it('merges the saved runs with newer events, but believes the engine about interrupted runs', () => {
    const shown = new Map([
      ['live', summary({ runId: 'live', state: 'running', done: 40, revision: 9 })],
      ['gone', summary({ runId: 'gone', state: 'running', done: 10, revision: 7 })],
      ['old', summary({ runId: 'old', state: 'running', done: 1, revision: 1 })],
    ]);
    const merged = mergeSaved(shown, [
      summary({ runId: 'live', state: 'running', done: 30, revision: 8 }),
      summary({ runId: 'gone', state: 'paused', done: 8, revision: 6 }),
      summary({ runId: 'old', state: 'done', done: 100, revision: 5 }),
      summary({ runId: 'cli', state: 'done', revision: 2 }),
    ]);
    expect([...merged.values()].map((r) => [r.runId, r.state, r.done])).toEqual([
      ['live', 'running', 40],
      ['gone', 'paused', 8],
      ['old', 'done', 100],
      ['cli', 'done', 100],
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
