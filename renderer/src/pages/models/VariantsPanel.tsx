import type { ReactNode } from 'react';

import {
  DOWNLOAD_VARIANTS,
  type DownloadVariant,
  type ModelStatus,
  type Precision,
  formatBytes,
} from '../../../../shared';
import { Panel } from '../../components/Panel';
import { MODELS_TEXT } from '../../text/models';
import { int8Selectable, variantState } from './model-format';

interface Props {
  readonly status: ModelStatus;
  /** A job runs or a command is on its way: actions wait. */
  readonly busy: boolean;
  readonly onDownload: (variant: DownloadVariant) => void;
  readonly onUse: (precision: Precision) => void;
  /** The panel's heading; the first-run guide words it as one of its choices. */
  readonly title?: string;
  readonly children?: ReactNode;
}

/** Each variant: complete or not, verified or not; download it, or use it for embedding. */
export function VariantsPanel({ status, busy, onDownload, onUse, title, children }: Props) {
  const text = MODELS_TEXT.variants;
  return (
    <Panel title={title ?? text.title}>
      {children}
      <div className="table-scroll">
        <table className="model-table">
          <thead>
            <tr>
              <th scope="col">{text.variant}</th>
              <th scope="col">{text.state}</th>
              <th scope="col">{text.size}</th>
              <th scope="col">{text.actions}</th>
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
                    <span className="hint hint-block">{text.about[variant.variant]}</span>
                  </th>
                  <td className={`text-${state.tone}`}>{state.label}</td>
                  <td className="numeric">
                    {variant.expectedBytes === null ? '—' : formatBytes(variant.expectedBytes)}
                  </td>
                  <td className="actions">
                    {(DOWNLOAD_VARIANTS as readonly string[]).includes(variant.variant) && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        onClick={() => onDownload(variant.variant as DownloadVariant)}
                      >
                        {variant.complete ? text.downloadAgain(variant.variant) : text.download(variant.variant)}
                      </button>
                    )}
                    {inUse ? (
                      <span className="chip" title={text.inUseTitle}>
                        {variant.complete ? text.inUse : text.selectedIncomplete}
                      </span>
                    ) : (
                      selectable && (
                        <button type="button" className="button" onClick={() => onUse(variant.variant)}>
                          {text.use(variant.variant)}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
