import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { defaultModelDir } from '../../../electron/engine/engine';
import { FakeHub } from '../../fixtures/fake-hub';
import { SYNTHETIC_FILES, TEST_REPO, TEST_REVISION, syntheticManifest } from '../../fixtures/model-manifest';
import { useModelRuntimes } from '../../fixtures/model-runtime';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const openModelRuntime = useModelRuntimes();
let source: string;
const hubs: FakeHub[] = [];

beforeAll(async () => {
  source = await ensureSyntheticModel('tiny');
});
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

async function startHub(options: { lfs?: string[]; cdnHost?: string } = {}): Promise<FakeHub> {
  const hub = await new FakeHub({
    dir: source,
    files: SYNTHETIC_FILES,
    repo: TEST_REPO,
    revision: TEST_REVISION,
    lfs: options.lfs ?? ['onnx/model.onnx'],
    ...(options.cdnHost ? { cdnHost: options.cdnHost } : {}),
  }).start();
  hubs.push(hub);
  return hub;
}

async function setup(
  options: { env?: NodeJS.ProcessEnv; unknown?: string[]; wrongHash?: string[]; free?: number } = {},
) {
  const hub = await startHub();
  const dataDir = await tempDir();
  const manifest = await syntheticManifest(source, {
    ...(options.unknown ? { unknown: options.unknown } : {}),
    ...(options.wrongHash ? { wrongHash: options.wrongHash } : {}),
  });
  const model = await openModelRuntime(dataDir, {
    manifest,
    env: { HF_ENDPOINT: hub.url, ...options.env },
    freeSpace: () => Promise.resolve(options.free ?? 1e12),
  });
  return { hub, dataDir, modelDir: defaultModelDir(dataDir), ...model };
}

const MODEL = 'onnx/model.onnx';

/** Byte equality without a deep comparison of two large buffers (slow in expect). */
async function sameFile(a: string, b: string): Promise<boolean> {
  return (await readFile(a)).equals(await readFile(b));
}

/** Polls a condition the client reaches on its own time (bytes on disk); no timing is asserted. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('model.download against a local hub', () => {
  it('downloads every file, verifies it, and reports the variant complete', async () => {
    const { hub, runtime, finished, modelDir, progress } = await setup();
    const started = await runtime.invoke('model.download', { variant: 'fp32' });
    expect(started).toMatchObject({ ok: true, value: { job: { kind: 'download', state: 'running' } } });
    const job = await finished();
    expect(job).toMatchObject({ state: 'done', error: null });
    for (const path of SYNTHETIC_FILES) {
      expect(await sameFile(join(modelDir, path), join(source, path))).toBe(true);
    }
    const status = await runtime.invoke('model.status', {});
    if (!status.ok) throw new Error(status.error.message);
    expect(status.value.variants.find((v) => v.variant === 'fp32')).toMatchObject({ complete: true, verified: true });
    expect(status.value.files.filter((f) => SYNTHETIC_FILES.includes(f.path as never)).map((f) => f.check)).toEqual(
      SYNTHETIC_FILES.map(() => 'verified'),
    );
    expect(status.value).toMatchObject({ synthetic: 'tiny', dirSource: 'profile', endpoint: hub.url });
    // The LFS file came through the hub's redirect; progress ended in a done event.
    expect(hub.contentRequests(MODEL).map((r) => r.path)).toEqual([expect.stringMatching(/^\/cdn\//)]);
    expect(progress().at(-1)).toMatchObject({ state: 'done', id: job.id });
    expect(progress().some((p) => p.file?.path === MODEL)).toBe(true);
  });

  it('resumes a dropped connection from the byte it reached', async () => {
    const { hub, runtime, finished, modelDir } = await setup();
    hub.fault(MODEL, { dropAfter: 4096 });
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
    expect(hub.contentRequests(MODEL).map((r) => r.range)).toEqual([null, 'bytes=4096-']);
    expect(hub.contentRequests(MODEL).map((r) => r.status)).toEqual([200, 206]);
    expect(await sameFile(join(modelDir, MODEL), join(source, MODEL))).toBe(true);
  });

  it('starts over when a server ignores Range on the resume', async () => {
    const { hub, runtime, finished, modelDir } = await setup();
    hub.fault(MODEL, { dropAfter: 1000 }, { ignoreRange: true });
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
    expect(hub.contentRequests(MODEL).map((r) => [r.range, r.status])).toEqual([
      [null, 200],
      ['bytes=1000-', 200],
    ]);
    expect(await sameFile(join(modelDir, MODEL), join(source, MODEL))).toBe(true);
  });

  it('re-fetches a file that fails its checksum once', async () => {
    const { hub, runtime, finished, modelDir } = await setup();
    hub.fault('tokenizer.json', { corrupt: true });
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
    expect(hub.contentRequests('tokenizer.json').map((r) => r.range)).toEqual([null, null]);
    expect(await sameFile(join(modelDir, 'tokenizer.json'), join(source, 'tokenizer.json'))).toBe(true);
  });

  it('fails with CHECKSUM_MISMATCH on a persistently corrupt file, leaving nothing under its name', async () => {
    const { hub, runtime, finished, modelDir } = await setup();
    hub.fault('tokenizer.json', { corrupt: true }, { corrupt: true });
    await runtime.invoke('model.download', { variant: 'fp32' });
    const job = await finished();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'CHECKSUM_MISMATCH' } });
    expect(job.error?.message).toContain('tokenizer.json');
    await expect(stat(join(modelDir, 'tokenizer.json'))).rejects.toThrow();
    await expect(stat(join(modelDir, 'tokenizer.json.part'))).rejects.toThrow();
  });

  it('refuses before downloading when the hub offers another sha256 than the manifest', async () => {
    const { hub, runtime, finished, modelDir } = await setup({ wrongHash: [MODEL] });
    await runtime.invoke('model.download', { variant: 'fp32' });
    const job = await finished();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'CHECKSUM_MISMATCH' } });
    expect(job.error?.message).toContain('the server offers sha256');
    expect(hub.contentRequests(MODEL)).toEqual([]);
    await expect(stat(join(modelDir, MODEL))).rejects.toThrow();
  });

  it.each([
    [404, 1],
    [500, 4],
  ])('reports HTTP %i naming the file and the URL (after %i request(s))', async (status, requests) => {
    const { hub, runtime, finished } = await setup();
    hub.fault('config.json', ...Array.from({ length: 5 }, () => ({ status })));
    await runtime.invoke('model.download', { variant: 'fp32' });
    const job = await finished();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_FAILED' } });
    const url = `${hub.url}/${TEST_REPO}/resolve/${TEST_REVISION}/config.json`;
    expect(job.error?.message).toContain(`config.json from ${url}: HTTP ${status}`);
    expect(hub.requests.filter((r) => r.path.endsWith('/config.json'))).toHaveLength(requests);
  });

  it('cancels, keeping the partial file for a resume but nothing under the final name', async () => {
    const { hub, runtime, finished, modelDir } = await setup();
    hub.fault(MODEL, { holdAfter: 2048 });
    await runtime.invoke('model.download', { variant: 'fp32' });
    await hub.held;
    await until(async () => (await stat(join(modelDir, `${MODEL}.part`)).catch(() => null))?.size === 2048);
    const cancelled = await runtime.invoke('model.cancel', {});
    expect(cancelled).toMatchObject({ ok: true, value: { job: { state: 'cancelled', error: { code: 'CANCELLED' } } } });
    expect(await finished()).toMatchObject({ state: 'cancelled' });
    await expect(stat(join(modelDir, MODEL))).rejects.toThrow();
    expect((await stat(join(modelDir, `${MODEL}.part`))).size).toBe(2048);

    // The next download resumes from there.
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
    expect(hub.contentRequests(MODEL).at(-1)?.range).toBe('bytes=2048-');
  });

  it('refuses early when the disk cannot take the download', async () => {
    const { hub, runtime } = await setup({ free: 10_000 });
    const refused = await runtime.invoke('model.download', { variant: 'fp32' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/needs .* free .* only 10\.0 KB is free/);
    expect(hub.requests).toEqual([]);
  });

  it('records hashes the manifest lacks at the first verified download (checked against the hub)', async () => {
    const { runtime, finished, modelDir, dataDir } = await setup({ unknown: ['config.json', MODEL] });
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
    const record = JSON.parse(await readFile(join(modelDir, 'polyseek-model.json'), 'utf8')) as {
      recordedHashes: Record<string, { checkedAgainst: string; revision: string }>;
    };
    expect(record.recordedHashes['config.json']).toMatchObject({
      checkedAgainst: 'hub-git-oid',
      revision: TEST_REVISION,
    });
    expect(record.recordedHashes[MODEL]).toMatchObject({ checkedAgainst: 'hub-sha256' });
    expect(record.recordedHashes['tokenizer.json']).toBeUndefined();
    const status = await runtime.invoke('model.status', {});
    expect(status.ok && status.value.files.find((f) => f.path === 'config.json')).toMatchObject({
      check: 'verified',
      hashSource: 'recorded',
    });
    expect(dataDir).toBeTruthy();
  });

  it('refuses a second job while one runs', async () => {
    const { hub, runtime, finished } = await setup();
    hub.fault(MODEL, { holdAfter: 100 });
    await runtime.invoke('model.download', { variant: 'fp32' });
    await hub.held;
    expect(await runtime.invoke('model.verify', {})).toMatchObject({ ok: false, error: { code: 'JOB_RUNNING' } });
    hub.releaseHeld();
    expect(await finished()).toMatchObject({ state: 'done' });
  });

  it('sends HF_TOKEN to the endpoint but not to the CDN it redirects to', async () => {
    const hub = await startHub({ cdnHost: 'localhost' });
    const dataDir = await tempDir();
    const { runtime, finished } = await openModelRuntime(dataDir, {
      manifest: await syntheticManifest(source),
      env: { HF_ENDPOINT: hub.url, HF_TOKEN: 'hf_secret' },
      freeSpace: () => Promise.resolve(1e12),
    });
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
    const resolve = hub.requests.filter((r) => r.path.includes('/resolve/'));
    expect(resolve.every((r) => r.authorization === 'Bearer hf_secret')).toBe(true);
    expect(hub.contentRequests(MODEL).map((r) => r.authorization)).toEqual([null]);
  });
});

describe('model.download settings', () => {
  it('uses settings model.endpoint before HF_ENDPOINT', async () => {
    const { hub, runtime, finished } = await setup({ env: { HF_ENDPOINT: 'http://127.0.0.1:9' } });
    await writeFile(join(await tempDir(), 'unused'), '');
    expect(await runtime.invoke('settings.set', { model: { endpoint: hub.url } })).toMatchObject({ ok: true });
    await runtime.invoke('model.download', { variant: 'fp32' });
    expect(await finished()).toMatchObject({ state: 'done' });
  });
});
