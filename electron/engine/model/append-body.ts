import type { FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

import { PolyseekError, errorMessage } from '../../../shared';
import { TransientError } from './http-get';
import { isDiskFull } from './wait';

/** Unwritten bytes at which reading pauses until the disk catches up. */
const HIGH_WATER_BYTES = 16 * 1024 * 1024;

export interface AppendBodyOptions {
  readonly response: IncomingMessage;
  /** The part file, opened for appending. */
  readonly handle: FileHandle;
  /** Empty the part first (the server sent the whole file instead of the asked-for range). */
  readonly restart: boolean;
  /** Byte of the file the body starts at. */
  readonly start: number;
  /** Size of the whole file, when known. */
  readonly total: number | null;
  /** "config.json from https://…", for messages. */
  readonly where: string;
  readonly onBytes: (bytes: number, total: number | null) => void;
}

/**
 * Appends a response body to the part file in arrival order. Listeners are attached at once, and chunks
 * come from 'data' events rather than an async iterator: when a connection drops, Node discards what has
 * not been pulled yet, and every byte that arrived is worth keeping for the resume. So the part's size is
 * exactly the bytes written, which is where the next attempt resumes. Throws TransientError when the
 * connection ends early, DISK_FULL when the disk does.
 */
export async function appendBody(options: AppendBodyOptions): Promise<void> {
  const { response, handle, total } = options;
  let written = options.start;
  let queued = 0;
  let writeError: unknown = null;
  let writes: Promise<unknown> = options.restart ? handle.truncate(0) : Promise.resolve();
  const ended = new Promise<void>((resolve, reject) => {
    response.on('data', (chunk: Buffer) => {
      queued += chunk.length;
      if (queued > HIGH_WATER_BYTES) response.pause();
      writes = writes.then(async () => {
        if (writeError !== null) return;
        try {
          await handle.write(chunk);
        } catch (error) {
          writeError = error;
          response.destroy(error as Error);
          return;
        }
        written += chunk.length;
        queued -= chunk.length;
        options.onBytes(written, total);
        if (response.isPaused() && queued < HIGH_WATER_BYTES / 2) response.resume();
      });
    });
    response.once('end', resolve);
    response.once('error', reject);
    response.once('close', () => (response.complete ? resolve() : reject(new Error('connection closed'))));
  });
  options.onBytes(written, total);
  let streamError: unknown = null;
  await ended.catch((error: unknown) => (streamError = error));
  await writes.catch((error: unknown) => (writeError ??= error));
  if (writeError !== null) {
    const why = `${options.where}: writing the download: ${errorMessage(writeError)}`;
    throw new PolyseekError(isDiskFull(writeError) ? 'DISK_FULL' : 'INTERNAL', why);
  }
  if (streamError !== null) {
    throw new TransientError(`${options.where}: connection lost at byte ${written} (${errorMessage(streamError)})`);
  }
  if (total !== null && written < total) {
    throw new TransientError(`${options.where}: connection closed at byte ${written} of ${total}`);
  }
}
