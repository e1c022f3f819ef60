import type { EvalCellConfig } from '../../../../shared';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { cellLabelParts } from './cell-table';

interface Props {
  readonly config: EvalCellConfig;
  /** The run's best cell: a ★ Best label, so it is found without telling colours apart. */
  readonly best: boolean;
  /** After the vectors line, e.g. "8 queries". */
  readonly note?: string | undefined;
}

/** A cell's settings in a table's row header: how it searches, then its vectors on a quieter line. */
export function CellName({ config, best, note }: Props) {
  const [how, vectors] = cellLabelParts(config);
  return (
    <div className="eval-setting">
      {best && <strong className="best-label">{EVALUATE_TEXT.table.best}</strong>}
      <span className="eval-setting-label">{how}</span>
      <span className="hint">{note ? `${vectors} · ${note}` : vectors}</span>
    </div>
  );
}
