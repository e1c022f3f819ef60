import type { ModelStatus } from '../../../../shared';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';
import { MODELS_TEXT } from '../../text/models';
import { QuantizeAction } from './QuantizeAction';

interface Props {
  readonly status: ModelStatus;
  readonly licenceAccepted: boolean;
  readonly busy: boolean;
  readonly onVerify: () => void;
  readonly onQuantize: () => void;
}

/**
 * Verify (hashes always; the fingerprint with the licence) and Quantize to int8 (needs the licence:
 * it runs the model to compare int8 with fp32).
 */
export function CheckPanel({ status, licenceAccepted, busy, onVerify, onQuantize }: Props) {
  const text = MODELS_TEXT.checks;
  const int8 = status.int8;
  return (
    <Panel title={text.title}>
      <p className="hint check-intro">{text.intro}</p>
      <Facts
        rows={[
          ...status.fingerprints.map(
            (check) =>
              [
                text.fingerprint(check.variant),
                <span key={check.variant} className={check.state === 'mismatch' ? 'text-error' : undefined}>
                  {text.fingerprintStates[check.state]}
                  {check.minCosine !== null && text.lowestCosine(check.minCosine)}
                </span>,
              ] as const,
          ),
          [
            text.int8AgainstFp32,
            int8 ? (
              <span key="i" className={int8.passed ? 'text-ok' : 'text-error'}>
                {text.int8Result(int8.meanCosine, int8.minCosine, int8.passed, int8.threshold)}
              </span>
            ) : (
              <span className="muted">{text.notMade}</span>
            ),
          ],
        ]}
      />
      <div className="actions check-actions">
        <button type="button" className="button" disabled={busy} onClick={onVerify}>
          {text.verify}
        </button>
        <QuantizeAction status={status} licenceAccepted={licenceAccepted} busy={busy} onQuantize={onQuantize} />
      </div>
    </Panel>
  );
}
