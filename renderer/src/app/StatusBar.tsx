import { valueOf } from '../hooks/loadable';
import { APP_TEXT } from '../text/app';
import { useAppState } from './app-state';
import { useConnection } from './connection-context';

/** One line of facts at the bottom: where the UI runs, engine, licence, compute preference, version. */
export function StatusBar() {
  const text = APP_TEXT.status;
  const { label } = useConnection();
  const { engine, licence, settings, appInfo } = useAppState();
  const provider = valueOf(settings)?.settings.compute.provider;
  const version = valueOf(appInfo)?.version;
  return (
    <footer className="status-bar" aria-label={text.label}>
      <span className="status-connection" title={label}>
        {label}
      </span>
      {engine && (
        <span className={`status-engine status-engine-${engine.state}`} title={engine.message ?? undefined}>
          {text.engine[engine.state]}
          {engine.restarts > 0 && ` ${text.restarts(engine.restarts)}`}
        </span>
      )}
      <span>{licence.accepted ? text.licenceAccepted : text.licenceNotAccepted}</span>
      {provider && <span className="status-compute">{text.compute(provider)}</span>}
      <span className="status-spacer" />
      {version && <span className="status-version">{text.version(version)}</span>}
    </footer>
  );
}
