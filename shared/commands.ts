import { z } from 'zod';

import {
  AnswerAskInputSchema,
  AnswerCancelInputSchema,
  AnswerCancelResultSchema,
  AnswerCheckResultSchema,
  AnswerResultSchema,
  AnswerSetKeyInputSchema,
  AnswerStatusSchema,
} from './answer';
import { EmbedInputSchema, EmbedResultSchema } from './embed';
import {
  EvalJudgeInputSchema,
  EvalReportSchema,
  EvalRunInputSchema,
  EvalRunRefSchema,
  EvalRunSummarySchema,
  TestSetSchema,
} from './eval';
import { EngineStateSchema } from './events';
import {
  DupesInputSchema,
  ExploreJobRefSchema,
  ExploreJobSummarySchema,
  ExplorePairInputSchema,
  ExplorePairSchema,
  ExplorePointsInputSchema,
  ExplorePointsSchema,
  ExploreReportSchema,
  TopicsInputSchema,
} from './explore';
import { GpuStatusSchema } from './gpu';
import {
  IndexErrorsInputSchema,
  IndexErrorsSchema,
  IndexRetryInputSchema,
  IndexStartInputSchema,
  IndexStatusSchema,
  ReembedPlanSchema,
  RootAddInputSchema,
  RootRemoveInputSchema,
  RootUpdateInputSchema,
  RootsListSchema,
} from './indexing';
import { LICENSE_ID, LicenseStatusSchema } from './license';
import { MODEL_ID } from './model';
import {
  ModelDownloadInputSchema,
  ModelLocateInputSchema,
  ModelStatusSchema,
  ModelVerifyInputSchema,
} from './model-management';
import { FileOpenInputSchema, FileOpenResultSchema, SearchQueryInputSchema, SearchResultSchema } from './search';
import { SettingsPatchSchema, SettingsViewSchema } from './settings';

/** Commands that take no arguments still take an object, so extra fields are rejected, not ignored. */
export const NoInput = z.strictObject({});

export const HOSTS = ['electron', 'server', 'cli'] as const;

export const AppInfoSchema = z.strictObject({
  name: z.literal('Polyseek'),
  version: z.string(),
  host: z.enum(HOSTS),
  platform: z.string(),
  arch: z.string(),
  versions: z.strictObject({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
  /** Folder holding settings, indexes and downloaded models. */
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

interface CommandSpec {
  /** One line for `--help`, logs and API listings. */
  readonly summary: string;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/**
 * The whole command surface of Polyseek. Adding a command is one entry here plus its handler;
 * hosts, the preload API, the HTTP routes and the renderer client derive from this object.
 */
export const commands = {
  'app.info': { summary: 'Version, host and data folder', input: NoInput, output: AppInfoSchema },
  'engine.status': {
    summary: 'Whether the engine process is ready, restarting or failed',
    input: NoInput,
    output: EngineStateSchema,
  },
  'settings.get': {
    summary: 'Current settings and any problem reading them',
    input: NoInput,
    output: SettingsViewSchema,
  },
  'settings.set': {
    summary: 'Change encoder, compute or model (folder, download endpoint) settings',
    input: SettingsPatchSchema,
    output: SettingsViewSchema,
  },
  'license.status': {
    summary: 'Whether the CC-BY-NC-4.0 model licence was acknowledged',
    input: NoInput,
    output: LicenseStatusSchema,
  },
  'license.accept': {
    summary: 'Record the non-commercial-use acknowledgment for the model licence',
    input: z.strictObject({
      licenseId: z.literal(LICENSE_ID),
      modelId: z.literal(MODEL_ID),
      nonCommercialOnly: z.literal(true),
    }),
    output: LicenseStatusSchema,
  },
  embed: {
    summary: 'Embed texts with a chosen adapter, Matryoshka dimension and precision',
    input: EmbedInputSchema,
    output: EmbedResultSchema,
  },
  'gpu.status': {
    summary: 'Execution providers known, the one in use and why any fallback happened',
    input: NoInput,
    output: GpuStatusSchema,
  },
  'model.status': {
    summary: 'Model files, their verification, complete variants, the folder in use and any running job',
    input: NoInput,
    output: ModelStatusSchema,
  },
  'model.download': {
    summary: 'Start downloading a variant in the background (resumable, sha256-verified); returns at once',
    input: ModelDownloadInputSchema,
    output: ModelStatusSchema,
  },
  'model.cancel': {
    summary: 'Cancel the running model job (a partial download is kept for resuming)',
    input: NoInput,
    output: ModelStatusSchema,
  },
  'model.locate': {
    summary: 'Use a model folder you already have, in place or copied into the profile, after checking it',
    input: ModelLocateInputSchema,
    output: ModelStatusSchema,
  },
  'model.verify': {
    summary: 'Check file hashes and, with the licence accepted, the model fingerprint on probe texts',
    input: ModelVerifyInputSchema,
    output: ModelStatusSchema,
  },
  'model.quantize': {
    summary: 'Make the int8 variant from fp32 in the background and check it against fp32',
    input: NoInput,
    output: ModelStatusSchema,
  },
  'roots.list': {
    summary: 'Folders to index, with their include/exclude globs, size cap and symlink policy',
    input: NoInput,
    output: RootsListSchema,
  },
  'roots.add': {
    summary: 'Add a folder to index (it must exist and not overlap another); defaults skip hidden and build folders',
    input: RootAddInputSchema,
    output: RootsListSchema,
  },
  'roots.update': {
    summary: "Change a folder's include/exclude globs, size cap or symlink policy",
    input: RootUpdateInputSchema,
    output: RootsListSchema,
  },
  'roots.remove': {
    summary: 'Stop indexing a folder; its files leave the index (the files themselves are untouched)',
    input: RootRemoveInputSchema,
    output: RootsListSchema,
  },
  'index.start': {
    summary: 'Index the folders in the background (changed files only), optionally watching them; returns at once',
    input: IndexStartInputSchema,
    output: IndexStatusSchema,
  },
  'index.pause': { summary: 'Pause the running indexing job', input: NoInput, output: IndexStatusSchema },
  'index.resume': { summary: 'Resume a paused indexing job', input: NoInput, output: IndexStatusSchema },
  'index.cancel': {
    summary: 'Cancel the running indexing job and stop watching; finished files stay indexed',
    input: NoInput,
    output: IndexStatusSchema,
  },
  'index.status': {
    summary: 'Files and chunks per folder, the running job, files awaiting vectors, index size and provenance',
    input: NoInput,
    output: IndexStatusSchema,
  },
  'index.plan': {
    summary: 'Preview what saving a settings patch does to the vectors: reuse, derive or re-embed, how many, how long',
    input: SettingsPatchSchema,
    output: ReembedPlanSchema,
  },
  'index.errors': {
    summary: 'Files that could not be indexed, each with a code and a reason',
    input: IndexErrorsInputSchema,
    output: IndexErrorsSchema,
  },
  'index.retry': {
    summary: 'Try failed files again (all, or the ones named)',
    input: IndexRetryInputSchema,
    output: IndexStatusSchema,
  },
  'search.query': {
    summary: 'Search the index: hybrid, semantic or keyword, with filters, snippets and page locations',
    input: SearchQueryInputSchema,
    output: SearchResultSchema,
  },
  'file.open': {
    summary: 'Open an indexed file with its default application (at a page where supported)',
    input: FileOpenInputSchema,
    output: FileOpenResultSchema,
  },
  'file.reveal': {
    summary: "Show an indexed file in the system's file manager",
    input: FileOpenInputSchema,
    output: FileOpenResultSchema,
  },
  'answer.ask': {
    summary:
      'Answer a question from the index: a cited context pack, and a streamed answer from the configured local model',
    input: AnswerAskInputSchema,
    output: AnswerResultSchema,
  },
  'answer.cancel': {
    summary: 'Stop a running answer (the model request is aborted; what was streamed is kept)',
    input: AnswerCancelInputSchema,
    output: AnswerCancelResultSchema,
  },
  'answer.status': {
    summary: 'The chat endpoint and model configured for answers, and whether an API key is stored (never the key)',
    input: NoInput,
    output: AnswerStatusSchema,
  },
  'answer.check': {
    summary: 'Ask the configured endpoint for its models: is it reachable, and does it know the model set',
    input: NoInput,
    output: AnswerCheckResultSchema,
  },
  'answer.setKey': {
    summary: 'Store the API key for the chat endpoint (OS keychain on desktop, else memory), or forget it with null',
    input: AnswerSetKeyInputSchema,
    output: AnswerStatusSchema,
  },
  'eval.run': {
    summary:
      'Evaluate retrieval on a labelled dataset for a grid of adapters × dims × precision × mode × prefix; returns at once',
    input: EvalRunInputSchema,
    output: EvalRunSummarySchema,
  },
  'eval.resume': {
    summary: 'Continue a cancelled or interrupted evaluation run (finished cells and encoded vectors are kept)',
    input: EvalRunRefSchema,
    output: EvalRunSummarySchema,
  },
  'eval.cancel': {
    summary: 'Stop the running evaluation (it can be resumed)',
    input: EvalRunRefSchema,
    output: z.strictObject({ cancelled: z.boolean() }),
  },
  'eval.runs': {
    summary: 'Saved evaluation runs, newest first',
    input: NoInput,
    output: z.strictObject({ runs: z.array(EvalRunSummarySchema) }),
  },
  'eval.report': {
    summary: 'One run: every cell with its metrics and 95 % intervals, the best cell, per-query results',
    input: EvalRunRefSchema,
    output: EvalReportSchema,
  },
  'eval.testsets': {
    summary: 'Test sets made from this index (queries with files marked relevant by hand)',
    input: NoInput,
    output: z.strictObject({ testSets: z.array(TestSetSchema) }),
  },
  'eval.judge': {
    summary: 'Mark indexed files as relevant (grade 0–3) or not for a query of a test set; null removes the mark',
    input: EvalJudgeInputSchema,
    output: TestSetSchema,
  },
  'explore.dupes': {
    summary:
      'Find duplicate files (same bytes) and near-duplicates (text-matching passages above a threshold) in a scope; returns at once',
    input: DupesInputSchema,
    output: ExploreJobSummarySchema,
  },
  'explore.topics': {
    summary:
      'Cluster the documents of a scope by topic (separation vectors), map them in 2-D and label the clusters; returns at once',
    input: TopicsInputSchema,
    output: ExploreJobSummarySchema,
  },
  'explore.cancel': {
    summary: 'Stop the running Explore job (the passages it encoded are kept: running it again continues)',
    input: ExploreJobRefSchema,
    output: z.strictObject({ cancelled: z.boolean() }),
  },
  'explore.jobs': {
    summary: 'Saved Explore jobs, newest first',
    input: NoInput,
    output: z.strictObject({ jobs: z.array(ExploreJobSummarySchema) }),
  },
  'explore.report': {
    summary: 'One job: duplicate groups and pairs, or the topic clusters with their labels (points: explore.points)',
    input: ExploreJobRefSchema,
    output: ExploreReportSchema,
  },
  'explore.points': {
    summary: 'A page of a topic map: each document with its position and cluster',
    input: ExplorePointsInputSchema,
    output: ExplorePointsSchema,
  },
  'explore.pair': {
    summary: 'Two files of a duplicates job side by side: matched passages with the differing words marked',
    input: ExplorePairInputSchema,
    output: ExplorePairSchema,
  },
} as const satisfies Record<string, CommandSpec>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller sends (before defaults). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
