import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { EventHub } from '../../../electron/engine/event-hub';
import { settingsPath } from '../../../electron/engine/paths';
import { SettingsFile } from '../../../electron/engine/settings';
import { AnswerKeyFile } from '../../../electron/main/answer-key';
import { EngineSupervisor } from '../../../electron/main/engine-supervisor';
import { createMainCommands } from '../../../electron/main/main-commands';
import type { AnswerResult, PolyseekEvent, Result } from '../../../shared';
import {
  DEFAULT_ANSWER,
  httpError,
  startChatServer,
  stream,
  streamError,
  words,
  type ChatServer,
} from '../../fixtures/chat-server';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { safeStorage } from '../../mocks/electron';
import { forkSpawner } from '../electron/fork-engine';

/**
 * The chat endpoint's API key goes to the endpoint as `Authorization: Bearer …` and nowhere else: not into
 * a file under the profile (settings, index, logs), an event, an HTTP response (answer.status included),
 * a log line — not even when the endpoint echoes it back in an error. Checked on the real server host (a
 * child process) and on the desktop path (main's commands, the keychain file with a mocked safeStorage,
 * the supervised engine process) against a real local chat server.
 */
const corpus = corpusAvailability();
const root = resolve(import.meta.dirname, '../../..');
const SERVER_KEY = `sk-secrecy-server-${randomBytes(12).toString('hex')}`;
const DESKTOP_KEY = `sk-secrecy-desktop-${randomBytes(12).toString('hex')}`;
const QUESTION = 'When does the lighthouse keeper log the tide?';

let dir = '';
let dataDir = '';
let docs = '';
let modelDir = '';
let chat: ChatServer;

/** Every place a key must not be: recorded as text, searched at the end. */
const seen = { events: [] as string[], responses: [] as string[], logs: [] as string[] };

/** Environment without any POLYSEEK_ variable (the key must come only from where each test sets it). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('POLYSEEK_')));
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Files under `folder` whose bytes hold `secret` (as UTF-8 or UTF-16). */
async function filesHolding(folder: string, secret: string): Promise<string[]> {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const holding: string[] = [];
  for (const path of await filesUnder(folder)) {
    const bytes = await readFile(path);
    if (needles.some((needle) => bytes.includes(needle))) holding.push(path);
  }
  return holding;
}

/** The key, or its random core (a message that shortened or quoted part of it). */
function leaks(text: string, key: string): boolean {
  return text.includes(key) || text.includes(key.slice(-24, -4));
}

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  dir = await mkdtemp(join(tmpdir(), 'polyseek-key-secrecy-'));
  dataDir = join(dir, 'profile');
  docs = join(dir, 'docs');
  if (!corpus.skip) await copyCorpus(['03-web-markup-text/encodings/en-utf-8-bom.txt'], docs);
  await mkdir(docs, { recursive: true });
  await writeFile(
    join(docs, 'lighthouse.md'),
    '# The lighthouse\n\nThe lighthouse keeper logs the tide every morning at six, and again at dusk.\n',
  );
  modelDir = await ensureSyntheticModel('tiny');
  chat = await startChatServer({ models: ['test-model'] });
}, 120_000);

afterAll(async () => {
  await chat?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(corpus.skip)('the chat endpoint’s API key stays secret', () => {
  it('on the HTTP server: set over the API, sent as Bearer, found in no file, event, response or log', async () => {
    const server = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/main.ts',
        '--data-dir',
        dataDir,
        '--model-dir',
        modelDir,
        'serve',
        '--port',
        '0',
      ],
      { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    server.stdout.on('data', (c: Buffer) => (output += c.toString()));
    server.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise((done) => server.once('exit', done));
    const events = new AbortController();
    try {
      const url = await new Promise<string>((done, reject) => {
        server.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) done(match[1]);
        });
        server.once('exit', (code) => reject(new Error(`the server exited (${String(code)}): ${output}`)));
      });

      // Every event the server streams, from before the key is set to after the last answer.
      let streamed = '';
      const subscribed = fetch(`${url}/api/events`, { signal: events.signal }).then(async (response) => {
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          streamed += decoder.decode(value, { stream: true });
        }
      });
      subscribed.catch(() => undefined);
      await expect.poll(() => streamed).toContain('engine.state');

      const call = async <T = unknown>(name: string, input: unknown): Promise<Result<T>> => {
        const response = await fetch(`${url}/api/commands/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        const text = await response.text();
        seen.responses.push(text);
        return JSON.parse(text) as Result<T>;
      };
      const value = <T>(result: Result<T>): T => {
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        return result.value;
      };

      value(await call('settings.set', { answer: { baseUrl: chat.url, model: 'test-model' } }));
      value(await call('roots.add', { path: docs }));
      value(await call('index.start', {}));
      await expect
        .poll(async () => value(await call<{ job: { state: string } | null }>('index.status', {})).job?.state, {
          timeout: 60_000,
        })
        .toBe('done');

      expect(value(await call('answer.setKey', { apiKey: SERVER_KEY }))).toMatchObject({
        key: { present: true, source: 'session' },
      });
      expect(value(await call('answer.status', {}))).toMatchObject({ key: { present: true, source: 'session' } });
      // A malformed key is refused without being repeated.
      expect(await call('answer.setKey', { apiKey: `${SERVER_KEY} ${SERVER_KEY}` })).toMatchObject({ ok: false });

      chat.reply(stream(words(DEFAULT_ANSWER), { delayMs: 5 }));
      const before = chat.chatRequests().length;
      const answered = value(
        await call<AnswerResult>('answer.ask', { askId: 'secrecy-1', question: QUESTION, allowWeak: true }),
      );
      expect(answered.status).toBe('answered');
      const sent = chat.chatRequests().slice(before);
      expect(sent.map((r) => r.headers.authorization)).toEqual([`Bearer ${SERVER_KEY}`]);

      // Endpoints that echo the key back: an HTTP error body, an error inside the stream, a model list refusal.
      chat.replyOnce(
        httpError(401, { error: { message: `Incorrect API key provided: ${SERVER_KEY}`, code: 'invalid_api_key' } }),
        streamError(['Partial '], `key ${SERVER_KEY} was revoked`),
        httpError(403, `forbidden for Bearer ${SERVER_KEY}`),
      );
      for (const askId of ['secrecy-2', 'secrecy-3', 'secrecy-4']) {
        const failed = value(await call<AnswerResult>('answer.ask', { askId, question: QUESTION, allowWeak: true }));
        expect(failed).toMatchObject({ status: 'failed', error: { code: 'CHAT_FAILED' } });
      }
      chat.replyModels(httpError(401, { error: { message: `invalid key ${SERVER_KEY}` } }));
      expect(await call('answer.check', {})).toMatchObject({ ok: false, error: { code: 'CHAT_FAILED' } });
      chat.replyModels(null);
      value(await call('answer.check', {}));
      expect(chat.requests.filter((r) => r.path === '/v1/models').map((r) => r.headers.authorization)).toEqual([
        `Bearer ${SERVER_KEY}`,
        `Bearer ${SERVER_KEY}`,
      ]);
      value(await call('answer.setKey', { apiKey: null }));

      await expect.poll(() => streamed).toContain('secrecy-4');
      seen.events.push(streamed);
      expect(streamed).toContain('"type":"delta"');
    } finally {
      events.abort();
      server.kill('SIGTERM');
      await exited;
      seen.logs.push(output);
    }
    expect(output).toContain('listening on');
  }, 180_000);

  it('on the desktop: the keychain file, main’s events and the engine process never show it', async () => {
    const settings = await SettingsFile.open(settingsPath(dataDir));
    const hub = new EventHub();
    const windowEvents: PolyseekEvent[] = [];
    hub.subscribe((event) => windowEvents.push(event));
    let workerOutput = '';
    const forked = forkSpawner(join(root, 'electron/worker/main.ts'), {
      execArgv: ['--import', 'tsx'],
      env: cleanEnv(),
      onOutput: (text) => (workerOutput += text),
    });
    const workers = forked.children;
    const mainLog: string[] = [];
    // Main runs in this process: whatever it prints is recorded too.
    const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    const engine = new EngineSupervisor({
      spawn: forked.spawn,
      dataDir,
      getSettings: () => settings.settings,
      onState: (payload) => hub.emit({ name: 'engine.state', payload }),
      onEvent: hub.emit,
      restartDelayMs: 50,
      log: (message) => mainLog.push(message),
    });
    const commands = createMainCommands({
      dataDir,
      settings,
      engine,
      emit: hub.emit,
      gpuFeatureStatus: () => ({}),
      answerKeys: await AnswerKeyFile.open({ dataDir, safeStorage, platform: 'linux' }),
      onUnexpected: (command, error) => mainLog.push(`${command}: ${String(error)}`),
    });
    const dispatch = async <T>(name: string, input: unknown): Promise<T> => {
      const result = (await commands.dispatch(name, input)) as Result<T>;
      seen.responses.push(JSON.stringify(result));
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value;
    };
    engine.start();
    try {
      await dispatch('settings.set', { model: { dir: modelDir } });
      expect(await dispatch('answer.setKey', { apiKey: DESKTOP_KEY })).toMatchObject({
        key: { present: true, source: 'keychain' },
        keychain: { available: true, message: null },
      });
      chat.reply(stream(words(DEFAULT_ANSWER), { delayMs: 5 }));
      const ask = (askId: string) =>
        dispatch<AnswerResult>('answer.ask', { askId, question: QUESTION, allowWeak: true });
      const before = chat.chatRequests().length;
      expect(await ask('desktop-1')).toMatchObject({ status: 'answered', answer: DEFAULT_ANSWER });

      // The engine process dies; its successor gets the key from main again.
      workers[0]?.kill('SIGKILL');
      await expect.poll(() => workers.length, { timeout: 20_000 }).toBe(2);
      expect(await ask('desktop-2')).toMatchObject({ status: 'answered' });
      expect(
        chat
          .chatRequests()
          .slice(before)
          .map((r) => r.headers.authorization),
      ).toEqual([`Bearer ${DESKTOP_KEY}`, `Bearer ${DESKTOP_KEY}`]);

      chat.replyOnce(httpError(401, `Incorrect API key provided: ${DESKTOP_KEY}`));
      expect(await ask('desktop-3')).toMatchObject({ status: 'failed', error: { code: 'CHAT_FAILED' } });
      expect(await dispatch('answer.status', {})).toMatchObject({ key: { present: true, source: 'keychain' } });

      // Kept across a restart of the app: a new main finds it in the keychain file.
      const reopened = await AnswerKeyFile.open({ dataDir, safeStorage, platform: 'linux' });
      expect(reopened.current()).toMatchObject({ apiKey: DESKTOP_KEY, source: 'keychain' });
      const secrets = await filesUnder(join(dataDir, 'secrets'));
      expect(secrets.map((path) => path.slice(dataDir.length))).toEqual(['/secrets/answer-api-key.bin']);
      expect(windowEvents.some((e) => e.name === 'answer.progress')).toBe(true);
    } finally {
      await engine.dispose();
      commands.dispose();
      for (const spy of consoles) {
        seen.logs.push(spy.mock.calls.map((args) => args.map(String).join(' ')).join('\n'));
        spy.mockRestore();
      }
    }
    seen.events.push(JSON.stringify(windowEvents));
    seen.logs.push(workerOutput, mainLog.join('\n'));
  }, 180_000);

  it('left no trace of either key anywhere it looked', async () => {
    expect(seen.events.length).toBeGreaterThanOrEqual(2);
    expect(seen.responses.length).toBeGreaterThan(10);
    for (const key of [SERVER_KEY, DESKTOP_KEY]) {
      expect(await filesHolding(dataDir, key)).toEqual([]);
      expect(await filesHolding(dataDir, key.slice(-24, -4))).toEqual([]);
      for (const [where, texts] of Object.entries(seen)) {
        const leaked = texts.filter((text) => leaks(text, key)).map((text) => text.slice(0, 200));
        expect({ where, leaked }).toEqual({ where, leaked: [] });
      }
    }
    // The profile really holds what was scanned: settings, the index, the keychain file.
    const files = (await filesUnder(dataDir)).map((path) => path.slice(dataDir.length));
    expect(files).toContain('/settings.json');
    expect(files).toContain('/secrets/answer-api-key.bin');
    expect(files.length).toBeGreaterThan(5);
  });
});
