import { describe, expect, it } from 'vitest';

import {
  dupesInput,
  INITIAL_SCOPE,
  parseK,
  parseSeed,
  parseThreshold,
  scopeProblem,
  toScope,
  topicsInput,
} from '../../../../../renderer/src/pages/explore/job-draft';
import { DupesInputSchema, TopicsInputSchema } from '../../../../../shared';

describe('the Explore forms', () => {
  it('turn a scope draft into the contract’s scope', () => {
    expect(toScope(INITIAL_SCOPE)).toBeUndefined();
    expect(toScope({ kind: 'root', root: '/docs', folder: '' })).toEqual({ roots: ['/docs'] });
    expect(toScope({ kind: 'folder', root: '', folder: ' /docs/reports ' })).toEqual({ folders: ['/docs/reports'] });
    expect(toScope({ kind: 'folder', root: '', folder: 'C:\\Users\\me' })).toEqual({ folders: ['C:\\Users\\me'] });
    expect(scopeProblem({ kind: 'root', root: '', folder: '' })).toBe('root');
    expect(scopeProblem({ kind: 'folder', root: '', folder: 'relative/path' })).toBe('folder');
    expect(scopeProblem({ kind: 'folder', root: '', folder: '' })).toBe('folder');
    // A problem in a choice not taken does not count.
    expect(scopeProblem({ kind: 'all', root: '', folder: 'relative' })).toBeNull();
  });

  it('read a threshold: empty for automatic, else between 0.5 and 1 (a comma too)', () => {
    expect(parseThreshold('')).toBeUndefined();
    expect(parseThreshold(' auto ')).toBeUndefined();
    expect(parseThreshold('0.9')).toBe(0.9);
    expect(parseThreshold(' 0,85 ')).toBe(0.85);
    expect(parseThreshold('1')).toBe(1);
    for (const bad of ['0.4', '1.01', 'high', 'NaN']) expect(parseThreshold(bad)).toBeNull();
  });

  it('read clusters as auto or 2–200, and a seed', () => {
    expect(parseK('auto')).toBeUndefined();
    expect(parseK(' ')).toBeUndefined();
    expect(parseK('AUTO')).toBeUndefined();
    expect(parseK('12')).toBe(12);
    for (const bad of ['1', '201', '3.5', '-4', 'many']) expect(parseK(bad)).toBeNull();
    expect(parseSeed('')).toBe(1);
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('2147483647')).toBe(2147483647);
    for (const bad of ['-1', '2147483648', '1.5', 'x']) expect(parseSeed(bad)).toBeNull();
  });

  it('build inputs the contract accepts, or none while a field is wrong', () => {
    const dupes = dupesInput({ kind: 'root', root: '/docs', folder: '' }, '0.9');
    expect(dupes).toEqual({ scope: { roots: ['/docs'] }, threshold: 0.9 });
    expect(DupesInputSchema.safeParse(dupes).success).toBe(true);
    expect(dupesInput(INITIAL_SCOPE, '0.9')).toEqual({ threshold: 0.9 });
    // Automatic: no threshold at all, the engine chooses it.
    expect(dupesInput(INITIAL_SCOPE, '')).toEqual({});
    expect(dupesInput({ kind: 'root', root: '/docs', folder: '' }, '')).toEqual({ scope: { roots: ['/docs'] } });
    expect(dupesInput(INITIAL_SCOPE, '2')).toBeNull();
    expect(dupesInput({ kind: 'folder', root: '', folder: 'x' }, '0.9')).toBeNull();

    const topics = topicsInput(INITIAL_SCOPE, 'auto', '7');
    expect(topics).toEqual({ seed: 7 });
    expect(topicsInput({ kind: 'folder', root: '', folder: '/a' }, '5', '')).toEqual({
      scope: { folders: ['/a'] },
      k: 5,
      seed: 1,
    });
    expect(TopicsInputSchema.safeParse(topicsInput(INITIAL_SCOPE, '200', '0')).success).toBe(true);
    expect(topicsInput(INITIAL_SCOPE, '1', '1')).toBeNull();
    expect(topicsInput(INITIAL_SCOPE, 'auto', '-3')).toBeNull();
  });
});
