import type { GpuStatus } from '../../../shared';
import { useCommand } from '../hooks/use-command';
import { useEvent } from '../hooks/use-events';
import { COMPONENTS_TEXT } from '../text/components';
import { ErrorNotice } from './ErrorNotice';
import { Facts } from './Facts';
import { Panel } from './Panel';

/** What `gpu.status` knows: preference, onnxruntime backends, active provider, any fallback. */
export function GpuStatusPanel() {
  const text = COMPONENTS_TEXT.gpu;
  const gpu = useCommand('gpu.status');
  // The preference lives in settings; a change there changes this report.
  useEvent('settings.changed', gpu.reload);

  if (gpu.state.status === 'loading')
    return (
      <Panel title={text.title} busy>
        <p className="muted">{text.reading}</p>
      </Panel>
    );
  if (gpu.state.status === 'failed') {
    return (
      <Panel title={text.title}>
        <ErrorNotice error={gpu.state.error} context={text.readingContext} onRetry={gpu.reload} />
      </Panel>
    );
  }
  const status = gpu.state.value;
  const active = status.active;
  const backends = status.ortBackends;
  return (
    <Panel title={text.title}>
      <Facts
        rows={[
          [text.preference, <code key="p">{status.preference}</code>],
          [
            text.active,
            active ? (
              text.activeOn(active.provider, active.device) + verification(active)
            ) : (
              <span className="muted">{text.noSession}</span>
            ),
          ],
          [text.fallback, status.fallbackReason ?? <span className="muted">{text.none}</span>],
          [
            text.backends,
            backends ? (
              <ul className="chips" aria-label={text.backends}>
                {backends.map((backend) => (
                  <li key={backend.name} className="chip">
                    {backend.name}
                    <span className="chip-note">
                      {backend.bundled ? text.bundled : backend.installed ? text.installed : text.notInstalled}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-warning">{text.unavailable(status.ortError)}</span>
            ),
          ],
        ]}
      />
      <ProviderDetails status={status} />
    </Panel>
  );
}

function verification(active: { provider: string; verified: boolean }): string {
  const text = COMPONENTS_TEXT.gpu;
  if (active.provider === 'cpu') return text.cpuReference;
  return active.verified ? text.verified : text.notVerified;
}

/**
 * The providers tried, in order, with why each was passed over (open when the result is a fallback), and
 * Chromium's own GPU features (the window's, not the encoder's) on the desktop.
 */
export function ProviderDetails({
  status,
  openOnFallback = false,
}: {
  readonly status: GpuStatus;
  readonly openOnFallback?: boolean;
}) {
  const text = COMPONENTS_TEXT.gpu;
  return (
    <>
      {status.attempts.length > 0 && (
        <details className="details" open={openOnFallback && status.fallbackReason !== null}>
          <summary>{text.attempts}</summary>
          <ol className="attempts" aria-label={text.attempts}>
            {status.attempts.map((attempt, index) => (
              <li key={`${attempt.provider}-${index}`}>
                <code>{attempt.provider}</code> {text.outcomes[attempt.outcome]}
                {attempt.reason && <span className="muted"> — {attempt.reason}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {status.electronGpu && (
        <details className="details">
          <summary>{text.chromium}</summary>
          <Facts rows={Object.entries(status.electronGpu).map(([feature, state]) => [feature, state] as const)} />
        </details>
      )}
    </>
  );
}
