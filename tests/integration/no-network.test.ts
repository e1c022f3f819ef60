import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../electron/cli/program';
import { defaultModelDir } from '../../electron/engine/engine';
import { COMMAND_NAMES, LICENSE_ID, MODEL_ID, type CommandName, type ErrorCode } from '../../shared';
import { captureIo } from '../fixtures/cli-io';
import { copyModelFolder } from '../fixtures/model-folders';
import { syntheticManifest, writeManifest } from '../fixtures/model-manifest';
import { ensureSyntheticModel } from '../fixtures/synthetic-model';
import { useTempDirs } from '../fixtures/temp-dir';

/**
 * Polyseek is offline: nothing but an explicit `model download` may reach the network. Each check runs
 * the real CLI or server in a child process with a preload that refuses (and logs) every connection and
 * name lookup for a host other than loopback.
 */
const root = resolve(import.meta.dirname, '../..');
const GUARD = join(root, 'tests', 'fixtures', 'no-network', 'guard.mjs');
const tempDir = useTempDirs();

interface Guarded {
  readonly env: NodeJS.ProcessEnv;
  readonly log: string;
  attempts(): Promise<string[]>;
}

/** Environment for a guarded child: no proxy or hub variables inherited, a fresh guard log. */
async function guarded(extra: NodeJS.ProcessEnv): Promise<Guarded> {
  const log = join(await tempDir(), 'network-guard.log');
  await writeFile(log, '');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(https?_proxy|no_proxy|all_proxy|hf_|polyseek_)/i.test(key)),
  );
  return {
    env: { ...inherited, ...extra, POLYSEEK_NETWORK_GUARD_LOG: log },
    log,
    attempts: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean),
  };
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--import', GUARD, 'electron/cli/main.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function polyseek(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = start(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let shared: string;
let dataDir: string;
let manifestPath: string;
let stick: string;
let docs: string;

beforeAll(async () => {
  const source = await ensureSyntheticModel('tiny');
  // Kept for the whole file (useTempDirs clears after each test).
  shared = await mkdtemp(join(tmpdir(), 'polyseek-offline-'));
  dataDir = join(shared, 'profile');
  await copyModelFolder(source, defaultModelDir(dataDir));
  stick = await copyModelFolder(source, join(shared, 'stick'));
  docs = join(shared, 'docs');
  await mkdir(docs);
  await writeFile(join(docs, 'note.md'), '# Offline\n\nIndexing never reaches the network.\n');
  manifestPath = await writeManifest(join(shared, 'manifest.json'), await syntheticManifest(source));
  expect(await runCli(['--data-dir', dataDir, 'license', 'accept', '--yes'], captureIo())).toBe(0);
});
afterAll(async () => {
  await rm(shared, { recursive: true, force: true });
});

describe('no network outside an explicit download', () => {
  it('runs the CLI (status, embed, model status/verify/locate) without touching the network', async () => {
    const guard = await guarded({ POLYSEEK_MODEL_MANIFEST: manifestPath });
    const base = ['--data-dir', dataDir];
    const runs = [
      ['status'],
      ['settings', 'get'],
      ['license', 'status'],
      ['embed', '--task', 'retrieval.query', 'hello', 'привет', '你好'],
      ['model', 'status'],
      ['model', 'verify'],
      ['model', 'locate', stick],
      ['index', 'add', docs],
      ['index', 'start'],
      ['index', 'status'],
      ['index', 'errors'],
      // No chat model configured: the answer is the context pack, made offline.
      ['ask', 'Does indexing reach the network?'],
      ['ask', '--context-only', 'offline'],
      ['answer', 'status'],
    ];
    for (const args of runs) {
      const run = await polyseek([...base, ...args], guard.env);
      expect({ args, code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
    expect(await guard.attempts()).toEqual([]);
  });

  it('lets `model download` reach the network, and only it, reporting the refusal', async () => {
    const guard = await guarded({ POLYSEEK_MODEL_MANIFEST: manifestPath });
    const run = await polyseek(['--data-dir', await tempDir(), 'model', 'download'], guard.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DOWNLOAD_FAILED: .*https:\/\/huggingface\.co\/jinaai\/jina-embeddings-v3\/resolve\//);
    expect(run.stderr).toContain('network guard');
    expect(await guard.attempts()).toEqual(['tls huggingface.co']);
  });
});

describe('the server, guarded', () => {
  let server: ChildProcess | undefined;
  let url = '';
  let guard: Guarded;
  let opened = '';

  beforeAll(async () => {
    // file.open / file.reveal record what they would open instead of launching a viewer.
    opened = join(shared, 'opened.jsonl');
    guard = await guarded({ POLYSEEK_MODEL_MANIFEST: manifestPath, POLYSEEK_TEST_OPENER: opened });
    server = start(['--data-dir', dataDir, 'serve', '--port', '0'], guard.env);
    url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolveUrl(match[1]);
      });
      server?.on('exit', (code) => reject(new Error(`the server exited (${String(code)})`)));
    });
  });
  afterAll(async () => {
    // Waited for: a server still writing its index while the folder is deleted fails the run (ENOTEMPTY).
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill();
    await exited;
  });

  async function call(name: CommandName, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
    const response = await fetch(`${url}/api/commands/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean };
  }

  async function indexedToTheEnd(): Promise<void> {
    expect(await call('index.start', {})).toMatchObject({ ok: true });
    for (;;) {
      const status = (await call('index.status', {})) as { value: { job: { state: string } | null } };
      if (status.value.job?.state !== 'running') return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function jobEnd(): Promise<{ state: string; error: { message: string } | null }> {
    for (;;) {
      const status = (await call('model.status', {})) as { value: { job: { state: string; error: null } | null } };
      if (status.value.job && status.value.job.state !== 'running') return status.value.job;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function exploreIdle(): Promise<void> {
    for (let tries = 0; ; tries += 1) {
      const { value } = (await call('explore.jobs', {})) as { value: { jobs: { state: string }[] } };
      if (!value.jobs.some((job) => job.state === 'queued' || job.state === 'running')) return;
      if (tries > 600) throw new Error('the Explore job did not end');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('serves every command but model.download without touching the network', async () => {
    const inputs: Record<Exclude<CommandName, 'model.download'>, unknown> = {
      'app.info': {},
      'engine.status': {},
      'settings.get': {},
      'settings.set': { encoder: { dims: 32 } },
      'license.status': {},
      'license.accept': { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true },
      embed: { texts: ['hello'], task: 'text-matching' },
      'gpu.status': {},
      'model.status': {},
      'model.cancel': {},
      'model.locate': { path: stick, mode: 'use' },
      'model.verify': {},
      'model.quantize': {},
      'roots.list': {},
      'roots.add': { path: join(shared, 'server-docs') },
      'roots.update': { path: join(shared, 'server-docs'), exclude: ['**/.*'] },
      'index.start': {},
      'index.pause': {},
      'index.resume': {},
      'index.status': {},
      'index.plan': { encoder: { passageTask: 'text-matching' } },
      'index.errors': {},
      'index.retry': {},
      'index.cancel': {},
      'search.query': { query: 'served offline' },
      'file.open': { path: join(shared, 'server-docs', 'a.txt'), page: 1 },
      'file.reveal': { path: join(shared, 'server-docs', 'a.txt') },
      'answer.ask': { askId: 'offline-1', question: 'served offline' },
      'answer.cancel': { askId: 'offline-1' },
      'answer.status': {},
      'answer.check': {},
      'answer.setKey': { apiKey: 'sk-offline-test-key' },
      'eval.judge': {
        testSet: 'offline',
        query: 'served offline',
        judgments: [{ path: join(shared, 'server-docs', 'a.txt'), grade: 1 }],
      },
      'eval.testsets': {},
      'eval.run': { dataset: { kind: 'testset', name: 'offline' }, grid: { modes: ['keyword'] } },
      'eval.runs': {},
      'eval.report': { runId: 'no-such-run' },
      'eval.resume': { runId: 'no-such-run' },
      'eval.cancel': { runId: 'no-such-run' },
      'explore.dupes': {},
      'explore.cancel': { jobId: 'no-such-job' },
      'explore.topics': { k: 2 },
      'explore.jobs': {},
      'explore.report': { jobId: 'no-such-job' },
      'explore.points': { jobId: 'no-such-job' },
      'explore.pair': {
        jobId: 'no-such-job',
        a: join(shared, 'server-docs', 'a.txt'),
        b: join(shared, 'server-docs', 'a.txt'),
      },
      'roots.remove': { path: join(shared, 'server-docs') },
    };
    // Refused without reaching anything: no chat endpoint is configured.
    const refusals: Partial<Record<CommandName, ErrorCode>> = {
      'answer.check': 'NOT_CONFIGURED',
      'eval.report': 'INVALID_INPUT',
      'eval.resume': 'INVALID_INPUT',
      'explore.report': 'INVALID_INPUT',
      'explore.points': 'INVALID_INPUT',
      'explore.pair': 'INVALID_INPUT',
    };
    await mkdir(join(shared, 'server-docs'), { recursive: true });
    await writeFile(join(shared, 'server-docs', 'a.txt'), 'served offline');
    expect(Object.keys(inputs).sort()).toEqual(COMMAND_NAMES.filter((n) => n !== 'model.download').sort());
    for (const [name, input] of Object.entries(inputs) as [CommandName, unknown][]) {
      // index.cancel may have stopped the run before a.txt was indexed; file.open needs it indexed.
      if (name === 'file.open') await indexedToTheEnd();
      // One Explore job at a time: the duplicates job (started just before) ends before topics starts.
      if (name === 'explore.topics') await exploreIdle();
      const result = await call(name, input);
      const refusal = refusals[name];
      if (refusal) {
        expect({ name, ok: result.ok, error: result.error }).toMatchObject({
          name,
          ok: false,
          error: { code: refusal },
        });
        continue;
      }
      expect({ name, ok: result.ok, error: result.error }).toEqual({ name, ok: true, error: undefined });
      if (name.startsWith('model.') && name !== 'model.status' && name !== 'model.cancel') {
        expect(await jobEnd()).toMatchObject({ state: 'done' });
      }
    }
    expect(await guard.attempts()).toEqual([]);
    const a = await realpath(join(shared, 'server-docs', 'a.txt'));
    expect(
      (await readFile(opened, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { action: 'open', path: a, page: 1 },
      { action: 'reveal', path: a, page: null },
    ]);

    // fp16 is not in the synthetic folder, so this download must fetch from the default endpoint.
    expect(await call('model.download', { variant: 'fp16' })).toMatchObject({ ok: true });
    const job = await jobEnd();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_FAILED' } });
    expect(job.error?.message).toContain('network guard');
    expect(await guard.attempts()).toEqual(['tls huggingface.co']);
  });
});
