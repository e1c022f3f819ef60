import packageJson from '../../package.json' with { type: 'json' };
import type { AppInfo } from '../../shared';

export const APP_VERSION: string = packageJson.version;

/** `app.info` for the current process; Electron's main adds its own versions. */
export function describeApp(host: AppInfo['host'], dataDir: string): AppInfo {
  return {
    name: 'Polyseek',
    version: APP_VERSION,
    host,
    platform: process.platform,
    arch: process.arch,
    versions: {
      node: process.versions.node,
      electron: process.versions['electron'] ?? null,
      chrome: process.versions['chrome'] ?? null,
    },
    dataDir,
  };
}
