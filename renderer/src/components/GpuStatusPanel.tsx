import { useCommand } from '../hooks/use-command';
import { useEvent } from '../hooks/use-events';
import { ErrorNotice } from './ErrorNotice';
import { Facts } from './Facts';
import { Panel } from './Panel';

/** What `gpu.status` knows: preference, onnxruntime backends, active provider, any fallback. */
export function GpuStatusPanel() {
  const gpu = useCommand('gpu.status');
  // The preference lives in settings; a change there changes this report.
  useEvent('settings.changed', gpu.reload);

  if (gpu.state.status === 'loading')
    return (
      <Panel title="Compute status" busy>
        <p className="muted">Reading compute status…</p>
      </Panel>
    );
  if (gpu.state.status === 'failed') {
    return (
      <Panel title="Compute status">
        <ErrorNotice error={gpu.state.error} context="Reading compute status" onRetry={gpu.reload} />
      </Panel>
    );
  }
  const status = gpu.state.value;
  const active = status.active;
  const backends = status.ortBackends;
  return (
    <Panel title="Compute status">
      <Facts
        rows={[
          ['Preference', <code key="p">{status.preference}</code>],
          [
            'Active provider',
            active ? (
              `${active.provider}${active.device ? ` on ${active.device}` : ''}${verification(active)}`
            ) : (
              <span className="muted">No encoder session yet</span>
            ),
          ],
          ['Fallback', status.fallbackReason ?? <span className="muted">None</span>],
          [
            'ONNX Runtime backends',
            backends ? (
              <ul className="chips" aria-label="ONNX Runtime backends">
                {backends.map((backend) => (
                  <li key={backend.name} className="chip">
                    {backend.name}
                    <span className="chip-note">
                      {backend.bundled ? 'bundled' : backend.installed ? 'installed' : 'not installed'}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-warning">Unavailable: {status.ortError ?? 'onnxruntime-node did not load'}</span>
            ),
          ],
        ]}
      />
      {status.attempts.length > 0 && (
        <details className="details">
          <summary>Providers tried</summary>
          <ol className="attempts" aria-label="Providers tried">
            {status.attempts.map((attempt, index) => (
              <li key={`${attempt.provider}-${index}`}>
                <code>{attempt.provider}</code> {attempt.outcome}
                {attempt.reason && <span className="muted"> — {attempt.reason}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {status.electronGpu && (
        <details className="details">
          <summary>Chromium GPU features</summary>
          <Facts rows={Object.entries(status.electronGpu).map(([feature, state]) => [feature, state] as const)} />
        </details>
      )}
    </Panel>
  );
}

function verification(active: { provider: string; verified: boolean }): string {
  if (active.provider === 'cpu') return ' (the reference)';
  return active.verified ? ' (verified against CPU)' : ' (not verified)';
}
