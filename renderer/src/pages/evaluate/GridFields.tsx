import { useId } from 'react';

import { PRECISIONS, SEARCH_MODES, TASKS, type Dims } from '../../../../shared';
import { CheckboxChips } from '../../components/CheckboxChips';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { formatNumber } from '../../text/format';
import { toggledValue, usesVectors, type GridDraft } from './run-draft';

interface Props {
  readonly grid: GridDraft;
  readonly dims: readonly Dims[];
  /** The model's width, when known (for the dims hint). */
  readonly width: number | null;
  readonly onChange: (grid: GridDraft) => void;
  readonly count: number;
  /** An axis left empty, or more cells than the engine runs at once (MAX_EVAL_CELLS). */
  readonly problem: string | undefined;
}

/** One checkbox group per grid axis, and the number of cells they make (refused over the limit). */
export function GridFields({ grid, dims, width, onChange, count, problem }: Props) {
  const text = EVALUATE_TEXT.form;
  const id = useId();
  const vectors = usesVectors(grid);
  const set = <K extends keyof GridDraft>(axis: K, values: GridDraft[K]) => onChange({ ...grid, [axis]: values });
  return (
    <fieldset className="plain-fieldset eval-grid" aria-describedby={`${id}-count`}>
      <legend className="subheading">{text.grid}</legend>
      <p className="hint">{text.gridHint}</p>
      <Checkboxes
        legend={text.axes.modes}
        all={SEARCH_MODES}
        values={grid.modes}
        label={(mode) => text.modes[mode]}
        onChange={(modes) => set('modes', modes)}
      />
      <Checkboxes
        legend={text.axes.queryTasks}
        all={TASKS}
        values={grid.queryTasks}
        disabled={!vectors}
        onChange={(queryTasks) => set('queryTasks', queryTasks)}
      />
      <Checkboxes
        legend={text.axes.passageTasks}
        all={TASKS}
        values={grid.passageTasks}
        disabled={!vectors}
        onChange={(passageTasks) => set('passageTasks', passageTasks)}
      />
      <Checkboxes
        legend={text.axes.dims}
        hint={width === null ? text.dimsUnknown : text.dimsOffered(width)}
        all={dims}
        values={grid.dims}
        label={(d) => formatNumber(d)}
        disabled={!vectors}
        onChange={(values) => set('dims', values)}
      />
      <Checkboxes
        legend={text.axes.precisions}
        all={PRECISIONS}
        values={grid.precisions}
        disabled={!vectors}
        onChange={(precisions) => set('precisions', precisions)}
      />
      <Checkboxes
        legend={text.axes.prefixes}
        all={[true, false] as const}
        values={grid.prefixes}
        label={(on) => (on ? text.prefixOn : text.prefixOff)}
        disabled={!vectors}
        onChange={(prefixes) => set('prefixes', prefixes)}
      />
      <p id={`${id}-count`} className={problem ? 'field-error' : 'eval-cell-count'} role="status">
        {problem ?? text.cellCount(count)}
      </p>
    </fieldset>
  );
}

interface CheckboxesProps<T extends string | number | boolean> {
  readonly legend: string;
  readonly hint?: string;
  readonly all: readonly T[];
  readonly values: readonly T[];
  readonly label?: (value: T) => string;
  readonly disabled?: boolean;
  readonly onChange: (values: T[]) => void;
}

/** The shared chips, kept in the axis's own order whatever order they are ticked in. */
function Checkboxes<T extends string | number | boolean>({ all, values, onChange, ...rest }: CheckboxesProps<T>) {
  return (
    <CheckboxChips
      {...rest}
      options={all}
      selected={values}
      onToggle={(value, on) => onChange(toggledValue(values, value, on, all))}
    />
  );
}
