import type { ModelStatus } from '../../../../shared';
import { MODELS_TEXT } from '../../text/models';

interface Props {
  readonly status: ModelStatus;
  readonly licenceAccepted: boolean;
  readonly busy: boolean;
  readonly onQuantize: () => void;
}

/**
 * "Quantize to int8", with why it is unavailable beside it: it needs the complete fp32 variant and the
 * licence (it runs the model to compare int8 with fp32). Shared by the Models page and the first-run guide.
 */
export function QuantizeAction({ status, licenceAccepted, busy, onQuantize }: Props) {
  const text = MODELS_TEXT.checks;
  const fp32Complete = status.variants.find((v) => v.variant === 'fp32')?.complete ?? false;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy || !licenceAccepted || !fp32Complete}
        onClick={onQuantize}
        title={licenceAccepted ? undefined : text.quantizeNeedsLicenceTitle}
      >
        {text.quantize}
      </button>
      {!licenceAccepted && <span className="hint">{text.quantizeNeedsLicence}</span>}
      {licenceAccepted && !fp32Complete && <span className="hint">{text.quantizeNeedsFp32}</span>}
    </>
  );
}
