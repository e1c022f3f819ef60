import { err, errorMessage, type PolyseekEvent } from '../../../shared';
import type { PolyseekClient } from './polyseek-client';
import { checkEvent, checkResult } from './validate';

/** What the preload exposes as `window.polyseek` (electron/preload). */
export interface PolyseekBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    polyseek?: PolyseekBridge;
  }
}

/** Talks to Electron main through the preload bridge; everything coming back is validated again. */
export function createElectronClient(bridge: PolyseekBridge): PolyseekClient {
  return {
    transport: 'electron',
    async invoke(name, input) {
      try {
        return checkResult(name, await bridge.invoke(name, input));
      } catch (error) {
        // The preload returns Results; a rejection means the bridge itself failed (main gone, IPC closed).
        return err('ENGINE_UNAVAILABLE', `${name}: the desktop host did not answer: ${errorMessage(error)}`);
      }
    },
    onEvent(listener: (event: PolyseekEvent) => void) {
      return bridge.onEvent((raw) => {
        const event = checkEvent(raw);
        if (event) listener(event);
      });
    },
  };
}
