import type { WorkerMessage } from '../engine/worker-protocol';

/** The worker's side of the link to its parent, whichever way the process was started. */
export interface ParentChannel {
  post(message: WorkerMessage): void;
  /** Raw, unvalidated messages from the parent. */
  onMessage(listener: (message: unknown) => void): void;
  /** The parent went away (Node IPC only; Electron kills a utilityProcess with its parent). */
  onDisconnect(listener: () => void): void;
}

/** Electron's `process.parentPort`: messages arrive wrapped in a MessageEvent. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The parts of `process` this module reads; Electron adds `parentPort`, Node's fork adds `send`. */
export interface WorkerProcessLike {
  parentPort?: ParentPortLike | null;
  send?: (message: unknown) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/**
 * Connects to the parent over Electron's `parentPort` when running as a utilityProcess, otherwise over
 * Node's IPC channel (`child_process.fork`), so the same entry runs in the app and in integration tests.
 */
export function connectParent(proc: WorkerProcessLike): ParentChannel {
  const port = proc.parentPort;
  if (port) {
    return {
      post: (message) => port.postMessage(message),
      onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
      onDisconnect: () => undefined,
    };
  }
  const send = proc.send?.bind(proc);
  if (send) {
    return {
      post: (message) => void send(message),
      onMessage: (listener) => void proc.on('message', listener),
      onDisconnect: (listener) => void proc.on('disconnect', listener),
    };
  }
  throw new Error('the Polyseek engine worker must run as an Electron utilityProcess or a Node child with IPC');
}
