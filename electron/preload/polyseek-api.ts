import type { IpcRenderer, IpcRendererEvent } from 'electron';

import type { ErrorCode, PolyseekEvent, Result } from '../../shared';

// Repeated from electron/main/ipc.ts on purpose: the sandboxed preload bundle may not pull in main's
// modules. tests/unit/electron/preload checks that the two stay equal.
export const COMMAND_CHANNEL = 'polyseek:command';
export const EVENT_CHANNEL = 'polyseek:event';

/**
 * `window.polyseek`: the renderer's whole view of the app. Results and events are validated by the
 * renderer against shared/ (it trusts nothing it did not parse); the types here say what main sends.
 */
export interface PolyseekApi {
  /** Runs a contract command; always resolves with a Result, never rejects. */
  invoke(name: string, input: unknown): Promise<unknown>;
  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: (event: unknown) => void): () => void;
}

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPolyseekApi(ipc: IpcRendererLike): PolyseekApi {
  return {
    invoke: async (name, input) => {
      try {
        return (await ipc.invoke(COMMAND_CHANNEL, name, input)) as Result<unknown>;
      } catch (error) {
        // Input that cannot be cloned (a function, a DOM node) fails here, before main ever sees it.
        return failure(
          'INVALID_INPUT',
          `${String(name).slice(0, 64)}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    onEvent: (listener) => {
      // The IPC event object carries `sender` (ipcRenderer itself): only the payload crosses the bridge.
      const forward = (_event: IpcRendererEvent, payload: PolyseekEvent): void => {
        try {
          listener(payload);
        } catch (error) {
          console.error('polyseek: an event listener threw', error);
        }
      };
      ipc.on(EVENT_CHANNEL, forward);
      return () => void ipc.removeListener(EVENT_CHANNEL, forward);
    },
  };
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
