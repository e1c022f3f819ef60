import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import type { AnswerResult, AnswerStatus } from '../../../shared';
import {
  DEFAULT_ANSWER,
  httpError,
  stall,
  startChatServer,
  stream,
  words,
  type ChatServer,
} from '../../fixtures/chat-server';
import { captureIo } from '../../fixtures/cli-io';
import { REPO_ROOT, runPolyseek } from '../../fixtures/cli-process';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';

/**
 * `polyseek ask` and `polyseek answer …` end to end: a keyword-only index (no licence: the tiny synthetic
 * model's vectors would mean nothing anyway) of a paper and a note, and a real local chat server in place
 * of Ollama. Checks the command — streaming, sources, --json, --context-only, exit codes, Ctrl+C — not
 * answer quality.
 */
const corpus = corpusAvailability();
const root = REPO_ROOT;
const PAPER = '01-pdf/en/tracemonkey.pdf';
const QUESTION = 'How does TraceMonkey record traces of hot loops?';
const KEY = 'sk-cli-ask-Jw8Rt2Yp6Vb4Nm0';

let dir = '';
let docs = '';
let base: string[] = [];
let chat: ChatServer;

async function cli(args: string[], options: Parameters<typeof captureIo>[0] = {}) {
  const io = captureIo({ env: { POLYSEEK_ANSWER_API_KEY: KEY }, ...options });
  const code = await runCli([...base, ...args], io);
  return { code, io, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Sets answer.baseUrl / answer.model through the CLI, as a person would. */
async function configure(baseUrl: string | null, model: string | null): Promise<void> {
  for (const [key, value] of [
    ['answer.baseUrl', baseUrl ?? 'null'],
    ['answer.model', model ?? 'null'],
  ] as const) {
    const run = await cli(['settings', 'set', key, value]);
    expect(run.code, run.err).toBe(0);
  }
}

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  if (corpus.skip) return;
  dir = await mkdtemp(join(tmpdir(), 'polyseek-cli-ask-'));
  docs = join(dir, 'docs');
  await copyCorpus([PAPER], docs);
  await writeFile(
    join(docs, 'hot-loops.md'),
    '# Hot loops\n\nA tracing JIT records traces of hot loops: when a loop runs often, the interpreter records ' +
      'the operations of one iteration and compiles them.\n',
  );
  base = ['--data-dir', join(dir, 'data'), '--model-dir', await ensureSyntheticModel('tiny')];
  expect((await cli(['index', 'add', docs])).code).toBe(0);
  const indexed = await cli(['index', 'start']);
  expect(indexed.code, indexed.err).toBe(0);
  chat = await startChatServer({ models: ['test-model'] });
}, 180_000);

afterAll(async () => {
  await chat?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  if (corpus.skip) return;
  chat.reply(stream(words(DEFAULT_ANSWER), { delayMs: 20 }));
  await configure(chat.url, 'test-model');
});

describe.skipIf(corpus.skip)('polyseek ask', () => {
  it('streams the answer to stdout as it arrives, then the numbered sources it cites', async () => {
    const pieces: { text: string; at: number }[] = [];
    const before = chat.chatRequests().length;
    const run = await cli(['ask', QUESTION], { onOutPartial: (text) => pieces.push({ text, at: performance.now() }) });
    const finished = performance.now();
    expect(run.code, run.err).toBe(0);
    // Piece by piece (the engine coalesces, but 20 ms apart is slower than its ~50 ms window at most halves it).
    expect(pieces.length).toBeGreaterThan(3);
    expect(finished - (pieces[0]?.at ?? finished)).toBeGreaterThan(60);
    expect(pieces.map((p) => p.text).join('')).toBe(`${DEFAULT_ANSWER}\n`);
    expect(run.out).toMatch(
      new RegExp(
        `^${DEFAULT_ANSWER.replace(/[[\].]/gu, '\\$&')}\n\nSources:\n\\[1\\] .+\n {4}/.+\n\\[2\\] .+\n {4}/`,
        'u',
      ),
    );
    // A PDF passage is cited with its page.
    expect(run.out).toMatch(/\[\d\] tracemonkey\.pdf, pp?\. \d/u);
    // Phases and the pack went to stderr, not into the answer.
    expect(run.err).toMatch(/passages? from \d files?/u);
    const request = chat.chatRequests().slice(before);
    expect(request).toHaveLength(1);
    expect(request[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(run.out + run.err).not.toContain(KEY);
  });

  it('prints the AnswerResult as JSON with --json, with nothing streamed on stdout', async () => {
    const pieces: string[] = [];
    const run = await cli(['--json', 'ask', QUESTION, '--passages', '3', '--budget', '1000'], {
      onOutPartial: (text) => pieces.push(text),
    });
    expect(run.code, run.err).toBe(0);
    expect(pieces).toEqual([]);
    const result = JSON.parse(run.out) as AnswerResult;
    expect(result).toMatchObject({ status: 'answered', answer: DEFAULT_ANSWER, citations: [1, 2] });
    expect(result.pack.passages.length).toBeLessThanOrEqual(3);
    expect(result.pack.budgetTokens).toBe(1000);
  });

  it('prints the context pack with --context-only, and without a model configured', async () => {
    const before = chat.chatRequests().length;
    const only = await cli(['ask', '--context-only', QUESTION]);
    expect(only.code, only.err).toBe(0);
    expect(only.out).toContain(QUESTION);
    expect(only.out).toMatch(/\[1\] (hot-loops\.md|tracemonkey\.pdf)/u);

    await configure(null, null);
    const unconfigured = await cli(['ask', QUESTION]);
    expect(unconfigured.code, unconfigured.err).toBe(0);
    expect(unconfigured.out).toMatch(/\[1\] /u);
    expect(unconfigured.err).toMatch(/polyseek: .*(model|answer\.baseUrl)/iu);
    expect(chat.chatRequests().length).toBe(before);

    const json = await cli(['--json', 'ask', '--context-only', QUESTION]);
    expect((JSON.parse(json.out) as AnswerResult).status).toBe('context-only');
  });

  it('narrows the search with the filters of polyseek search, and answers from one file with --file', async () => {
    const typed = await cli(['--json', 'ask', '--context-only', '--type', 'md', QUESTION]);
    expect(typed.code, typed.err).toBe(0);
    const passages = (JSON.parse(typed.out) as AnswerResult).pack.passages;
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.every((p) => p.name === 'hot-loops.md')).toBe(true);

    const note = await cli(['--json', 'ask', '--context-only', '--file', join(docs, 'hot-loops.md'), 'Summarize']);
    expect(note.code, note.err).toBe(0);
    expect(JSON.parse(note.out)).toMatchObject({ pack: { scope: 'document' } });

    const both = await cli(['ask', '--file', join(docs, 'hot-loops.md'), '--type', 'md', 'Summarize']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('drop the filters');
  });

  it('exits 3 on weak passages, says why and how to ask anyway', async () => {
    const before = chat.chatRequests().length;
    const run = await cli(['ask', 'zebra umbrella volcano quartz']);
    expect(run.code, run.err).toBe(3);
    expect(run.err).toMatch(/weak/u);
    expect(run.err).toContain('--allow-weak');
    expect(chat.chatRequests().length).toBe(before);
  });

  it('exits 1 when the endpoint fails, naming the error (never the key)', async () => {
    chat.replyOnce(httpError(500, { error: { message: `upstream exploded for key ${KEY}` } }));
    const run = await cli(['ask', QUESTION]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/CHAT_FAILED: .*500/u);
    expect(run.out + run.err).not.toContain(KEY);
  });

  it('stops on Ctrl+C: the request is closed, what streamed stays on stdout, exit 130', async () => {
    chat.replyOnce(stall(['The answer ', 'begins ']));
    let streamed = '';
    const io = captureIo({ env: {}, onOutPartial: (text) => (streamed += text) });
    const running = runCli([...base, 'ask', QUESTION], io);
    await expect.poll(() => streamed, { timeout: 20_000 }).toContain('begins');
    io.stop('SIGINT');
    expect(await running).toBe(130);

    await chat.clientsLeft();
    expect(io.stdout).toEqual(['The answer begins ']);
    expect(io.stderr.join('\n')).toContain('SIGINT');
  });
});

describe.skipIf(corpus.skip)('polyseek ask, the real process', () => {
  it('exits 130 on SIGINT with the streamed text on stdout, and the request closed', async () => {
    chat.replyOnce(stall(['Traces are ', 'recorded ']));
    const left = chat.leftEarly;
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...base, 'ask', QUESTION], {
      cwd: root,
      env: { ...process.env, POLYSEEK_ANSWER_API_KEY: KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await expect.poll(() => stdout, { timeout: 30_000 }).toContain('recorded');
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stdout).toBe('Traces are recorded \n');
    expect(stderr).toContain('SIGINT, stopping the answer');
    await chat.clientsLeft(left + 1);
  });
});

describe.skipIf(corpus.skip)('polyseek answer', () => {
  it('status describes the endpoint and where the key comes from, never the key', async () => {
    const human = await cli(['answer', 'status']);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain(`Endpoint: ${chat.url} (this machine)`);
    expect(human.out).toContain('Model:    test-model');
    expect(human.out).toContain('API key:  from POLYSEEK_ANSWER_API_KEY');
    expect(human.out).not.toContain(KEY);

    const json = await cli(['--json', 'answer', 'status'], { env: {} });
    expect(JSON.parse(json.out)).toMatchObject({
      configured: true,
      key: { present: false, source: null },
    } satisfies Partial<AnswerStatus>);
  });

  it('check lists the endpoint’s models; without an endpoint it says what to set', async () => {
    const ok = await cli(['answer', 'check']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/answered in \d+ ms; 1 model: test-model; test-model is among them/u);

    await configure(null, null);
    const missing = await cli(['answer', 'check']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOT_CONFIGURED');
  });

  it('key set reads the key from stdin, keeps it for this process only, and never prints it', async () => {
    const set = await cli(['answer', 'key', 'set'], { env: {}, secret: `${KEY}\n` });
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('API key:  set for this process only');
    expect(set.err).toContain('POLYSEEK_ANSWER_API_KEY');
    expect(set.out + set.err).not.toContain(KEY);

    const empty = await cli(['answer', 'key', 'set'], { env: {}, secret: '\n' });
    expect(empty.code).toBe(2);

    const clear = await cli(['answer', 'key', 'clear'], { env: {} });
    expect(clear.code).toBe(0);
    expect(clear.out).toContain('API key:  none');
  });

  it('key set reads a piped stdin in the real process', async () => {
    const run = await runPolyseek([...base, 'answer', 'key', 'set'], {
      env: { POLYSEEK_ANSWER_API_KEY: '' },
      stdin: `${KEY}\n`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('set for this process only');
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });
});
