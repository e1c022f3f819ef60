import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { EngineSupervisor } from '../../../electron/main/engine-supervisor';
import { DEFAULT_SETTINGS, GpuStatusSchema, type EngineState, type Settings } from '../../../shared';
import { exited, forkSpawner } from './fork-engine';

const WORKER_ENTRY = resolve(import.meta.dirname, '../../../electron/worker/main.ts');

let dataDir: string;
let supervisor: EngineSupervisor | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'polyseek-worker-process-'));
});

afterEach(async () => {
  await supervisor?.dispose();
  supervisor = null;
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function startReal(settings: Settings = DEFAULT_SETTINGS) {
  const forked = forkSpawner(WORKER_ENTRY, { execArgv: ['--import', 'tsx'] });
  const states: EngineState[] = [];
  supervisor = new EngineSupervisor({
    spawn: forked.spawn,
    dataDir,
    getSettings: () => settings,
    onState: (state) => states.push(state),
    restartDelayMs: 50,
    requestTimeoutMs: 30_000,
  });
  supervisor.start();
  return { supervisor, states, children: forked.children };
}

describe('the real worker entry, forked under Node', () => {
  it('runs gpu.status through the supervisor', async () => {
    const { supervisor: engine } = startReal({ ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 0 } });
    const result = await engine.request('gpu.status', {});
    expect(result.ok).toBe(true);
    const status = GpuStatusSchema.parse(result.ok ? result.value : null);
    expect(status.preference).toBe('cpu');
    // Either ORT listed its backends or the reason it could not load is reported.
    expect(status.ortBackends !== null || status.ortError !== null).toBe(true);
  });

  it('restarts the worker after a SIGKILL and serves again', async () => {
    const { supervisor: engine, states, children } = startReal();
    await expect(engine.request('gpu.status', {})).resolves.toMatchObject({ ok: true });
    const first = children[0];
    first?.kill('SIGKILL');
    await expect.poll(() => states.some((s) => s.state === 'restarting')).toBe(true);
    expect(states.find((s) => s.state === 'restarting')?.message).toContain('SIGKILL');
    await expect.poll(() => engine.state.state, { timeout: 20_000 }).toBe('ready');
    expect(engine.state.restarts).toBe(1);
    expect(children).toHaveLength(2);
    await expect(engine.request('gpu.status', {})).resolves.toMatchObject({ ok: true });
  });

  it('dispose() ends the worker process', async () => {
    const { supervisor: engine, children } = startReal();
    await expect.poll(() => engine.state.state, { timeout: 20_000 }).toBe('ready');
    await engine.dispose();
    const [child] = children;
    expect(child).toBeDefined();
    if (child) await exited(child);
    expect(child?.exitCode).toBe(0);
  });
});
