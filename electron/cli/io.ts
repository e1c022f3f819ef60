import { createInterface } from 'node:readline/promises';

import type { FileOpener } from '../engine/search/system-opener';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  /** Writes to stdout (results). */
  out(text: string): void;
  /** Writes a line to stderr (progress, warnings, errors). */
  err(text: string): void;
  /** Writes to stderr as is (no newline added), for a progress line redrawn with `\r`. */
  errPartial(text: string): void;
  /** stderr is a terminal: progress is one line redrawn in place, else plain lines now and then. */
  readonly stderrIsTty: boolean;
  /** stdout is a terminal: results may use bold (ANSI). Absent: treated as not a terminal. */
  readonly stdoutIsTty?: boolean;
  /** True when a person can answer prompts. */
  readonly interactive: boolean;
  ask(question: string): Promise<string>;
  readonly env: NodeJS.ProcessEnv;
  /** Resolves with the signal name when the process is asked to stop. */
  waitForStop(): Promise<string>;
  /**
   * Opens files for `open`, `reveal` and a loopback `serve`; default the system opener (xdg-open, open,
   * explorer), or the recorder named by POLYSEEK_TEST_OPENER.
   */
  readonly opener?: FileOpener;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    errPartial: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ask: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    env: process.env,
    waitForStop: () =>
      new Promise((resolve) => {
        const stop = (signal: string): void => resolve(signal);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
  };
}
