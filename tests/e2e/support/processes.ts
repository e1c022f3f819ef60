import { spawn, type ChildProcess } from 'node:child_process';

import { BIN, REPO_ROOT } from './paths';

const SERVER_START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** `vite build --config renderer/vite.config.ts`; rejects with the build's output when it fails. */
export function buildRenderer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN('vite'), ['build', '--config', 'renderer/vite.config.ts'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`could not run vite build: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${signal ?? `exit ${String(code)}`}):\n${output}`));
    });
  });
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41465 */
  readonly url: string;
  stop(): Promise<void>;
}

/** Runs `tsx electron/cli/main.ts serve --port 0 --data-dir <dir>` and waits for its "listening on" line. */
export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { POLYSEEK_TOKEN: _ignored, ...inherited } = process.env;
  // Its own process group, so stop() reaches the node process tsx starts as well.
  const child = spawn(BIN('tsx'), ['electron/cli/main.ts', 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopProcess(child);
      reject(new Error(`${why}\n--- server stdout ---\n${stdout}\n--- server stderr ---\n${stderr}`));
    };
    const timer = setTimeout(
      () => fail(`the server printed no "listening on" line within ${SERVER_START_TIMEOUT_MS / 1000} s`),
      SERVER_START_TIMEOUT_MS,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({ url, stop: () => stopProcess(child) });
    });
    child.on('error', (error) => fail(`could not start the server: ${error.message}`));
    child.on('exit', (code, signal) => fail(`the server exited early (${signal ?? `exit ${String(code)}`})`));
  });
}

/** SIGTERM to the process group, SIGKILL after 5 s if it is still there. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
