import { fork, type ChildProcess } from 'node:child_process';

import type { EngineProcess, SpawnEngine } from '../../../electron/main/engine-supervisor';

/**
 * The Node stand-in for Electron's utilityProcess.fork: the same worker entry, over Node's IPC channel.
 * `children` lets a test reach the real process (to SIGKILL it, or to check that it is gone).
 */
export function forkSpawner(entry: string, execArgv: string[] = []): { spawn: SpawnEngine; children: ChildProcess[] } {
  const children: ChildProcess[] = [];
  const spawn = (): EngineProcess => {
    const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    return {
      postMessage: (message) => void child.send(message),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) =>
        void child.once('exit', (code, signal) => listener(signal ? `killed by ${signal}` : `exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
  return { spawn, children };
}

/** Resolves once the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
