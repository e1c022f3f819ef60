import {
  AbsolutePathSchema,
  EvalRunInputSchema,
  MATRYOSHKA_DIMS,
  MAX_EVAL_CELLS,
  SEARCH_MODES,
  TestSetNameSchema,
  type Dims,
  type EvalRunInput,
  type Precision,
  type SearchMode,
  type Settings,
  type Task,
} from '../../../../shared';
import { EVALUATE_TEXT, type GridAxis } from '../../text/evaluate';

/** The grid as the form edits it: every axis a list of ticked values, in the contract's order. */
export interface GridDraft {
  readonly modes: readonly SearchMode[];
  readonly queryTasks: readonly Task[];
  readonly passageTasks: readonly Task[];
  readonly dims: readonly Dims[];
  readonly precisions: readonly Precision[];
  readonly prefixes: readonly boolean[];
}

/** Everything the New run form holds; numbers stay text while typed. */
export interface RunDraft {
  readonly source: 'beir' | 'testset';
  readonly folder: string;
  readonly split: string;
  readonly testSet: string;
  readonly grid: GridDraft;
  readonly bootstrap: string;
  readonly label: string;
}

export const DEFAULT_BOOTSTRAP = 1000;
const MAX_BOOTSTRAP = 10_000;
const MAX_LABEL = 200;
const VECTOR_AXES = ['queryTasks', 'passageTasks', 'dims', 'precisions', 'prefixes'] as const;

/**
 * The Matryoshka sizes to offer: those the model in the folder lists (config.json), else all of them
 * (the engine skips, with the reason, any size beyond the model's width).
 */
export function offeredDims(modelDims: readonly number[] | null): readonly Dims[] {
  const offered = MATRYOSHKA_DIMS.filter((dims) => modelDims?.includes(dims) ?? true);
  return offered.length > 0 ? offered : MATRYOSHKA_DIMS;
}

/** A first grid: the saved settings in all three modes, the one comparison almost everyone wants first. */
export function initialDraft(encoder: Settings['encoder'] | null, dims: readonly Dims[]): RunDraft {
  const chosenDims = encoder && dims.includes(encoder.dims) ? encoder.dims : (dims.at(-1) ?? 1024);
  return {
    source: 'beir',
    folder: '',
    split: '',
    testSet: '',
    grid: {
      modes: SEARCH_MODES,
      queryTasks: [encoder?.queryTask ?? 'retrieval.query'],
      passageTasks: [encoder?.passageTask ?? 'retrieval.passage'],
      dims: [chosenDims],
      precisions: [encoder?.precision ?? 'fp32'],
      prefixes: [encoder?.instructionPrefix ?? true],
    },
    bootstrap: String(DEFAULT_BOOTSTRAP),
    label: '',
  };
}

/** Whether any ticked mode uses vectors (keyword alone makes the vector axes irrelevant). */
export function usesVectors(grid: GridDraft): boolean {
  return grid.modes.some((mode) => mode !== 'keyword');
}

/**
 * Cells the engine will run for this grid (electron/engine/eval/grid.ts `expandGrid`): one keyword cell
 * at most, plus every combination of the vector axes for each vector mode; duplicates count once.
 */
export function cellCount(grid: GridDraft): number {
  const modes = new Set(grid.modes);
  const keyword = modes.has('keyword') ? 1 : 0;
  const vectorModes = modes.size - keyword;
  if (vectorModes === 0) return keyword;
  const combinations = VECTOR_AXES.reduce((product, axis) => product * new Set<unknown>(grid[axis]).size, 1);
  return keyword + vectorModes * combinations;
}

/** `values` with `value` added (in the order of `all`) or removed. */
export function toggledValue<T>(values: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  const next = new Set(values);
  if (on) next.add(value);
  else next.delete(value);
  return all.filter((item) => next.has(item));
}

export type DraftProblems = Partial<Record<'folder' | 'testSet' | 'bootstrap' | 'label' | 'grid', string>>;

/** Axes left empty that the run needs (the vector axes only matter with a vector mode). */
export function emptyAxes(grid: GridDraft): GridAxis[] {
  const needed: GridAxis[] = ['modes', ...(usesVectors(grid) ? VECTOR_AXES : [])];
  return needed.filter((axis) => grid[axis].length === 0);
}

/** What is wrong with the draft, by field; empty when it can start. */
export function draftProblems(draft: RunDraft): DraftProblems {
  const text = EVALUATE_TEXT.form;
  const problems: DraftProblems = {};
  if (draft.source === 'beir' && !AbsolutePathSchema.safeParse(draft.folder.trim()).success) {
    problems.folder = text.folderProblem;
  }
  if (draft.source === 'testset' && !TestSetNameSchema.safeParse(draft.testSet).success) {
    problems.testSet = text.testsetProblem;
  }
  const bootstrap = Number(draft.bootstrap);
  if (draft.bootstrap.trim() === '' || !Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
    problems.bootstrap = text.bootstrapProblem(MAX_BOOTSTRAP);
  }
  if (draft.label.length > MAX_LABEL) problems.label = text.labelProblem(MAX_LABEL);
  const empty = emptyAxes(draft.grid);
  const count = cellCount(draft.grid);
  if (empty.length > 0) problems.grid = text.axisEmpty(empty.map((axis) => text.axes[axis]).join(', '));
  else if (count > MAX_EVAL_CELLS) problems.grid = text.tooMany(count, MAX_EVAL_CELLS);
  return problems;
}

/** The `eval.run` input for a draft without problems; null otherwise. Keyword-only runs send no vector axes. */
export function toRunInput(draft: RunDraft): EvalRunInput | null {
  if (Object.keys(draftProblems(draft)).length > 0) return null;
  const { grid } = draft;
  const split = draft.split.trim();
  const label = draft.label.trim();
  const input: EvalRunInput = {
    dataset:
      draft.source === 'beir'
        ? { kind: 'beir', dir: draft.folder.trim(), ...(split ? { split } : {}) }
        : { kind: 'testset', name: draft.testSet },
    grid: usesVectors(grid)
      ? {
          modes: [...grid.modes],
          queryTasks: [...grid.queryTasks],
          passageTasks: [...grid.passageTasks],
          dims: [...grid.dims],
          precisions: [...grid.precisions],
          prefixes: [...grid.prefixes],
        }
      : { modes: [...grid.modes] },
    bootstrap: Number(draft.bootstrap),
    ...(label ? { label } : {}),
  };
  return EvalRunInputSchema.safeParse(input).success ? input : null;
}
