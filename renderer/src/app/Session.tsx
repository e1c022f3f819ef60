import { useMemo, useState } from 'react';

import type { EngineState, LicenseStatus } from '../../../shared';
import { ErrorNotice } from '../components/ErrorNotice';
import { useCommand } from '../hooks/use-command';
import { useEvent } from '../hooks/use-events';
import { LicenceScreen } from '../licence/LicenceScreen';
import { APP_TEXT } from '../text/app';
import { AppStateContext, type AppState } from './app-state';
import { AppFrame } from './AppFrame';
import { routeHref } from './routes';
import { StartupScreen } from './StartupScreen';

/**
 * Loads the licence status first: until it is accepted (or declined for now) only the licence screen shows.
 * Accepting there goes on to the rest of the first-run guide; declining goes straight to the app.
 */
export function Session() {
  const licence = useCommand('license.status');
  const settings = useCommand('settings.get');
  const appInfo = useCommand('app.info');
  // Asked once at start (a window may open after the engine became ready), then kept by events.
  const engineStatus = useCommand('engine.status');
  const [withoutModel, setWithoutModel] = useState(false);

  useEvent('license.changed', licence.replace);
  useEvent('settings.changed', settings.replace);
  useEvent('engine.state', engineStatus.replace);
  const engine: EngineState | null = engineStatus.state.status === 'ready' ? engineStatus.state.value : null;

  const licenceState = licence.state;
  const state = useMemo<AppState | null>(
    () =>
      licenceState.status === 'ready'
        ? {
            licence: licenceState.value,
            setLicence: licence.replace,
            settings: settings.state,
            setSettings: settings.replace,
            reloadSettings: settings.reload,
            appInfo: appInfo.state,
            engine,
          }
        : null,
    [licenceState, licence.replace, settings.state, settings.replace, settings.reload, appInfo.state, engine],
  );

  if (licenceState.status === 'loading') return <StartupScreen message={APP_TEXT.connectingEngine} />;
  if (licenceState.status === 'failed' || !state) {
    return (
      <StartupScreen message={APP_TEXT.licenceUnreadable}>
        {licenceState.status === 'failed' && <ErrorNotice error={licenceState.error} onRetry={licence.reload} />}
      </StartupScreen>
    );
  }
  if (!state.licence.accepted && !withoutModel) {
    return (
      <LicenceScreen
        onAccepted={(status: LicenseStatus) => {
          window.location.hash = routeHref('setup');
          licence.replace(status);
        }}
        onContinueWithout={() => setWithoutModel(true)}
      />
    );
  }
  return (
    <AppStateContext value={state}>
      <AppFrame />
    </AppStateContext>
  );
}
