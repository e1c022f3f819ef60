import { createElectronClient } from './electron-transport';
import { createHttpConnection } from './http-transport';
import type { Connection } from './polyseek-client';

/** Picks the transport once at start-up: the preload bridge inside Electron, HTTP in a browser. */
export function connect(): Connection {
  const bridge = window.polyseek;
  if (bridge) return { client: createElectronClient(bridge), auth: null, label: 'Desktop' };
  return createHttpConnection(new URL(window.location.href));
}
