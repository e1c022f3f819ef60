import { describe, expect, it } from 'vitest';

import { formatDupesReport } from '../../../electron/cli/format-explore';
import type { DupesReport, ExploreJobSummary, ExploreReport } from '../../../shared';

const summary: ExploreJobSummary = {
  jobId: '20261127100000-abcdef',
  kind: 'dupes',
  input: {},
  state: 'done',
  activity: null,
  done: 10,
  total: 10,
  files: 3,
  encoded: 0,
  startedAt: '2026-11-27T10:00:00.000Z',
  finishedAt: '2026-11-27T10:00:02.000Z',
  error: null,
  revision: 4,
};
const file = (path: string) => ({ path, title: null, language: 'en', passages: 2 });
const dupes: DupesReport = {
  threshold: 0.999,
  autoThreshold: true,
  chance: 1.0213,
  minShare: 0.5,
  files: 3,
  passages: 6,
  exact: [{ hash: 'a'.repeat(64), size: 2048, files: [file('/d/a.txt'), file('/d/a copy.txt')] }],
  groups: [],
  shared: [],
  nearProblem: null,
  synthetic: null,
};
const report = (over: Partial<DupesReport>): Extract<ExploreReport, { kind: 'dupes' }> => ({
  kind: 'dupes',
  summary,
  dupes: { ...dupes, ...over },
});

describe('the duplicates report for people', () => {
  it('says when the threshold was chosen from the chance level, and warns when a given one is below it', () => {
    expect(formatDupesReport(report({}))).toContain('threshold 0.999 (automatic: chance level 1.021)');
    const given = formatDupesReport(report({ threshold: 0.9, autoThreshold: false }));
    expect(given).toContain('threshold 0.9 (chance level 1.021)');
    expect(given).toMatch(/warning: unrelated passages of these files reach 1\.021 by chance; at threshold 0\.9/u);
    expect(formatDupesReport(report({ threshold: 0.9, autoThreshold: false, chance: 0.4 }))).not.toContain('warning');
  });

  it('lists exact copies without a model, and says why near-duplicates were not looked for', () => {
    const text = formatDupesReport(
      report({ nearProblem: { code: 'LICENSE_NOT_ACCEPTED', message: 'accept the model licence first' } }),
    );
    expect(text).toContain('/d/a copy.txt');
    expect(text).toContain('near-duplicates were not looked for: accept the model licence first');
    expect(text).not.toContain('near-duplicates: ');
  });
});
