import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import { ModelStatusSchema } from '../../../shared';
import { captureIo } from '../../fixtures/cli-io';
import { startSyntheticHub, type FakeHub } from '../../fixtures/fake-hub';
import { copyModelFolder } from '../../fixtures/model-folders';
import { syntheticManifest, writeManifest } from '../../fixtures/model-manifest';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const hubs: FakeHub[] = [];
let source: string;

beforeAll(async () => {
  source = await ensureSyntheticModel('tiny');
});
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

/** A profile, a local hub serving the synthetic model, and the environment that points the CLI at both. */
async function setup() {
  const hub = await startSyntheticHub(source);
  hubs.push(hub);
  const dataDir = await tempDir();
  const manifest = await writeManifest(join(dataDir, 'manifest.json'), await syntheticManifest(source));
  const env = { HF_ENDPOINT: hub.url, POLYSEEK_MODEL_MANIFEST: manifest };
  return { hub, dataDir, env, base: ['--data-dir', dataDir] };
}

function statusOf(stdout: string[]) {
  return ModelStatusSchema.parse(JSON.parse(stdout.join('')));
}

describe('polyseek model', () => {
  it('lists its subcommands', async () => {
    const io = captureIo();
    expect(await runCli(['model', '--help'], io)).toBe(0);
    const help = io.stdout.join('\n');
    for (const command of ['status', 'download', 'cancel', 'locate', 'verify', 'quantize'])
      expect(help).toContain(command);
  });

  it('shows the status of an empty profile, as text and as JSON', async () => {
    const dataDir = await tempDir();
    const text = captureIo();
    expect(await runCli(['--data-dir', dataDir, 'model', 'status'], text)).toBe(0);
    expect(text.stdout.join('\n')).toMatch(
      /Model: +jinaai\/jina-embeddings-v3 @ ab036b023d30 \(CC-BY-NC-4.0, licence not accepted\)/,
    );
    expect(text.stdout.join('\n')).toMatch(/config\.json .* missing/);

    const json = captureIo();
    expect(await runCli(['--data-dir', dataDir, '--json', 'model', 'status'], json)).toBe(0);
    const status = statusOf(json.stdout);
    expect(status).toMatchObject({ endpoint: 'https://huggingface.co', dirSource: 'profile', token: false });
    expect(status.variants.map((v) => v.complete)).toEqual([false, false, false]);
  });

  it('downloads with progress on stderr and the result on stdout, then verifies', async () => {
    const { env, base, dataDir } = await setup();
    const io = captureIo({ env });
    expect(await runCli([...base, 'model', 'download'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^fp32 downloaded and verified: 5 file\(s\)/);
    expect(io.stderr.some((line) => line.startsWith('downloading onnx/model.onnx'))).toBe(true);

    const verify = captureIo({ env });
    expect(await runCli([...base, '--json', 'model', 'verify'], verify)).toBe(0);
    const status = statusOf(verify.stdout);
    expect(status.job).toMatchObject({ kind: 'verify', state: 'done' });
    expect(status.variants[0]).toMatchObject({ variant: 'fp32', complete: true, verified: true });
    expect(status.dir).toBe(join(dataDir, 'models', 'jinaai--jina-embeddings-v3'));
  });

  it('redraws one progress line on a terminal', async () => {
    const { env, base } = await setup();
    const io = captureIo({ env, stderrIsTty: true });
    expect(await runCli([...base, 'model', 'download', '--variant', 'fp32'], io)).toBe(0);
    expect(io.stderr.some((chunk) => chunk.startsWith('\rdownloading'))).toBe(true);
    expect(io.stderr.at(-1)).toBe('\n');
  });

  it('fails with the error code when the hub refuses a file', async () => {
    const { env, base, hub } = await setup();
    hub.fault('config.json', { status: 404 });
    const io = captureIo({ env });
    expect(await runCli([...base, 'model', 'download'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /polyseek: DOWNLOAD_FAILED: config\.json from http:\/\/127\.0\.0\.1:\d+\/.*: HTTP 404/,
    );
  });

  it('cancels cleanly on Ctrl+C, keeping the partial download', async () => {
    const { env, base, hub, dataDir } = await setup();
    hub.fault('onnx/model.onnx', { holdAfter: 1024 });
    const io = captureIo({ env });
    const run = runCli([...base, 'model', 'download'], io);
    await hub.held;
    io.stop();
    expect(await run).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/SIGTERM, cancelling the model job/);
    expect(io.stderr.join('\n')).toMatch(/CANCELLED: download cancelled; the partial download is kept/);
    const status = captureIo({ env });
    await runCli(['--data-dir', dataDir, '--json', 'model', 'status'], status);
    expect(statusOf(status.stdout).files.find((f) => f.path === 'onnx/model.onnx')?.check).toBe('missing');
  });

  it('locates a folder in place or copies it, and resolves relative paths', async () => {
    const { env, base, dataDir } = await setup();
    const folder = await copyModelFolder(source, join(await tempDir(), 'stick'));
    const use = captureIo({ env });
    expect(await runCli([...base, 'model', 'locate', folder], use)).toBe(0);
    expect(use.stdout.join('\n')).toMatch(/^using .*stick in place: 5 file\(s\) checked, variants fp32/);
    const setting = captureIo({ env });
    await runCli([...base, 'settings', 'get', 'model.dir'], setting);
    expect(setting.stdout.join('')).toBe(JSON.stringify(folder));

    const copy = captureIo({ env });
    const relativePath = join('..', '..', folder).replace(/^(\.\.\/)+/, () => '/');
    expect(await runCli([...base, 'model', 'locate', relativePath, '--copy'], copy)).toBe(0);
    expect(copy.stdout.join('\n')).toMatch(/^copied .* into .*jinaai--jina-embeddings-v3/);
    const cleared = captureIo({ env });
    await runCli([...base, 'settings', 'get', 'model.dir'], cleared);
    expect(cleared.stdout.join('')).toBe('null');

    const missing = captureIo({ env });
    expect(await runCli([...base, 'model', 'locate', join(dataDir, 'nowhere')], missing)).toBe(1);
    expect(missing.stderr.join('\n')).toContain('MODEL_NOT_FOUND');
  });

  it('quantizes to int8 with the licence accepted (the real quantizer), and says the model has no licence otherwise', async () => {
    const { env, base } = await setup();
    expect(await runCli([...base, 'model', 'download'], captureIo({ env }))).toBe(0);
    const refused = captureIo({ env });
    expect(await runCli([...base, 'model', 'quantize'], refused)).toBe(1);
    expect(refused.stderr.join('\n')).toContain('LICENSE_NOT_ACCEPTED');

    expect(await runCli([...base, 'license', 'accept', '--yes'], captureIo({ env }))).toBe(0);
    const io = captureIo({ env });
    const code = await runCli([...base, '--json', 'model', 'quantize'], io);
    expect(io.stderr.join('\n')).not.toContain('INTERNAL');
    expect(code).toBe(0);
    const status = statusOf(io.stdout);
    expect(status.int8).toMatchObject({ passed: true });
    expect(status.int8?.meanCosine).toBeGreaterThanOrEqual(0.99);
    expect(status.variants.find((v) => v.variant === 'int8')).toMatchObject({ complete: true });
  });

  it('sets the endpoint and clears the located folder through settings', async () => {
    const dataDir = await tempDir();
    const set = captureIo();
    expect(
      await runCli(['--data-dir', dataDir, 'settings', 'set', 'model.endpoint', 'https://hf-mirror.example/'], set),
    ).toBe(0);
    const status = captureIo();
    await runCli(['--data-dir', dataDir, '--json', 'model', 'status'], status);
    expect(statusOf(status.stdout).endpoint).toBe('https://hf-mirror.example');
    expect(await runCli(['--data-dir', dataDir, 'settings', 'set', 'model.endpoint', 'ftp://x'], captureIo())).toBe(1);
    expect(await runCli(['--data-dir', dataDir, 'settings', 'set', 'model.dir', 'null'], captureIo())).toBe(0);
  });
});
