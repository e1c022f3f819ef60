import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { defaultModelDir } from '../../../electron/engine/engine';
import { FakeHub, startSyntheticHub } from '../../fixtures/fake-hub';
import { SYNTHETIC_FILES, TEST_REPO, TEST_REVISION, syntheticManifest } from '../../fixtures/model-manifest';
import { useModelRuntimes } from '../../fixtures/model-runtime';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';
import { startTestProxy } from '../../fixtures/test-proxy';

const tempDir = useTempDirs();
const openModelRuntime = useModelRuntimes();
const closers: (() => Promise<void>)[] = [];
let source: string;

beforeAll(async () => {
  source = await ensureSyntheticModel('tiny');
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A self-signed certificate for 127.0.0.1, made with openssl (null when openssl is not installed). */
async function selfSignedCert(): Promise<{ key: string; cert: string } | null> {
  const dir = await tempDir();
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return null;
  }
  return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
}

async function download(hub: FakeHub, env: NodeJS.ProcessEnv, ca?: string) {
  const dataDir = await tempDir();
  const { runtime, finished } = await openModelRuntime(dataDir, {
    manifest: await syntheticManifest(source),
    env: { HF_ENDPOINT: hub.url, ...env },
    freeSpace: () => Promise.resolve(1e12),
    ...(ca ? { network: { retryDelayMs: 1, retries: 1, ca } } : {}),
  });
  await runtime.invoke('model.download', { variant: 'fp32' });
  return { job: await finished(), modelDir: defaultModelDir(dataDir) };
}

describe('downloads through a proxy', () => {
  it('sends http requests to HTTP_PROXY in absolute form, with its credentials', async () => {
    const hub = await startSyntheticHub(source);
    const proxy = await startTestProxy();
    closers.push(
      () => hub.close(),
      () => proxy.close(),
    );
    const proxyUrl = new URL(proxy.url);
    proxyUrl.username = 'ana';
    proxyUrl.password = 's3cret';
    const { job } = await download(hub, { HTTP_PROXY: proxyUrl.href, NO_PROXY: 'example.com' });
    expect(job).toMatchObject({ state: 'done' });
    expect(proxy.log.map((e) => e.target)).toContain(`${hub.url}/${TEST_REPO}/resolve/${TEST_REVISION}/config.json`);
    expect(proxy.log.some((e) => e.target.startsWith(`${hub.url}/cdn/`))).toBe(true);
    expect(
      proxy.log.every((e) => e.proxyAuthorization === `Basic ${Buffer.from('ana:s3cret').toString('base64')}`),
    ).toBe(true);
    // Every file the hub served went through the proxy.
    expect(proxy.log).toHaveLength(hub.requests.length);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const hub = await new FakeHub({
      dir: source,
      files: SYNTHETIC_FILES,
      repo: TEST_REPO,
      revision: TEST_REVISION,
    }).start();
    const proxy = await startTestProxy();
    closers.push(
      () => hub.close(),
      () => proxy.close(),
    );
    const { job } = await download(hub, { http_proxy: proxy.url, no_proxy: '127.0.0.1' });
    expect(job).toMatchObject({ state: 'done' });
    expect(proxy.log).toEqual([]);
  });

  it('tunnels https through HTTPS_PROXY with CONNECT and checks the server certificate', async () => {
    const tls = await selfSignedCert();
    if (!tls) return; // openssl is not installed: nothing to make a certificate with
    const hub = await startSyntheticHub(source, { tls });
    const proxy = await startTestProxy();
    closers.push(
      () => hub.close(),
      () => proxy.close(),
    );
    const { job } = await download(hub, { HTTPS_PROXY: proxy.url }, tls.cert);
    expect(job).toMatchObject({ state: 'done' });
    const port = new URL(hub.url).port;
    expect(proxy.log.length).toBeGreaterThan(0);
    expect(proxy.log.every((e) => e.method === 'CONNECT' && e.target === `127.0.0.1:${port}`)).toBe(true);

    // Without the certificate's CA the TLS check refuses the server, through the tunnel as without one.
    const untrusted = await download(hub, { HTTPS_PROXY: proxy.url });
    expect(untrusted.job).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_FAILED' } });
    expect(untrusted.job.error?.message).toMatch(/certificate/i);
  });
});
