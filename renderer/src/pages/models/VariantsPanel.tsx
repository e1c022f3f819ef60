import {
  DOWNLOAD_VARIANTS,
  type DownloadVariant,
  type ModelStatus,
  type Precision,
  formatBytes,
} from '../../../../shared';
import { Panel } from '../../components/Panel';
import { int8Selectable, variantState } from './model-format';

interface Props {
  readonly status: ModelStatus;
  /** A job runs or a command is on its way: actions wait. */
  readonly busy: boolean;
  readonly onDownload: (variant: DownloadVariant) => void;
  readonly onUse: (precision: Precision) => void;
}

const ABOUT: Readonly<Record<Precision, string>> = {
  fp32: 'The reference weights (model.onnx + model.onnx_data).',
  fp16: 'Half the size; for GPUs that run fp16.',
  int8: 'Made here from fp32 (Quantize to int8); about 2.4× faster on CPU.',
};

/** Each variant: complete or not, verified or not; download it, or use it for embedding. */
export function VariantsPanel({ status, busy, onDownload, onUse }: Props) {
  return (
    <Panel title="Variants">
      <table className="model-table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">State</th>
            <th scope="col">Size</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {status.variants.map((variant) => {
            const state = variantState(variant);
            const inUse = status.precision === variant.variant;
            const selectable = variant.variant === 'int8' ? int8Selectable(status) : variant.complete;
            return (
              <tr key={variant.variant}>
                <th scope="row">
                  <code>{variant.variant}</code>
                  <span className="hint hint-block">{ABOUT[variant.variant]}</span>
                </th>
                <td className={`text-${state.tone}`}>{state.label}</td>
                <td>{variant.expectedBytes === null ? '—' : formatBytes(variant.expectedBytes)}</td>
                <td className="actions">
                  {(DOWNLOAD_VARIANTS as readonly string[]).includes(variant.variant) && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => onDownload(variant.variant as DownloadVariant)}
                    >
                      {variant.complete ? `Download ${variant.variant} again` : `Download ${variant.variant}`}
                    </button>
                  )}
                  {inUse ? (
                    <span className="chip" title="encoder.precision in Settings">
                      {variant.complete ? 'In use' : 'Selected, not complete'}
                    </span>
                  ) : (
                    selectable && (
                      <button type="button" className="button" onClick={() => onUse(variant.variant)}>
                        Use {variant.variant}
                      </button>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}
