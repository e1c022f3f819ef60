import { fork, type ChildProcess } from 'node:child_process';

import type { EngineProcess, SpawnEngine } from '../../../electron/main/engine-supervisor';

export interface ForkOptions {
  /** Node flags (`['--import', 'tsx']` to run TypeScript). */
  readonly execArgv?: string[];
  /** The child's environment; default this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** Receives the child's stdout and stderr as text; without it they go to this process's. */
  readonly onOutput?: (text: string) => void;
}

/**
 * The Node stand-in for Electron's utilityProcess.fork: the same worker entry, over Node's IPC channel.
 * `children` lets a test reach the real process (to SIGKILL it, or to check that it is gone).
 */
export function forkSpawner(
  entry: string,
  options: ForkOptions = {},
): { spawn: SpawnEngine; children: ChildProcess[] } {
  const children: ChildProcess[] = [];
  const { onOutput } = options;
  const spawn = (): EngineProcess => {
    const child = fork(entry, [], {
      execArgv: options.execArgv ?? [],
      ...(options.env ? { env: options.env } : {}),
      stdio: ['ignore', onOutput ? 'pipe' : 'inherit', onOutput ? 'pipe' : 'inherit', 'ipc'],
    });
    if (onOutput) {
      child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
    }
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
