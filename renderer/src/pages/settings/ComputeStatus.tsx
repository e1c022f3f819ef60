import { useId, useState } from 'react';

import type { GpuStatus, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { ProviderDetails } from '../../components/GpuStatusPanel';
import { useCommand } from '../../hooks/use-command';
import { useEvent } from '../../hooks/use-events';
import { SETTINGS_TEXT } from '../../text/settings';

/** Short, in every script the model reads: the check is about the provider, not the text. */
const PROBE = 'Polyseek provider check';

interface Props {
  readonly licenceAccepted: boolean;
  /** The provider field differs from the saved one: a check would test the old one. */
  readonly unsaved: boolean;
}

/**
 * `gpu.status` in words: the ONNX Runtime backends detected here, the provider and device in use (and
 * whether it was verified against CPU), the reason for any fallback and every provider tried. The
 * provider is only chosen when an encoder loads, so a button loads it with one probe sentence.
 */
export function ComputeStatus({ licenceAccepted, unsaved }: Props) {
  const text = SETTINGS_TEXT.compute;
  const client = useClient();
  const gpu = useCommand('gpu.status');
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<ResultError | null>(null);
  const id = useId();
  useEvent('settings.changed', gpu.reload);

  const check = async () => {
    setChecking(true);
    setRefusal(null);
    const result = await client.invoke('embed', { texts: [PROBE], task: 'retrieval.query' });
    setChecking(false);
    if (!result.ok) setRefusal(result.error);
    gpu.reload();
  };

  return (
    <section className="compute-status" aria-labelledby={`${id}-title`} aria-busy={checking || undefined}>
      <h3 id={`${id}-title`} className="subheading">
        {text.statusTitle}
      </h3>
      {gpu.state.status === 'loading' && <p className="muted">{text.reading}</p>}
      {gpu.state.status === 'failed' && (
        <ErrorNotice error={gpu.state.error} context={text.readingContext} onRetry={gpu.reload} />
      )}
      {gpu.state.status === 'ready' && <StatusFacts status={gpu.state.value} />}
      {refusal && <ErrorNotice error={refusal} context={text.checkContext} />}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!licenceAccepted || checking || unsaved}
          onClick={() => void check()}
          aria-describedby={`${id}-check`}
        >
          {checking ? text.checking : text.check}
        </button>
        <span id={`${id}-check`} className="hint">
          {!licenceAccepted ? text.checkNeedsLicence : unsaved ? text.savedFirst : text.checkHint}
        </span>
      </div>
    </section>
  );
}

function StatusFacts({ status }: { readonly status: GpuStatus }) {
  const text = SETTINGS_TEXT.compute;
  const active = status.active;
  const gpuBackends = (status.ortBackends ?? []).filter((b) => b.name !== 'cpu');
  const usable = gpuBackends.filter((b) => b.installed);
  return (
    <>
      <Facts
        rows={[
          [
            text.detected,
            status.ortBackends === null ? (
              <span className="text-warning">{text.ortUnavailable(status.ortError ?? '')}</span>
            ) : (
              <>
                <ul className="chips" aria-label={text.detected}>
                  {status.ortBackends.map((b) => (
                    <li key={b.name} className="chip">
                      {b.name}
                      <span className="chip-note">
                        {b.bundled
                          ? text.backendStates.bundled
                          : b.installed
                            ? text.backendStates.installed
                            : text.backendStates.missing}
                      </span>
                    </li>
                  ))}
                </ul>
                {usable.length === 0 && <span className="hint hint-block">{text.detectedNone}</span>}
              </>
            ),
          ],
          [
            text.active,
            active ? (
              <>
                <strong>{text.activeOn(active.provider, active.device)}</strong>{' '}
                <span className="muted">
                  ({active.provider === 'cpu' ? text.reference : active.verified ? text.verified : text.notVerified})
                </span>
              </>
            ) : (
              <span className="muted">{text.noSession}</span>
            ),
          ],
          [
            text.fallback,
            status.fallbackReason ? (
              <span className="text-warning">{status.fallbackReason}</span>
            ) : (
              <span className="muted">{text.fallbackNone}</span>
            ),
          ],
        ]}
      />
      <ProviderDetails status={status} openOnFallback />
    </>
  );
}
