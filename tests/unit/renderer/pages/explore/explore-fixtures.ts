import type { ExploreJobSummary, TopicPoint } from '../../../../../shared';

export const job = (over: Partial<ExploreJobSummary> = {}): ExploreJobSummary => ({
  jobId: 'dupes-20261127-a1',
  kind: 'dupes',
  input: { threshold: 0.9 },
  state: 'done',
  activity: null,
  done: 10,
  total: 10,
  files: 4,
  encoded: 12,
  startedAt: '2026-11-27T10:00:00.000Z',
  finishedAt: '2026-11-27T10:01:00.000Z',
  error: null,
  revision: 3,
  ...over,
});

export const point = (i: number, x: number, y: number, cluster = 0): TopicPoint => ({
  path: `/docs/file-${i}.txt`,
  title: i % 2 === 0 ? null : `Title ${i}`,
  x,
  y,
  cluster,
});
