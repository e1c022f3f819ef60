import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { Command } from 'commander';

import {
  EvalRunIdSchema,
  TestSetNameSchema,
  evalQueriesToCsv,
  evalReportToCsv,
  type EvalReport,
  type EvalRunSummary,
  type Result,
} from '../../../shared';
import type { Runtime } from '../../engine/runtime';
import { CliFailure, fail, report, withRuntime, type GlobalOptions } from '../context';
import { RUN_ONLY_FLAGS, addEvalRunOptions, evalRunInput, parseJudgment, type EvalRunFlags } from '../eval-options';
import {
  describeEvalProgress,
  describeRun,
  formatEvalReport,
  formatEvalRuns,
  formatTestSet,
  formatTestSets,
  syntheticWarning,
} from '../format-eval';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';
import { createRedrawnLine } from '../progress-line';

/** `--csv` / `--queries-csv` beside the global `--json`. */
interface EvalOptions extends GlobalOptions, EvalRunFlags {
  csv?: boolean;
  queriesCsv?: boolean;
}

/** 128 + the signal's number, as shells report a process stopped by it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

const addReportFormats = (command: Command): Command =>
  command
    .option('--csv', 'print the cells as CSV (one row per cell, with the 95 % intervals)')
    .option('--queries-csv', 'print per-query metrics as CSV (query × cell)');

export function registerEval(program: Command, io: CliIo): void {
  const evaluate = program
    .command('eval')
    .description(
      'measure retrieval on a labelled dataset for a grid of adapters × dims × precision × mode × prefix: ' +
        'nDCG@10, Recall@10/100, MRR@10, MAP with 95 % bootstrap intervals. Ctrl+C cancels (resumable). ' +
        'Exit codes: 0 done, 1 failed, 130 cancelled, 2 bad usage.',
    )
    .argument(
      '[dataset]',
      'a BEIR-format folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv (./runs for a folder named runs)',
    );
  addReportFormats(addEvalRunOptions(evaluate)).action(
    async (dataset: string | undefined, _flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<EvalOptions>();
      checkFormats(io, options);
      const dir = dataset === undefined ? null : resolve(dataset);
      if (dir !== null) await checkFolder(io, options, dir);
      const input = evalRunInput(dir, options);
      if (typeof input === 'string') return fail(io, options, { code: 'INVALID_INPUT', message: input }, 2);
      await withRuntime(io, options, (runtime) =>
        followRun(io, options, runtime, () => runtime.invoke('eval.run', input)),
      );
    },
  );

  addReportFormats(evaluate.command('resume'))
    .description('continue a cancelled or interrupted run (finished cells and encoded vectors are kept)')
    .argument('<run-id>', 'as `polyseek eval runs` lists it', parseWith(EvalRunIdSchema))
    .action(async (runId: string, _flags: unknown, command: Command) => {
      const options = subcommandOptions(io, command);
      await withRuntime(io, options, (runtime) =>
        followRun(io, options, runtime, () => runtime.invoke('eval.resume', { runId })),
      );
    });

  evaluate
    .command('runs')
    .description('saved evaluation runs, newest first')
    .action(async (_flags: unknown, command: Command) => {
      const options = subcommandOptions(io, command);
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('eval.runs', {}), (v) => formatEvalRuns(v.runs));
      });
    });

  addReportFormats(evaluate.command('report'))
    .description('one run: every cell with its metrics and intervals, the best cell, skipped cells and why')
    .argument('<run-id>', 'as `polyseek eval runs` lists it', parseWith(EvalRunIdSchema))
    .action(async (runId: string, _flags: unknown, command: Command) => {
      const options = subcommandOptions(io, command);
      await withRuntime(io, options, async ({ invoke }) => {
        const result = await invoke('eval.report', { runId });
        if (!result.ok) return fail(io, options, result.error);
        printReport(io, options, result.value);
      });
    });

  evaluate
    .command('testsets')
    .description('test sets made from this index: queries with the files marked relevant')
    .action(async (_flags: unknown, command: Command) => {
      const options = subcommandOptions(io, command);
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('eval.testsets', {}), (v) => formatTestSets(v.testSets));
      });
    });

  evaluate
    .command('judge')
    .description('mark indexed files as relevant to a query in a test set (grades 0–3; PATH=- removes a mark)')
    .requiredOption('--set <name>', 'the test set (made on first use)', parseWith(TestSetNameSchema))
    .argument('<query>', 'the query, as it will be searched (quote it)')
    .argument('<judgments...>', 'PATH=GRADE: 0 not relevant, 1 relevant, 2 highly, 3 perfect; PATH=- removes')
    .action(async (query: string, marks: string[], flags: { set: string }, command: Command) => {
      const options = subcommandOptions(io, command);
      const judgments: { path: string; grade: number | null }[] = [];
      for (const mark of marks) {
        const parsed = parseJudgment(mark);
        if (typeof parsed === 'string') return fail(io, options, { code: 'INVALID_INPUT', message: parsed }, 2);
        judgments.push({ path: resolve(parsed.path), grade: parsed.grade });
      }
      await withRuntime(io, options, async ({ invoke }) => {
        const input = { testSet: flags.set, query, judgments };
        report(io, options, await invoke('eval.judge', input), formatTestSet);
      });
    });
}

/**
 * Starts (or resumes) a run and follows it in this process: progress on stderr, then the report on stdout.
 * Ctrl+C cancels it; the saved run resumes with `polyseek eval resume`.
 */
async function followRun(
  io: CliIo,
  options: EvalOptions,
  runtime: Runtime,
  start: () => Promise<Result<EvalRunSummary>>,
): Promise<void> {
  const line = createRedrawnLine(io);
  let runId: string | null = null;
  // Events come while the run starts; the first is drawn after the line naming the run.
  let early: EvalRunSummary | null = null;
  const draw = (summary: EvalRunSummary): void => {
    if (summary.state === 'running' || summary.state === 'queued') {
      line.draw(describeEvalProgress(summary), summary.activity ?? summary.state);
    }
  };
  const unsubscribe = runtime.events.subscribe((event) => {
    if (event.name !== 'eval.progress') return;
    if (runId === null) early = event.payload;
    else if (event.payload.runId === runId) draw(event.payload);
  });
  let stoppedBy: string | null = null;
  try {
    const started = await start();
    if (!started.ok) return fail(io, options, started.error);
    const id = started.value.runId;
    runId = id;
    io.err(`polyseek: ${describeRun(started.value)}`);
    const first = early as EvalRunSummary | null; // set by the listener: TypeScript cannot see it
    if (first?.runId === id) draw(first);
    void io.waitForStop().then(async (signal) => {
      stoppedBy = signal;
      line.end();
      io.err(`polyseek: ${signal}, cancelling the evaluation (finished cells are kept)…`);
      await runtime.invoke('eval.cancel', { runId: id });
    });
    await runtime.engine.evals.idle();
    line.end();
    const result = await runtime.invoke('eval.report', { runId: id });
    if (!result.ok) return fail(io, options, result.error);
    printReport(io, options, result.value);
    const { state, error } = result.value.summary;
    if (state === 'done') return;
    if (state === 'cancelled' || state === 'paused') {
      io.err(`polyseek: cancelled; continue with \`polyseek eval resume ${id}\``);
      throw new CliFailure(stoppedBy === null ? 130 : (SIGNAL_EXIT[stoppedBy] ?? 130), 'cancelled');
    }
    io.err(`polyseek: ${error?.code ?? 'INTERNAL'}: ${error?.message ?? `the run ended ${state}`}`);
    io.err(`polyseek: finished cells are kept; try again with \`polyseek eval resume ${id}\``);
    throw new CliFailure(1, 'failed');
  } finally {
    line.end();
    unsubscribe();
  }
}

function printReport(io: CliIo, options: EvalOptions, value: EvalReport): void {
  const warning = syntheticWarning(value);
  if (options.json || options.csv || options.queriesCsv) {
    if (warning) io.err(`polyseek: ${warning}`);
    if (options.json) return io.out(JSON.stringify(value, null, 2));
    // The CSV ends its last row with CRLF; `out` adds a newline of its own.
    return io.out((options.csv ? evalReportToCsv(value) : evalQueriesToCsv(value)).replace(/\r\n$/u, ''));
  }
  io.out(formatEvalReport(value));
}

function checkFormats(io: CliIo, options: EvalOptions): void {
  const chosen = [options.json && '--json', options.csv && '--csv', options.queriesCsv && '--queries-csv'];
  const named = chosen.filter((c): c is string => typeof c === 'string');
  if (named.length > 1) {
    fail(io, options, { code: 'INVALID_INPUT', message: `choose one of ${named.join(', ')}` }, 2);
  }
}

/** Options of a subcommand; the run's grid flags given to it are a mistake, not something to ignore. */
function subcommandOptions(io: CliIo, command: Command): EvalOptions {
  const options = command.optsWithGlobals<EvalOptions>();
  const misplaced = RUN_ONLY_FLAGS.filter((flag) => options[flag] !== undefined);
  if (misplaced.length > 0) {
    const names = misplaced.map((f) => `--${f.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`);
    fail(io, options, { code: 'INVALID_INPUT', message: `${names.join(', ')}: only for \`polyseek eval DATASET\`` }, 2);
  }
  checkFormats(io, options);
  return options;
}

async function checkFolder(io: CliIo, options: EvalOptions, dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info?.isDirectory()) return;
  const message = info
    ? `${dir} is a file; give the BEIR folder that holds corpus.jsonl, queries.jsonl and qrels/`
    : `no folder at ${dir} (a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/)`;
  fail(io, options, { code: 'INVALID_INPUT', message }, 2);
}
