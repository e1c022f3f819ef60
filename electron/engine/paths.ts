import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Polyseek';

/**
 * Where Polyseek keeps settings, indexes and models: the same folder as Electron's `userData`, so the
 * desktop app, the CLI and the server share one profile. `POLYSEEK_DATA_DIR` overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['POLYSEEK_DATA_DIR'];
  if (override) return override;
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), APP_FOLDER);
}

export function settingsPath(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

/**
 * transformers.js's cache folder, inside the profile: the library's default is inside its own package,
 * which is read-only in a packaged app (app.asar). Polyseek loads tokenizers offline, so it stays small.
 */
export function transformersCacheDir(dataDir: string): string {
  return join(dataDir, 'cache', 'transformers');
}
