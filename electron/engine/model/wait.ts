import { setTimeout as sleep } from 'node:timers/promises';

import { PolyseekError } from '../../../shared';

/** Waits `ms`, or rejects with CANCELLED as soon as `signal` aborts. */
export async function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw new PolyseekError('CANCELLED', 'cancelled while waiting to retry');
    throw error;
  }
}

/** ENOSPC (no space) or EDQUOT (over quota): both mean the disk cannot take more. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
