import { describe, expect, it } from 'vitest';

import { ANSWERS_TEXT } from '../../../../renderer/src/text/answers';
import { APP_TEXT } from '../../../../renderer/src/text/app';
import { COMMON_TEXT } from '../../../../renderer/src/text/common';
import { COMPONENTS_TEXT } from '../../../../renderer/src/text/components';
import { EVALUATE_TEXT } from '../../../../renderer/src/text/evaluate';
import { EXPLORE_TEXT } from '../../../../renderer/src/text/explore';
import { LICENCE_TEXT } from '../../../../renderer/src/text/licence';
import { MODELS_TEXT } from '../../../../renderer/src/text/models';
import { ONBOARDING_TEXT } from '../../../../renderer/src/text/onboarding';
import { SEARCH_TEXT } from '../../../../renderer/src/text/search';
import { LICENSE_TERMS } from '../../../../shared';

const CATALOGS = {
  answers: ANSWERS_TEXT,
  app: APP_TEXT,
  common: COMMON_TEXT,
  components: COMPONENTS_TEXT,
  evaluate: EVALUATE_TEXT,
  explore: EXPLORE_TEXT,
  licence: LICENCE_TEXT,
  models: MODELS_TEXT,
  onboarding: ONBOARDING_TEXT,
  search: SEARCH_TEXT,
};

/** Every plain string of a catalog with its path, e.g. `app.status.engine.ready`. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  }
  return [];
}

describe('the English catalogs', () => {
  it('have no empty or untrimmed strings (the fact separator is the one spaced on purpose)', () => {
    const all = Object.entries(CATALOGS).flatMap(([name, catalog]) => strings(catalog, name));
    expect(all.length).toBeGreaterThan(150);
    const odd = all.filter(
      ([path, text]) => text === '' || (text !== text.trim() && path !== 'common.separator' && !/^ [·(—;]/.test(text)),
    );
    expect(odd).toEqual([]);
  });

  it('word counts by plural rule', () => {
    expect([APP_TEXT.stepsLeft(1), APP_TEXT.stepsLeft(3)]).toEqual(['1 step left', '3 steps left']);
    expect([APP_TEXT.status.restarts(1), APP_TEXT.status.restarts(2)]).toEqual(['(1 restart)', '(2 restarts)']);
    expect(ONBOARDING_TEXT.model.partial('fp32', 1, 2)).toContain('(1 of 2 files)');
    expect(ONBOARDING_TEXT.model.partial('fp32', 0, 1)).toContain('(0 of 1 file)');
  });

  it('counts sources, passages and made-up citations by plural rule', () => {
    expect([ANSWERS_TEXT.ask.status.answered(1), ANSWERS_TEXT.ask.status.answered(3)]).toEqual([
      'Answered, citing 1 source.',
      'Answered, citing 3 sources.',
    ]);
    expect(ANSWERS_TEXT.ask.status.answered(0)).toBe('Answered, without citing a source.');
    expect(ANSWERS_TEXT.sources.summary(1, 1200, 3000)).toBe('1 passage, 1,200 tokens of the 3,000-token budget.');
    expect(ANSWERS_TEXT.sources.omitted(2, 0, 1)).toBe('Left out: 2 passages over the budget and 1 weak match.');
    expect(ANSWERS_TEXT.sources.omitted(0, 0, 0)).toBe('');
    expect(ANSWERS_TEXT.settings.reachable(41.6, 1)).toBe('Reachable in 42 ms; it lists 1 model.');
  });

  it('counts cells, queries and grades by plural rule on the Evaluate page and in judging', () => {
    expect([EVALUATE_TEXT.form.cellCount(1), EVALUATE_TEXT.form.cellCount(9)]).toEqual([
      '1 cell in this run.',
      '9 cells in this run.',
    ]);
    expect(EVALUATE_TEXT.form.testsetOption('mine', 1)).toBe('mine (1 query)');
    expect(EVALUATE_TEXT.runs.cellsDone(2, 1)).toBe('2 of 1 cell done');
    expect(EVALUATE_TEXT.judge.forQuery('rights', 1)).toBe('1 file graded for “rights”.');
    expect(EVALUATE_TEXT.judge.forQuery('rights', 0)).toBe('0 files graded for “rights”.');
    expect(EVALUATE_TEXT.report.warnings(2)).toBe('2 notes from loading the dataset');
    expect(EVALUATE_TEXT.metric(0.61234)).toBe('0.612');
    expect(EVALUATE_TEXT.table.interval(0.5, 0.71)).toBe('0.500–0.710');
  });

  it('words the Explore page’s numbers: pairs, sizes, clusters and selections', () => {
    const pair = {
      a: '/d/a.txt',
      b: '/d/b.txt',
      similarity: 0.93456,
      shareA: 1,
      shareB: 0.5,
      matchedPassages: 1,
      relation: 'contained',
      crossLanguage: false,
    } as const;
    expect(EXPLORE_TEXT.dupes.pairFacts(pair)).toBe(
      'similarity 0.935 · 100% and 50% of their passages match (1 passage)',
    );
    const facts = { files: 2, passages: 9, threshold: 0.999, autoThreshold: true, chance: 1.0213 };
    expect(EXPLORE_TEXT.dupes.facts(facts)).toBe(
      '2 files, 9 passages compared at similarity ≥ 0.999 (automatic: chance level above 1).',
    );
    expect(EXPLORE_TEXT.dupes.facts({ ...facts, chance: 0.8123 })).toBe(
      '2 files, 9 passages compared at similarity ≥ 0.999 (automatic: chance level 0.812).',
    );
    expect(EXPLORE_TEXT.dupes.facts({ ...facts, threshold: 0.9, autoThreshold: false })).toBe(
      '2 files, 9 passages compared at similarity ≥ 0.900.',
    );
    expect(EXPLORE_TEXT.dupes.exactGroup(2, 1536)).toBe('2 files, 1.5 KB each');
    expect(EXPLORE_TEXT.dupes.exactGroup(3, 1)).toBe('3 files, 1 byte each');
    expect(EXPLORE_TEXT.topics.facts({ documents: 1, k: 2, autoK: true, silhouette: 0.41, seed: 7 })).toBe(
      '1 document · 2 clusters (chosen by silhouette) · silhouette 0.410 · seed 7',
    );
    expect(EXPLORE_TEXT.topics.clusterTerms(0, ['rights', 'dignity'])).toBe('Cluster 1: rights, dignity');
    expect(EXPLORE_TEXT.selection.title(1)).toBe('Search within this file');
    expect(EXPLORE_TEXT.selection.title(12)).toBe('Search within these 12 files');
    expect(EXPLORE_TEXT.selection.found(3, 40)).toBe('3 files shown of 40 found.');
  });

  it('says what happened to a returning user’s model in words that name the folder', () => {
    expect(ONBOARDING_TEXT.model.gone('/media/usb/jina', 'settings')).toBe(
      'The model’s files are no longer in /media/usb/jina: the folder was moved, deleted or is on a drive that is not connected. Locate it again, or download it.',
    );
    expect(ONBOARDING_TEXT.model.gone('/opt/jina', 'option')).toContain('started with the model folder /opt/jina');
    expect(ONBOARDING_TEXT.model.damaged(['onnx/model.onnx'])).toMatch(/^onnx\/model\.onnx fails its check/);
    expect(ONBOARDING_TEXT.model.damaged(['a', 'b'])).toMatch(/^a and b fail their check/);
  });

  it('keeps the words the Models page and the e2e tests know', () => {
    expect(MODELS_TEXT.jobTitle('Download', 'fp32', 'running')).toBe('Download (fp32): running');
    expect(MODELS_TEXT.jobTitle('Locate', null, 'done')).toBe('Locate: done');
    expect(MODELS_TEXT.checks.int8Result(0.998, 0.99, true, 0.99)).toBe(
      'mean cosine 0.998, lowest 0.99 (passed, needs 0.99)',
    );
    expect(APP_TEXT.documentTitle('Search')).toBe('Search · Polyseek');
  });

  it('takes the licence wording from the contract, which the CLI shows too', () => {
    expect(LICENCE_TEXT.title).toBe(LICENSE_TERMS.title);
    expect(LICENCE_TEXT.acknowledgment).toBe(LICENSE_TERMS.acknowledgment);
    expect(LICENCE_TEXT.summary).toEqual(LICENSE_TERMS.summary);
  });
});
