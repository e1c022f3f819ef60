import { createContext, useContext } from 'react';

import type { AppInfo, EngineState, LicenseStatus, SettingsView } from '../../../shared';
import type { Loadable } from '../hooks/loadable';

/** What every page may read: loaded once per session and kept fresh by events. */
export interface AppState {
  readonly licence: LicenseStatus;
  /** After `license.accept` answered. */
  readonly setLicence: (status: LicenseStatus) => void;
  readonly settings: Loadable<SettingsView>;
  /** After `settings.set` answered. */
  readonly setSettings: (view: SettingsView) => void;
  readonly reloadSettings: () => void;
  readonly appInfo: Loadable<AppInfo>;
  /** The last `engine.state` event; null until a host sends one. */
  readonly engine: EngineState | null;
}

export const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState() outside <AppStateContext value={…}>');
  return state;
}

/** Model features (semantic search, model actions, evaluation) are on only after the licence is accepted. */
export function useModelEnabled(): boolean {
  return useAppState().licence.accepted;
}
