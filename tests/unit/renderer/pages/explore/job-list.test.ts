import { describe, expect, it } from 'vitest';

import {
  cancelButton,
  isActive,
  jobList,
  jobShare,
  mergeSaved,
  reportNote,
  reportVersion,
  shownJob,
  withJob,
} from '../../../../../renderer/src/pages/explore/job-list';
import { EXPLORE_TEXT } from '../../../../../renderer/src/text/explore';
import { job } from './explore-fixtures';

describe('the Explore job list', () => {
  it('lists jobs newest first and merges progress events into them', () => {
    const older = job({ jobId: 'a', startedAt: '2026-11-27T09:00:00.000Z' });
    const newer = job({ jobId: 'b', startedAt: '2026-11-27T10:00:00.000Z', state: 'running', done: 1, revision: 1 });
    let jobs = withJob(withJob(new Map(), older), newer);
    expect(jobList(jobs).map((j) => j.jobId)).toEqual(['b', 'a']);
    jobs = withJob(jobs, { ...newer, done: 5, revision: 2 });
    expect(jobs.get('b')?.done).toBe(5);
  });

  it('keeps the highest revision whatever order the answer and the events arrive in', () => {
    // A job over a few files finishes before explore.dupes answers: the answer (revision 0) comes last.
    let jobs = withJob(new Map(), job({ jobId: 'j', state: 'running', done: 3, revision: 2 }));
    jobs = withJob(jobs, job({ jobId: 'j', state: 'done', revision: 4 }));
    jobs = withJob(jobs, job({ jobId: 'j', state: 'queued', done: 0, total: 0, revision: 0 }));
    expect(jobs.get('j')).toMatchObject({ state: 'done', revision: 4 });
    // An equal revision replaces (the same state, read again).
    jobs = withJob(jobs, job({ jobId: 'j', state: 'done', revision: 4, files: 9 }));
    expect(jobs.get('j')?.files).toBe(9);
  });

  it('merges the saved list with newer summaries the page holds, and keeps jobs only it knows', () => {
    const shown = withJob(
      withJob(new Map(), job({ jobId: 'a', state: 'running', revision: 5 })),
      job({ jobId: 'new', state: 'queued', revision: 0 }),
    );
    const merged = mergeSaved(shown, [
      job({ jobId: 'a', state: 'running', revision: 3 }),
      job({ jobId: 'b', state: 'done', revision: 9 }),
    ]);
    expect(merged.get('a')?.revision).toBe(5);
    expect(merged.get('b')?.state).toBe('done');
    expect(merged.get('new')?.state).toBe('queued');
    // A saved summary newer than the page's wins.
    const later = mergeSaved(shown, [job({ jobId: 'a', state: 'done', revision: 7 })]);
    expect(later.get('a')?.state).toBe('done');
  });

  it('believes a saved job that has ended over the running state the page last heard', () => {
    // The engine restarted mid-job: the job's file (saved when it started, revision 0) reads as
    // interrupted, and no event will ever say so; the page heard "running" at revision 12.
    const shown = withJob(new Map(), job({ jobId: 'j', state: 'running', done: 40, total: 600, revision: 12 }));
    const interrupted = job({
      jobId: 'j',
      state: 'cancelled',
      done: 0,
      total: 0,
      revision: 0,
      error: { code: 'CANCELLED', message: 'interrupted when Polyseek stopped; run it again to continue' },
    });
    expect(mergeSaved(shown, [interrupted]).get('j')).toEqual(interrupted);
    // Saved as done or failed: the same.
    expect(mergeSaved(shown, [job({ jobId: 'j', state: 'done', revision: 12 })]).get('j')?.state).toBe('done');
    expect(mergeSaved(shown, [job({ jobId: 'j', state: 'failed', revision: 3 })]).get('j')?.state).toBe('failed');
    // Still live in the engine (its file says queued): the page's events are newer.
    expect(mergeSaved(shown, [job({ jobId: 'j', state: 'queued', revision: 0 })]).get('j')?.state).toBe('running');
  });

  it('says what the results area shows instead of results', () => {
    const text = EXPLORE_TEXT.report;
    expect(reportNote(job({ state: 'queued' }))).toBe(text.running);
    expect(reportNote(job({ state: 'running' }))).toBe(text.running);
    expect(reportNote(job({ state: 'cancelled' }))).toBe(text.cancelled);
    expect(reportNote(job({ state: 'failed' }))).toBe(text.failed);
    expect(reportNote(job({ state: 'done' }))).toBeNull();
  });

  it('offers Cancel while a job runs, and says it is cancelling once asked until the job ends', () => {
    const running = job({ jobId: 'r', state: 'running', input: {} });
    expect(cancelButton(running, new Set())).toEqual({
      text: 'Cancel',
      label: 'Cancel Duplicates · all folders',
      disabled: false,
    });
    expect(cancelButton(running, new Set(['other']))?.disabled).toBe(false);
    expect(cancelButton(running, new Set(['r']))).toEqual({
      text: 'Cancelling…',
      label: 'Cancelling Duplicates · all folders',
      disabled: true,
    });
    expect(cancelButton({ ...running, state: 'queued' }, new Set(['r']))?.disabled).toBe(true);
    for (const state of ['done', 'failed', 'cancelled'] as const) {
      expect(cancelButton({ ...running, state }, new Set(['r']))).toBeNull();
    }
  });

  it('says which jobs still move, how far they are, and when a report is stale', () => {
    expect(isActive(job({ state: 'queued' }))).toBe(true);
    expect(isActive(job({ state: 'running' }))).toBe(true);
    for (const state of ['done', 'failed', 'cancelled'] as const) expect(isActive(job({ state }))).toBe(false);
    expect(jobShare(job({ done: 0, total: 0 }))).toBeNull();
    expect(jobShare(job({ done: 5, total: 20 }))).toBe(0.25);
    expect(jobShare(job({ done: 30, total: 20 }))).toBe(1);
    expect(reportVersion(job({ jobId: 'x', state: 'running', done: 1 }))).toBe(
      reportVersion(job({ jobId: 'x', state: 'running', done: 7 })),
    );
    expect(reportVersion(job({ jobId: 'x', state: 'running' }))).not.toBe(reportVersion(job({ jobId: 'x' })));
  });

  it('shows the picked job, else the newest', () => {
    const jobs = [job({ jobId: 'b' }), job({ jobId: 'a' })];
    expect(shownJob(jobs, 'a')?.jobId).toBe('a');
    expect(shownJob(jobs, null)?.jobId).toBe('b');
    expect(shownJob(jobs, 'gone')?.jobId).toBe('b');
    expect(shownJob([], null)).toBeNull();
  });

  it('names jobs by kind and scope, and words their progress', () => {
    const text = EXPLORE_TEXT.jobs;
    expect(text.name(job({ input: {} }))).toBe('Duplicates · all folders');
    expect(text.name(job({ input: { threshold: 0.85 } }))).toBe('Duplicates · all folders · threshold 0.850');
    expect(text.name(job({ kind: 'topics', input: { k: 5, seed: 7 } }))).toBe(
      'Topic map · all folders · 5 clusters · seed 7',
    );
    expect(text.name(job({ kind: 'topics', input: { seed: 1 } }))).toBe('Topic map · all folders');
    expect(text.name(job({ kind: 'topics', input: { scope: { roots: ['/home/me/docs'] } } }))).toBe(
      'Topic map · folder /home/me/docs',
    );
    expect(text.name(job({ input: { scope: { folders: ['/a/b'], files: ['/a/b/c.txt', '/a/b/d.txt'] } } }))).toBe(
      'Duplicates · below /a/b, 2 files',
    );
    expect(text.progress(job({ done: 1200, total: 5183 }))).toBe('1,200 of 5,183');
    expect(text.progress(job({ done: 0, total: 0 }))).toBe('starting');
    expect(text.about(job({ files: 1, encoded: 0 }))).toBe('1 file');
    expect(text.about(job({ files: 4, encoded: 12 }))).toBe('4 files, 12 passages encoded');
  });
});
