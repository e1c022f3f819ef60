import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import type { ExplorePair, ExploreReport, TopicPoint } from '../../../shared';
import { captureIo } from '../../fixtures/cli-io';
import { runPolyseek } from '../../fixtures/cli-process';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';

/**
 * `polyseek dupes` and `polyseek topics` end to end, in a real `polyseek` process, on the tiny synthetic
 * model and the W3C pages of ../shared/corpus (seven pages, six languages) plus an exact copy of one
 * page and a lightly edited copy. The tiny model has random weights: its similarities say nothing about
 * meaning (every page looks alike to it), so these tests check the commands — scope, flags, output,
 * determinism, exit codes — and the two things that hold for any model: equal bytes are exact
 * duplicates, and a copy with a few words changed is a near-duplicate of its original.
 */
const corpus = corpusAvailability();
const HTML = '03-web-markup-text/html/w3c-parallel';
/** Words of language.en.html's text (not its head), each replaced once in the edited copy. */
const EDITS = [
  ['gently', 'slowly'],
  ['pervasive', 'widespread'],
] as const;

let dir = '';
let docs = '';
let original = '';
let same = '';
let edited = '';
let base: string[] = [];

/** Several `polyseek` processes in one test: each loads the engine (seconds on a busy machine). */
const SLOW = 120_000;

const polyseek = (args: string[]) => runPolyseek([...base, ...args]);

async function inProcess(args: string[], io = captureIo()) {
  const code = await runCli([...base, ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function json<T>(args: string[]): Promise<{ value: T; stderr: string }> {
  const run = await polyseek(['--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return { value: JSON.parse(run.stdout) as T, stderr: run.stderr };
}

const paths = (files: readonly { path: string }[]) => files.map((f) => f.path);

beforeAll(async () => {
  if (corpus.skip) return;
  dir = await mkdtemp(join(tmpdir(), 'polyseek-cli-explore-'));
  docs = join(dir, 'docs');
  await copyCorpus([HTML], docs);
  original = join(docs, HTML, 'language.en.html');
  await mkdir(join(docs, 'copies'));
  same = join(docs, 'copies', 'same.html');
  edited = join(docs, 'copies', 'edited.html');
  await copyFile(original, same);
  let text = await readFile(original, 'utf8');
  for (const [from, to] of EDITS) {
    expect(text.split(` ${from} `)).toHaveLength(2);
    text = text.replace(` ${from} `, ` ${to} `);
  }
  await writeFile(edited, text);
  await mkdir(join(dir, 'outside'));
  base = ['--data-dir', join(dir, 'data'), '--model-dir', await ensureSyntheticModel('tiny')];
  expect((await inProcess(['license', 'accept', '--yes'])).code).toBe(0);
  expect((await inProcess(['index', 'add', docs])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(corpus.skip)('polyseek dupes and topics', () => {
  let dupesJob = '';

  it('says when nothing is indexed yet, and how to index', async () => {
    const early = await polyseek(['dupes', docs]);
    expect(early.code).toBe(1);
    expect(early.stdout).toBe('');
    expect(early.stderr).toContain('FILE_NOT_INDEXED: no indexed files with text');
    expect(early.stderr).toContain('`polyseek index start`');
    const indexed = await inProcess(['index', 'start']);
    expect(indexed.code, indexed.err).toBe(0);
  });

  it('finds the exact copy by hash and the edited copy as a near-duplicate (--json)', async () => {
    const { value: report, stderr } = await json<ExploreReport>(['dupes', docs]);
    expect(report.kind).toBe('dupes');
    if (report.kind !== 'dupes' || !report.dupes) throw new Error('no duplicates report');
    dupesJob = report.summary.jobId;
    expect(report.summary).toMatchObject({ state: 'done', files: 9, input: { scope: { roots: [docs] } } });
    expect(report.dupes).toMatchObject({ autoThreshold: true, minShare: 0.5, files: 9, synthetic: 'tiny' });
    // The tiny model's random weights put every passage near every other: the automatic threshold rises
    // to that chance level, so the other pages (other languages) are not called duplicates.
    expect(report.dupes.chance).toBeGreaterThan(0.9);
    expect(report.dupes.threshold).toBeGreaterThan(0.9);
    expect(report.dupes.exact).toHaveLength(1);
    expect(paths(report.dupes.exact[0]?.files ?? []).sort()).toEqual([same, original].sort());
    // Exact copies count once in the near groups, as the first of their hash group.
    const stand = report.dupes.exact[0]?.files[0]?.path ?? '';
    const group = report.dupes.groups.find((g) => paths(g.files).includes(edited));
    expect(paths(group?.files ?? []).sort()).toEqual([edited, stand].sort());
    const pair = group?.pairs.find((p) => [p.a, p.b].sort().join() === [edited, stand].sort().join());
    expect(pair).toMatchObject({ relation: 'near', crossLanguage: false });
    expect(pair?.shareA).toBeGreaterThanOrEqual(0.5);
    expect(pair?.shareB).toBeGreaterThanOrEqual(0.5);

    expect(stderr).toContain(`polyseek: duplicates job ${dupesJob} — ${docs} (9 files)`);
    expect(stderr).toMatch(/encoding passages \(text-matching, fp32\)/u);
    expect(stderr).toContain('NOT semantic');
  });

  it(
    'lists the groups for people, and shows two files side by side with the changed words marked',
    async () => {
      const human = await polyseek(['dupes', '--job', dupesJob]);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toContain('NOT semantic');
      expect(human.stdout).toMatch(
        /exact duplicates \(same bytes\): 1 group\n {2}2 files · [\d.]+ KB · sha256 [0-9a-f]{12}/u,
      );
      expect(human.stdout).toContain(`\n    ${same}\n`);
      expect(human.stdout).toContain(`\n    ${original}\n`);
      expect(human.stdout).toMatch(/near-duplicates: \d+ groups?\n {2}group 1: \d+ files/u);
      expect(human.stdout).toMatch(
        new RegExp(`\\[\\d\\] ${edited.replaceAll('.', '\\.')} {2}\\(en, \\d+ passages\\)`, 'u'),
      );
      expect(human.stdout).toMatch(/\[\d\]–\[\d\]\s+\d+\.\d % +\d+ passages +shares \d+ % \/ \d+ % +near/u);
      expect(human.stdout).toContain(`side by side: polyseek dupes --job ${dupesJob} --pair `);

      // The original, or its copy, stands for both; `a` is the edited file, so its words are the removed ones.
      const pair = await polyseek(['dupes', '--job', dupesJob, '--pair', edited, original]);
      expect(pair.code, pair.stderr).toBe(0);
      expect(pair.stdout).toContain(`a: ${edited}  (en, `);
      expect(pair.stderr).toContain('NOT semantic');
      for (const [from, to] of EDITS) {
        expect(pair.stdout).toContain(`[-${to}-]`);
        expect(pair.stdout).toContain(`{+${from}+}`);
      }
      expect(pair.stdout).toMatch(/\d+\.\d % similar · \d+ matched passages · shares \d+ % of a \/ \d+ % of b · near/u);
      // Without --job the job runs first; on a terminal the changed words are coloured instead of marked.
      const io = { ...captureIo(), stdoutIsTty: true };
      const coloured = await inProcess(['dupes', docs, '--pair', edited, original], io);
      expect(coloured.code, coloured.err).toBe(0);
      expect(coloured.out).toContain(`\u001b[31m${EDITS[0][1]}\u001b[39m`);
      expect(coloured.out).toContain(`\u001b[32m${EDITS[0][0]}\u001b[39m`);
      expect(coloured.out).not.toContain('[-');
      const copies = await polyseek(['dupes', '--job', dupesJob, '--pair', same, original]);
      expect(copies.stdout).toContain('exact duplicates');

      const detail = await json<ExplorePair>(['dupes', '--job', dupesJob, '--pair', edited, same]);
      expect(detail.value.crossLanguage).toBe(false);
      const changed = detail.value.passages.flatMap((p) => p.a.segments.filter((s) => s.changed).map((s) => s.text));
      expect(changed.join(' ')).toContain(EDITS[0][1]);
    },
    SLOW,
  );

  it('runs on a folder inside a root, or on files', async () => {
    const copies = join(docs, 'copies');
    const { value: report } = await json<ExploreReport>(['dupes', copies, '--threshold', '0.95']);
    if (report.kind !== 'dupes' || !report.dupes) throw new Error('no duplicates report');
    expect(report.summary.input).toEqual({ scope: { folders: [copies] }, threshold: 0.95 });
    expect(report.dupes.files).toBe(2);
    expect(report.dupes.exact).toEqual([]);
    expect(paths(report.dupes.groups[0]?.files ?? []).sort()).toEqual([edited, same]);

    const files = await inProcess(['--json', 'dupes', edited, original]);
    expect(files.code, files.err).toBe(0);
    const selection = JSON.parse(files.out) as ExploreReport;
    expect(selection.summary).toMatchObject({ files: 2, input: { scope: { files: [edited, original] } } });
  });

  it(
    'maps the topics the same way twice under one seed, with every point (--json)',
    async () => {
      const args = ['topics', docs, '--seed', '5', '--terms', '4'];
      const [first, second] = [await json<TopicsJson>(args), await json<TopicsJson>(args)];
      if (first.value.kind !== 'topics' || second.value.kind !== 'topics') throw new Error('not a topics report');
      const topics = first.value.topics;
      expect(topics).toMatchObject({ seed: 5, documents: 9, synthetic: 'tiny' });
      expect(topics?.clusters.length).toBe(topics?.k);
      expect(topics?.clusters.every((c) => c.terms.length > 0 && c.terms.length <= 4)).toBe(true);
      expect(second.value.topics).toEqual(topics);
      expect(first.value.points).toHaveLength(9);
      expect(second.value.points).toEqual(first.value.points);
      expect(paths(first.value.points).sort()).toContain(edited);
      expect(first.value.summary.jobId).not.toBe(second.value.summary.jobId);
      expect(first.stderr).toContain('NOT semantic');

      const human = await polyseek(['topics', '--job', first.value.summary.jobId]);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toMatch(
        /9 documents, k \d+ \(chosen by silhouette\), silhouette -?\d\.\d{3}, \d+ dims, seed 5/u,
      );
      expect(human.stdout).toMatch(/\ncluster 0 — \d+ documents?.*: \S/u);
      expect(human.stdout).toMatch(/\n {4}en \(\d+ passages?\): \S/u);
      const k = await json<TopicsJson>(['topics', '--k', '2']);
      expect(k.value.kind === 'topics' && k.value.topics).toMatchObject({ k: 2, autoK: false });
    },
    SLOW,
  );

  it('refuses bad flags, folders outside the roots and mixed-up options with exit 2', async () => {
    const threshold = await polyseek(['dupes', '--threshold', '2']);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('"2" is not a number from 0.5 to 1');
    const cases: [string[], string][] = [
      [['topics', '--k', '1'], '"1" is not a whole number from 2 to 200'],
      [['topics', '--seed', 'x'], 'is not a whole number'],
      [['dupes', '--min-share', '0'], 'is not a number from 0.05 to 1'],
      [['dupes', '--pair', edited], '--pair takes two files'],
      [['dupes', docs, '--job', dupesJob], 'not both'],
      [['topics', '--job', dupesJob], `is a dupes job`],
      [['dupes', '--job', dupesJob, '--threshold', '0.8'], 'only for a new job'],
      [['dupes', join(dir, 'outside')], `${join(dir, 'outside')} is not in an indexed folder (indexed: ${docs})`],
      [['topics', join(docs, 'nowhere')], `nothing at ${join(docs, 'nowhere')}`],
      [['dupes', join(docs, 'copies'), edited], `${edited} is a file: give folders, or files, not both`],
    ];
    for (const [args, message] of cases) {
      const run = await inProcess(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toContain(message);
    }
    const unknown = await inProcess(['--json', 'dupes', '--job', 'no-such-job']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('cancels on Ctrl+C (exit 130), and the same command then finishes', async () => {
    const io = { ...captureIo(), waitForStop: () => Promise.resolve('SIGINT') };
    const cancelled = await inProcess(['topics', docs, '--seed', '9'], io);
    expect(cancelled.code, cancelled.err).toBe(130);
    expect(cancelled.err).toContain('cancelled; run the same command again');
    const again = await inProcess(['topics', docs, '--seed', '9']);
    expect(again.code, again.err).toBe(0);
  });
});

type TopicsJson = ExploreReport & { points: TopicPoint[] };
