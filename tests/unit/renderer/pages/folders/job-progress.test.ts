import { describe, expect, it } from 'vitest';

import { jobBars, jobCounters } from '../../../../../renderer/src/pages/folders/job-progress';
import type { IndexJob } from '../../../../../shared';

function job(change: Partial<IndexJob>): IndexJob {
  return {
    id: 'index-1',
    state: 'running',
    phase: 'indexing',
    kind: 'full',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    filesSeen: 20,
    filesTotal: 20,
    filesDone: 5,
    filesFailed: 1,
    filesSkipped: 0,
    filesUnchanged: 3,
    filesRemoved: 0,
    chunks: 1500,
    chunksEncoded: 1200,
    tokens: 90_000,
    tokensPerSecond: 412.6,
    etaSeconds: 95,
    currentFile: '/docs/a.pdf',
    filesAwaitingVectors: 0,
    vectorFilesTotal: 0,
    modelProblem: null,
    message: null,
    error: null,
    ...change,
  };
}

describe('jobBars', () => {
  it('shows files with their share and the ETA while indexing', () => {
    expect(jobBars(job({}))).toEqual([
      { label: 'Files', share: 0.25, detail: '5 of 20 · 3 unchanged · 1 failed · 1 min 35 s left' },
    ]);
  });

  it('has no share while crawling (the total still grows)', () => {
    expect(jobBars(job({ phase: 'crawling', etaSeconds: null }))[0]).toMatchObject({
      share: null,
      detail: '20 found · 3 unchanged · 1 failed',
    });
  });

  it('shows a re-embed as files with vectors out of those that lacked them, with the ETA', () => {
    const bars = jobBars(
      job({ kind: 'vectors', phase: 'embedding', vectorFilesTotal: 40, filesAwaitingVectors: 10, etaSeconds: 30 }),
    );
    expect(bars).toEqual([{ label: 'Vectors', share: 0.75, detail: '30 of 40 files have them · 30 s left' }]);
  });

  it('keeps the files bar for a full run that fills vectors at its end', () => {
    const bars = jobBars(job({ phase: 'embedding', vectorFilesTotal: 0, filesAwaitingVectors: 0 }));
    expect(bars.map((b) => b.label)).toEqual(['Files', 'Vectors']);
    expect(bars[1]?.share).toBeNull();
  });
});

describe('jobCounters', () => {
  it('lists chunks, the token rate and the files awaiting vectors', () => {
    expect(jobCounters(job({ filesAwaitingVectors: 2 }))).toBe(
      '1,500 chunks written · 1,200 encoded · 413 tokens/s · 2 files await vectors',
    );
    expect(jobCounters(job({ tokensPerSecond: null }))).toBe('1,500 chunks written · 1,200 encoded');
  });
});
