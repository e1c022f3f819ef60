import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

import type { FileOpener } from '../engine/search/system-opener';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  /** Writes to stdout (results). */
  out(text: string): void;
  /** Writes to stdout as is (no newline added), for answer text as it streams. */
  outPartial(text: string): void;
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
  /**
   * A secret (an API key), never from argv (which `ps` and shell history show): typed without echo after
   * `prompt` when stdin is a terminal, else all of stdin (`polyseek answer key set < key.txt`).
   */
  readSecret(prompt: string): Promise<string>;
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
    outPartial: (text) => process.stdout.write(text),
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
    readSecret: (prompt) => (process.stdin.isTTY ? readHidden(prompt) : readAll(process.stdin)),
    env: process.env,
    waitForStop: () =>
      new Promise((resolve) => {
        const stop = (signal: string): void => resolve(signal);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
  };
}

/** Reads one line from the terminal with echo off (readline writes its echo to a sink). */
async function readHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: sink, terminal: true });
  const stop = new AbortController();
  // Ctrl+C while typing: give up (the raw terminal delivers it to readline, not as a signal).
  rl.on('SIGINT', () => stop.abort());
  try {
    return await rl.question('', { signal: stop.signal });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
