import type { ModelStatus } from '../../../../shared';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';

interface Props {
  readonly status: ModelStatus;
  readonly licenceAccepted: boolean;
  readonly busy: boolean;
  readonly onVerify: () => void;
  readonly onQuantize: () => void;
}

const FINGERPRINT_WORDS = {
  recorded: 'Recorded as the reference',
  matches: 'Matches the reference',
  mismatch: 'Does not match: damaged or a different model',
  'needs-licence': 'Not checked: it runs the model, which needs the licence',
  'not-complete': 'Not checked: the variant is not complete',
} as const;

/**
 * Verify (hashes always; the fingerprint with the licence) and Quantize to int8 (needs the licence:
 * it runs the model to compare int8 with fp32).
 */
export function CheckPanel({ status, licenceAccepted, busy, onVerify, onQuantize }: Props) {
  const fp32 = status.variants.find((v) => v.variant === 'fp32');
  const int8 = status.int8;
  return (
    <Panel title="Checks">
      <p className="hint check-intro">
        Verify hashes every file against the manifest (or the hash recorded at its first verified download). With the
        licence accepted it also embeds probe texts in five scripts and compares them with the fingerprint taken when
        the model was first loaded, so a damaged or different model shows.
      </p>
      <Facts
        rows={[
          ...status.fingerprints.map(
            (check) =>
              [
                `Fingerprint (${check.variant})`,
                <span key={check.variant} className={check.state === 'mismatch' ? 'text-error' : undefined}>
                  {FINGERPRINT_WORDS[check.state]}
                  {check.minCosine !== null && ` · lowest cosine ${check.minCosine}`}
                </span>,
              ] as const,
          ),
          [
            'int8 against fp32',
            int8 ? (
              <span key="i" className={int8.passed ? 'text-ok' : 'text-error'}>
                {`mean cosine ${int8.meanCosine}, lowest ${int8.minCosine} (${int8.passed ? 'passed' : 'failed'}, needs ${int8.threshold})`}
              </span>
            ) : (
              <span className="muted">Not made yet</span>
            ),
          ],
        ]}
      />
      <div className="actions check-actions">
        <button type="button" className="button" disabled={busy} onClick={onVerify}>
          Verify
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !licenceAccepted || !fp32?.complete}
          onClick={onQuantize}
          title={licenceAccepted ? undefined : 'Needs the licence: quantizing runs the model to check the result'}
        >
          Quantize to int8
        </button>
        {!licenceAccepted && <span className="hint">Quantizing needs the licence.</span>}
        {licenceAccepted && !fp32?.complete && (
          <span className="hint">Quantizing needs the complete fp32 variant.</span>
        )}
      </div>
    </Panel>
  );
}
