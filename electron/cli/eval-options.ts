import { InvalidArgumentError, type Command } from 'commander';

import {
  DimsSchema,
  EvalGridSchema,
  MATRYOSHKA_DIMS,
  MAX_EVAL_CELLS,
  PRECISIONS,
  PrecisionSchema,
  SEARCH_MODES,
  SearchModeSchema,
  TASKS,
  TaskSchema,
  TestSetNameSchema,
  type EvalGrid,
  type EvalRunInput,
} from '../../shared';
import { integerBetween } from './filter-options';
import { parseWith } from './parse-option';

/** The grid and run flags of `polyseek eval DATASET`, as commander parsed them. */
export interface EvalRunFlags {
  /** The whole grid in one option (JSON, or `axis=a,b;axis=c`); single-axis flags add to it. */
  grid?: Partial<EvalGrid>;
  testset?: string;
  split?: string;
  queryTasks?: EvalGrid['queryTasks'];
  passageTasks?: EvalGrid['passageTasks'];
  dims?: EvalGrid['dims'];
  precisions?: EvalGrid['precisions'];
  modes?: EvalGrid['modes'];
  prefix?: EvalGrid['prefixes'];
  bootstrap?: number;
  seed?: number;
  label?: string;
}

/** Flags only `polyseek eval DATASET` takes: its subcommands refuse them instead of ignoring them. */
export const RUN_ONLY_FLAGS = [
  'grid',
  'testset',
  'split',
  'queryTasks',
  'passageTasks',
  'dims',
  'precisions',
  'modes',
  'prefix',
  'bootstrap',
  'seed',
  'label',
] as const;

/**
 * A comma-separated, repeatable axis (`--dims 32,64 --dims 128`): each value checked by `parse`, duplicates
 * dropped (the engine ignores them too), at most `max` values as the contract allows.
 */
function axis<T>(parse: (value: string) => T, max: number) {
  return (value: string, previous: T[] = []): T[] => {
    const values = [...previous];
    for (const part of value.split(',').map((v) => v.trim())) {
      if (part === '') continue;
      const parsed = parse(part);
      if (!values.includes(parsed)) values.push(parsed);
    }
    if (values.length === 0) throw new InvalidArgumentError('at least one value');
    if (values.length > max) throw new InvalidArgumentError(`at most ${max} values`);
    return values;
  };
}

const oneOf =
  <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, allowed: string) =>
  (value: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`${JSON.stringify(value)} is not one of ${allowed}`);
    return parsed.data;
  };

const dims = (value: string): EvalGrid['dims'][number] => {
  const parsed = DimsSchema.safeParse(Number(value));
  if (!parsed.success) {
    throw new InvalidArgumentError(`${value} is not a Matryoshka size (${MATRYOSHKA_DIMS.join(', ')})`);
  }
  return parsed.data;
};

const prefix = (value: string): boolean => {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new InvalidArgumentError(`${JSON.stringify(value)} is not on or off`);
};

const GRID_AXES: Record<string, keyof EvalGrid> = {
  queryTasks: 'queryTasks',
  'query-tasks': 'queryTasks',
  passageTasks: 'passageTasks',
  'passage-tasks': 'passageTasks',
  dims: 'dims',
  precisions: 'precisions',
  modes: 'modes',
  prefixes: 'prefixes',
  prefix: 'prefixes',
};

/**
 * `--grid`: a JSON object of axes (`{"dims":[64,256],"modes":["hybrid"]}`, as the contract's `eval.run`
 * takes it) or the same as `axis=a,b;axis=c` (`dims=64,256;modes=hybrid;prefix=on,off`), each value checked
 * like its single-axis flag.
 */
export function parseGrid(value: string): Partial<EvalGrid> {
  const text = value.trim();
  let raw: Record<string, unknown>;
  if (text.startsWith('{')) {
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new InvalidArgumentError(`not JSON: ${(error as Error).message}`);
    }
  } else {
    raw = {};
    for (const part of text
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const at = part.indexOf('=');
      const name = GRID_AXES[part.slice(0, at).trim()];
      if (at <= 0 || !name) {
        throw new InvalidArgumentError(
          `${JSON.stringify(part)}: expected AXIS=a,b with AXIS one of ${Object.keys(GRID_AXES).join(', ')}`,
        );
      }
      const values = part
        .slice(at + 1)
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      raw[name] = values.map((v) =>
        name === 'dims' ? Number(v) : name === 'prefixes' ? (v === 'on' ? true : v === 'off' ? false : v) : v,
      );
    }
  }
  const parsed = EvalGridSchema.partial().safeParse(raw);
  if (!parsed.success) {
    throw new InvalidArgumentError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'grid'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

export function addEvalRunOptions(command: Command): Command {
  const tasks = TASKS.join(', ');
  return command
    .option(
      '--grid <spec>',
      'the grid in one option: JSON, or axis=a,b;axis=c (e.g. "dims=64,256;modes=hybrid")',
      parseGrid,
    )
    .option(
      '--testset <name>',
      'a test set of this index (`eval judge`) instead of a folder',
      parseWith(TestSetNameSchema),
    )
    .option('--split <name>', 'qrels split of a BEIR folder (default test, else its only split)')
    .option('--query-tasks <list>', `query adapters (${tasks}); default settings`, axis(oneOf(TaskSchema, tasks), 5))
    .option('--passage-tasks <list>', 'passage adapters; default settings', axis(oneOf(TaskSchema, tasks), 5))
    .option('--dims <list>', `Matryoshka sizes (${MATRYOSHKA_DIMS.join(',')}); default settings`, axis(dims, 7))
    .option(
      '--precisions <list>',
      `${PRECISIONS.join(', ')}; default settings`,
      axis(oneOf(PrecisionSchema, PRECISIONS.join(', ')), 3),
    )
    .option(
      '--modes <list>',
      `${SEARCH_MODES.join(', ')}; default all three`,
      axis(oneOf(SearchModeSchema, SEARCH_MODES.join(', ')), 3),
    )
    .option('--prefix <list>', 'instruction prefix: on, off or on,off; default settings', axis(prefix, 2))
    .option(
      '--bootstrap <n>',
      'bootstrap resamples for the 95 % intervals (0–10000, default 1000)',
      integerBetween(0, 10_000),
    )
    .option(
      '--seed <n>',
      'seed of the bootstrap (same seed, same intervals; default 1)',
      integerBetween(0, 2 ** 31 - 1),
    )
    .option('--label <text>', 'a label for the run list');
}

/** Axes the flags name (the engine fills the others from the settings); single-axis flags win over `--grid`. */
export function gridFromFlags(flags: EvalRunFlags): Partial<EvalGrid> {
  return {
    ...flags.grid,
    ...(flags.queryTasks ? { queryTasks: flags.queryTasks } : {}),
    ...(flags.passageTasks ? { passageTasks: flags.passageTasks } : {}),
    ...(flags.dims ? { dims: flags.dims } : {}),
    ...(flags.precisions ? { precisions: flags.precisions } : {}),
    ...(flags.modes ? { modes: flags.modes } : {}),
    ...(flags.prefix ? { prefixes: flags.prefix } : {}),
  };
}

/** Cells the grid expands to (axes left to the settings count once; keyword is one cell). */
export function countCells(grid: Partial<EvalGrid>): number {
  const modes: readonly string[] = grid.modes ?? SEARCH_MODES;
  const vector =
    (grid.queryTasks?.length ?? 1) *
    (grid.passageTasks?.length ?? 1) *
    (grid.dims?.length ?? 1) *
    (grid.precisions?.length ?? 1) *
    (grid.prefixes?.length ?? 1);
  return modes.reduce<number>((sum, mode) => sum + (mode === 'keyword' ? 1 : vector), 0);
}

/** The run input, or a usage problem in words. */
export function evalRunInput(dir: string | null, flags: EvalRunFlags): EvalRunInput | string {
  if (dir === null && !flags.testset) return 'give a BEIR folder (polyseek eval DATASET) or --testset NAME';
  if (dir !== null && flags.testset) return 'give a BEIR folder or --testset, not both';
  if (flags.testset && flags.split) return '--split applies to BEIR folders; a test set has one split';
  const grid = gridFromFlags(flags);
  const cells = countCells(grid);
  if (cells > MAX_EVAL_CELLS) {
    return `the grid has ${cells} cells; at most ${MAX_EVAL_CELLS} run at once — split it into smaller runs`;
  }
  const dataset: EvalRunInput['dataset'] =
    dir !== null
      ? { kind: 'beir', dir, ...(flags.split ? { split: flags.split } : {}) }
      : { kind: 'testset', name: flags.testset ?? '' };
  return {
    dataset,
    ...(Object.keys(grid).length > 0 ? { grid } : {}),
    ...(flags.bootstrap !== undefined ? { bootstrap: flags.bootstrap } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.label ? { label: flags.label } : {}),
  };
}

/** `PATH=GRADE` (0–3), or `PATH=-` to remove the judgment. */
export function parseJudgment(value: string): { path: string; grade: number | null } | string {
  const at = value.lastIndexOf('=');
  const path = value.slice(0, Math.max(0, at));
  const grade = value.slice(at + 1);
  if (at <= 0 || path === '') return `${JSON.stringify(value)}: expected PATH=GRADE (0–3) or PATH=- to remove`;
  if (grade === '-') return { path, grade: null };
  if (!/^[0-3]$/u.test(grade)) return `${JSON.stringify(value)}: the grade is 0, 1, 2 or 3 (or - to remove)`;
  return { path, grade: Number(grade) };
}
