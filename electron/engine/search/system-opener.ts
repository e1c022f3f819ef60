import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';

import { PolyseekError } from '../../../shared';

/**
 * Opens or reveals a path that `checkIndexedFile` accepted, on the machine the host runs on. Hosts take
 * one as an option so tests inject a recorder and never launch a real viewer.
 */
export interface FileOpener {
  /** Opens with the default application. `page` (1-based) is a hint; the system openers cannot pass it. */
  open(path: string, page?: number): Promise<void>;
  /** Shows the file in the file manager (its folder, where the file manager cannot select it). */
  reveal(path: string): Promise<void>;
}

export interface SystemOpenerOptions {
  /** Default `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** Default `child_process.spawn`; tests pass a fake. */
  readonly spawn?: (command: string, args: readonly string[], options: SpawnSettings) => ChildProcess;
  /**
   * Milliseconds to wait for the opener to fail before reporting success; it may keep running as long
   * as the viewer does. Default 1500: xdg-open reports a missing handler well within that.
   */
  readonly failureWindowMs?: number;
}

export interface SpawnSettings {
  readonly detached: true;
  readonly stdio: 'ignore';
  readonly windowsHide: true;
  readonly windowsVerbatimArguments: boolean;
}

export interface OpenerCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Windows: the arguments are already quoted (explorer.exe parses its own command line). */
  readonly verbatim: boolean;
  /** explorer.exe exits with 1 even when it opened the file: its exit code means nothing. */
  readonly exitCodeMeaningful: boolean;
}

/**
 * The program and arguments, never a shell string. Windows uses explorer.exe, not `cmd /c start`: cmd
 * would parse `&`, `^` and `%VAR%` inside a file name as commands and variables. Paths are absolute, so
 * none can pass for an option.
 */
export function openerCommand(platform: NodeJS.Platform, action: 'open' | 'reveal', path: string): OpenerCommand {
  if (platform === 'win32') {
    // Quoted ourselves: Node would leave `a,b.pdf` bare, and explorer splits its arguments at commas.
    const quoted = `"${path}"`;
    const args = action === 'open' ? [quoted] : [`/select,${quoted}`];
    return { command: 'explorer.exe', args, verbatim: true, exitCodeMeaningful: false };
  }
  if (platform === 'darwin') {
    return {
      command: 'open',
      args: action === 'open' ? [path] : ['-R', path],
      verbatim: false,
      exitCodeMeaningful: true,
    };
  }
  // freedesktop has no portable "select this file"; opening its folder is what xdg-utils offers.
  return {
    command: 'xdg-open',
    args: [action === 'open' ? path : dirname(path)],
    verbatim: false,
    exitCodeMeaningful: true,
  };
}

/** xdg-open's documented exit codes. */
const XDG_EXIT: Readonly<Record<number, string>> = {
  2: 'the file was not found',
  3: 'a tool it needs is missing',
  4: 'no application could open it',
};

/** The desktop's own opener: xdg-open (Linux, BSD), open (macOS), explorer.exe (Windows). */
export function createSystemOpener(options: SystemOpenerOptions = {}): FileOpener {
  const platform = options.platform ?? process.platform;
  const spawn = options.spawn ?? ((command, args, settings) => nodeSpawn(command, [...args], settings));
  const windowMs = options.failureWindowMs ?? 1500;
  const run = (action: 'open' | 'reveal', path: string): Promise<void> => {
    const plan = openerCommand(platform, action, path);
    return new Promise<void>((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawn(plan.command, plan.args, {
          detached: true,
          stdio: 'ignore',
          windowsHide: true,
          windowsVerbatimArguments: plan.verbatim,
        });
      } catch (error) {
        return reject(launchError(plan.command, path, error));
      }
      let settled = false;
      const settle = (error: PolyseekError | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Detached and unreferenced: the viewer outlives a CLI that exits right after.
        child.unref();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => settle(null), windowMs);
      child.once('error', (error) => settle(launchError(plan.command, path, error)));
      child.once('exit', (code) => {
        if (!plan.exitCodeMeaningful || code === 0 || code === null) return settle(null);
        const why = (plan.command === 'xdg-open' ? XDG_EXIT[code] : undefined) ?? `exit code ${code}`;
        settle(new PolyseekError('INTERNAL', `${plan.command} could not ${action} ${JSON.stringify(path)}: ${why}`));
      });
    });
  };
  return { open: (path) => run('open', path), reveal: (path) => run('reveal', path) };
}

function launchError(command: string, path: string, error: unknown): PolyseekError {
  const code = (error as NodeJS.ErrnoException).code;
  const hint =
    code === 'ENOENT'
      ? command === 'xdg-open'
        ? 'xdg-open is not installed (package xdg-utils), or this machine has no desktop'
        : `${command} was not found`
      : String((error as Error).message);
  return new PolyseekError('INTERNAL', `cannot open ${JSON.stringify(path)} on this machine: ${hint}`);
}
