import { describe, expect, it } from 'vitest';

import {
  gradesFor,
  isTestSetName,
  nextGrade,
  withTestSet,
} from '../../../../../../renderer/src/pages/search/judge/grades';
import type { TestSet } from '../../../../../../shared';

const SET: TestSet = {
  name: 'mine',
  dir: '/data/eval/testsets/mine',
  queries: [
    {
      id: 'q1',
      text: 'dignity and rights',
      judgments: [
        { path: '/docs/a.txt', grade: 2 },
        { path: '/docs/b.txt', grade: 0 },
      ],
    },
  ],
};

describe('grades on the Search page', () => {
  it('are the test set’s judgments for the query, matched as the engine stores it (trimmed)', () => {
    expect([...gradesFor([SET], 'mine', '  dignity and rights ')]).toEqual([
      ['/docs/a.txt', 2],
      ['/docs/b.txt', 0],
    ]);
    expect(gradesFor([SET], 'mine', 'dignity').size).toBe(0);
    expect(gradesFor([SET], 'other', 'dignity and rights').size).toBe(0);
  });

  it('take what eval.judge answered, replacing the set of that name', () => {
    const updated: TestSet = { ...SET, queries: [] };
    const other: TestSet = { ...SET, name: 'alpha' };
    expect(withTestSet([SET], updated)).toEqual([updated]);
    expect(withTestSet([SET], other).map((s) => s.name)).toEqual(['alpha', 'mine']);
  });

  it('remove a grade when the same grade is pressed again', () => {
    expect(nextGrade(undefined, 2)).toBe(2);
    expect(nextGrade(1, 2)).toBe(2);
    expect(nextGrade(2, 2)).toBeNull();
  });

  it('accept test-set names that make plain folder names', () => {
    expect(['my-test-set', 'Set 2', 'テスト'].map(isTestSetName)).toEqual([true, true, true]);
    expect(['', '../x', '-a', 'a/b'].map(isTestSetName)).toEqual([false, false, false, false]);
  });
});
