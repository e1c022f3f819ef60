import { formatBytes, MATRYOSHKA_DIMS, type Dims } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../text/format';
import { SETTINGS_TEXT } from '../../text/settings';
import { dimsRows, SAMPLE_PASSAGES } from './reembed-summary';
import { SelectField } from './SelectField';
import type { FieldErrors } from './settings-draft';
import type { PlanState } from './use-reembed-plans';

interface Props {
  readonly dims: Dims;
  readonly errors: FieldErrors;
  readonly plans: PlanState;
  readonly onChange: (dims: Dims) => void;
}

/** jina-v3's full width: the reference every smaller size is cut from. */
const FULL = 1024;

/**
 * Matryoshka dimensions with the trade-off: storage for the index's passages at every size (float
 * vectors and 1-bit codes), how the index would get there (serving, stored, derived, re-embedded, or
 * beyond the model's width), and what is known about quality — the published results, no invented ones.
 */
export function DimsFields({ dims, errors, plans, onChange }: Props) {
  const text = SETTINGS_TEXT.dims;
  const ready = plans.status === 'ready' ? plans.plans : null;
  const rows = ready ? dimsRows(ready, MATRYOSHKA_DIMS) : [];
  const sample = ready ? [...ready.values()].every((plan) => plan.chunks === 0) : false;
  const passages = ready ? ([...ready.values()][0]?.chunks ?? 0) : 0;
  const modelDims = ready ? ([...ready.values()][0]?.modelDims ?? null) : null;
  const width = modelDims ? Math.max(...modelDims) : null;
  return (
    <Panel title={text.title} busy={plans.status === 'loading' || (plans.status === 'ready' && plans.stale)}>
      <div className="field-grid">
        <SelectField
          label={text.label}
          value={dims}
          options={MATRYOSHKA_DIMS}
          format={(d) => text.option(d, d === FULL)}
          onChange={onChange}
          hint={text.hint}
          error={errors['encoder.dims']}
        />
      </div>
      {modelDims && width !== null && width < FULL && <p className="hint">{text.modelWidth(modelDims, width)}</p>}
      {rows.length > 0 && (
        <table className="model-table dims-table">
          <caption>{text.tableCaption(sample ? SAMPLE_PASSAGES : passages, sample)}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.dims}</th>
              <th scope="col">{text.columns.vectors}</th>
              <th scope="col">{text.columns.codes}</th>
              <th scope="col">{text.columns.state}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.dims} aria-current={row.dims === dims ? 'true' : undefined}>
                <th scope="row">{formatNumber(row.dims)}</th>
                <td>{formatBytes(row.floats)}</td>
                <td>{formatBytes(row.codes)}</td>
                <td>{row.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{text.quality}</p>
    </Panel>
  );
}
