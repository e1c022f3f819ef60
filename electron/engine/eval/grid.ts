import { PolyseekError, type Settings, MAX_EVAL_CELLS, type EvalCellConfig, type EvalGrid } from '../../../shared';

/** The grid a run uses: the caller's axes, each missing axis taken from the current settings. */
export function completeGrid(partial: Partial<EvalGrid> | undefined, settings: Settings): EvalGrid {
  const { encoder } = settings;
  return {
    queryTasks: partial?.queryTasks ?? [encoder.queryTask],
    passageTasks: partial?.passageTasks ?? [encoder.passageTask],
    dims: partial?.dims ?? [encoder.dims],
    precisions: partial?.precisions ?? [encoder.precision],
    modes: partial?.modes ?? ['semantic', 'keyword', 'hybrid'],
    prefixes: partial?.prefixes ?? [encoder.instructionPrefix],
  };
}

/**
 * Every combination of the grid's axes. Keyword cells involve no vectors, so the vector axes collapse
 * to one keyword cell; duplicates in an axis are ignored. Refuses grids over MAX_EVAL_CELLS.
 */
export function expandGrid(grid: EvalGrid): { id: string; config: EvalCellConfig }[] {
  const cells = new Map<string, EvalCellConfig>();
  for (const mode of unique(grid.modes)) {
    if (mode === 'keyword') {
      const config: EvalCellConfig = {
        mode,
        queryTask: null,
        passageTask: null,
        dims: null,
        precision: null,
        prefix: null,
      };
      cells.set(cellId(config), config);
      continue;
    }
    for (const precision of unique(grid.precisions))
      for (const passageTask of unique(grid.passageTasks))
        for (const prefix of unique(grid.prefixes))
          for (const queryTask of unique(grid.queryTasks))
            for (const dims of unique(grid.dims).sort((a, b) => b - a)) {
              const config: EvalCellConfig = { mode, queryTask, passageTask, dims, precision, prefix };
              cells.set(cellId(config), config);
            }
  }
  if (cells.size > MAX_EVAL_CELLS) {
    throw new PolyseekError(
      'INVALID_INPUT',
      `the grid has ${cells.size} cells; at most ${MAX_EVAL_CELLS} run at once — split it into smaller runs`,
    );
  }
  return [...cells].map(([id, config]) => ({ id, config }));
}

/** `hybrid|retrieval.query|retrieval.passage|256|int8|prefix`; keyword cells are `keyword`. */
export function cellId(config: EvalCellConfig): string {
  if (config.mode === 'keyword') return 'keyword';
  return [
    config.mode,
    config.queryTask,
    config.passageTask,
    config.dims,
    config.precision,
    config.prefix ? 'prefix' : 'no-prefix',
  ].join('|');
}

/** Cells sharing these encode the corpus once: the passage vectors depend on nothing else. */
export function passageKey(config: EvalCellConfig): string | null {
  return config.mode === 'keyword'
    ? null
    : `${config.passageTask}|${config.precision}|${config.prefix ? 'prefix' : 'no-prefix'}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
