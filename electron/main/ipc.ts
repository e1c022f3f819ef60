import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';

import { err, errorMessage, type PolyseekEvent, type Result } from '../../shared';
import type { Dispatch } from '../engine/dispatch';
import { isAppUrl } from './protocol';
import { appWindows, isAppWebContents } from './window';

/** The one invoke channel (renderer → main) and the one event channel (main → renderer). */
export const COMMAND_CHANNEL = 'polyseek:command';
export const EVENT_CHANNEL = 'polyseek:event';

type Log = (message: string) => void;

/**
 * Only the top frame of a window this app created, showing our own origin, may send commands: an
 * iframe, a devtools extension page or a window opened by anything else is refused.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  isOurs: (contents: WebContents) => boolean = isAppWebContents,
): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOurs(event.sender) && isAppUrl(frame.url);
}

/** Never throws: whatever goes wrong reaches the renderer as a Result. */
export async function handleCommand(
  dispatch: Dispatch,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  name: unknown,
  input: unknown,
  log: Log = console.warn,
): Promise<Result<unknown>> {
  try {
    if (!isTrustedSender(event)) {
      log(`refused ${typeof name === 'string' ? name.slice(0, 64) : typeof name} from a foreign IPC sender`);
      return err('FORBIDDEN', 'commands are accepted only from Polyseek windows');
    }
    return await dispatch(name, input);
  } catch (error) {
    return err('INTERNAL', `ipc: ${errorMessage(error)}`);
  }
}

/** Registers the command channel; returns its removal. No other channel is ever listened to. */
export function setupIpc(dispatch: Dispatch): () => void {
  ipcMain.handle(COMMAND_CHANNEL, (event, name: unknown, input: unknown) =>
    handleCommand(dispatch, event, name, input),
  );
  return () => ipcMain.removeHandler(COMMAND_CHANNEL);
}

/** Sends an event to every app window; a window closing meanwhile is skipped, not fatal. */
export function broadcastEvent(event: PolyseekEvent): void {
  for (const window of appWindows()) {
    try {
      window.webContents.send(EVENT_CHANNEL, event);
    } catch {
      // Destroyed between the check and the send; it needs no more events.
    }
  }
}
