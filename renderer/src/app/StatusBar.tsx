import type { EngineState } from '../../../shared';
import { valueOf } from '../hooks/loadable';
import { useAppState } from './app-state';
import { useConnection } from './connection-context';

const ENGINE_LABELS: Record<EngineState['state'], string> = {
  starting: 'Engine starting',
  ready: 'Engine ready',
  restarting: 'Engine restarting',
  failed: 'Engine failed',
  stopped: 'Engine stopped',
};

/** One line of facts at the bottom: where the UI runs, engine, licence, compute preference, version. */
export function StatusBar() {
  const { label } = useConnection();
  const { engine, licence, settings, appInfo } = useAppState();
  const provider = valueOf(settings)?.settings.compute.provider;
  const version = valueOf(appInfo)?.version;
  return (
    <footer className="status-bar" aria-label="Status">
      <span>{label}</span>
      {engine && (
        <span className={`status-engine status-engine-${engine.state}`} title={engine.message ?? undefined}>
          {ENGINE_LABELS[engine.state]}
          {engine.restarts > 0 && ` (${engine.restarts} restarts)`}
        </span>
      )}
      <span>{licence.accepted ? 'Licence accepted' : 'Licence not accepted'}</span>
      {provider && <span>Compute: {provider}</span>}
      <span className="status-spacer" />
      {version && <span>Polyseek {version}</span>}
    </footer>
  );
}
