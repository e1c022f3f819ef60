import { PolyseekError, type FileOpenResult } from '../../shared';
import type { Handler, Handlers } from '../engine/handlers';

/** The two calls of Electron's `shell` that open files; main passes `shell` itself, tests a recorder. */
export interface DesktopShell {
  /** Resolves with an error message, or '' when the file was opened. */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

/**
 * `file.open` / `file.reveal` in main: the engine process checks the path (indexed, under a current
 * root, no link leading out, not a program) and answers with the real path; only that path is opened.
 * Main never opens what the renderer named — a renderer that names anything else gets the engine's
 * refusal. `shell.openPath` cannot take a page, so `page` only matters to hosts that serve URLs.
 */
export function createFileCommands(
  forwarded: Pick<Handlers, 'file.open' | 'file.reveal'>,
  shell: DesktopShell,
): Pick<Handlers, 'file.open' | 'file.reveal'> {
  const open: Handler<'file.open'> = async (input, context) => {
    const checked = await forwarded['file.open'](input, context);
    const problem = await shell.openPath(checked.path);
    if (problem) throw new PolyseekError('INTERNAL', `opening ${JSON.stringify(checked.path)}: ${problem}`);
    return opened(checked);
  };
  const reveal: Handler<'file.reveal'> = async (input, context) => {
    const checked = await forwarded['file.reveal'](input, context);
    shell.showItemInFolder(checked.path);
    return opened(checked);
  };
  return { 'file.open': open, 'file.reveal': reveal };
}

function opened(checked: FileOpenResult): FileOpenResult {
  return { path: checked.path, opened: true, url: null };
}
