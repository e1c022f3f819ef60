import { appendFile } from 'node:fs/promises';

import { createSystemOpener, type FileOpener } from './system-opener';

/**
 * Names a file that records `open` / `reveal` calls instead of launching anything: end-to-end tests run
 * the real server and CLI processes, where no opener can be injected, and must not start a viewer.
 */
export const TEST_OPENER_ENV = 'POLYSEEK_TEST_OPENER';

/** One JSON object per line in the `POLYSEEK_TEST_OPENER` file. */
export interface RecordedOpen {
  readonly action: 'open' | 'reveal';
  readonly path: string;
  readonly page: number | null;
}

/** The system opener, or the recorder when `POLYSEEK_TEST_OPENER` names a file. */
export function openerFromEnv(env: NodeJS.ProcessEnv): FileOpener {
  const file = env[TEST_OPENER_ENV];
  return file ? createRecordingOpener(file) : createSystemOpener();
}

/** Appends one line per call; a single append, so concurrent calls never interleave within a line. */
export function createRecordingOpener(file: string): FileOpener {
  const record = (entry: RecordedOpen): Promise<void> => appendFile(file, `${JSON.stringify(entry)}\n`, 'utf8');
  return {
    open: (path, page) => record({ action: 'open', path, page: page ?? null }),
    reveal: (path) => record({ action: 'reveal', path, page: null }),
  };
}
