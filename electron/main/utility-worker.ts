import { utilityProcess } from 'electron';

import type { EngineProcess, SpawnEngine } from './engine-supervisor';

/** Name shown in the OS task manager and in `app.getAppMetrics()`. */
export const ENGINE_SERVICE_NAME = 'Polyseek engine';

/**
 * Starts the bundled worker as an Electron utilityProcess: a Node process launched through Chromium's
 * service machinery, so ORT and LanceDB never load into main and a native crash there cannot take the
 * window down with it.
 */
export function utilityWorkerSpawner(workerPath: string): SpawnEngine {
  return (): EngineProcess => {
    const child = utilityProcess.fork(workerPath, [], { serviceName: ENGINE_SERVICE_NAME, stdio: 'inherit' });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', (message: unknown) => listener(message)),
      onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
}
