import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { MAX_BODY_BYTES, serve, type RunningServe } from '../../../electron/server';
import { COMMAND_NAMES, commands, type CommandName } from '../../../shared';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const running: RunningServe[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(options: { token?: string; host?: string } = {}): Promise<RunningServe & { dataDir: string }> {
  const dataDir = await tempDir();
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Polyseek</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dataDir, 'secret.txt'), 'not for the web');
  const server = await serve({
    dataDir,
    host: options.host ?? '127.0.0.1',
    port: 0,
    token: options.token ?? null,
    rendererDir,
  });
  running.push(server);
  return { ...server, dataDir };
}

interface Reply {
  status: number;
  body: unknown;
  text: string;
}

/** Raw HTTP, so tests control every header and byte (fetch would fix Host and Origin for us). */
function send(
  port: number,
  path: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = null;
          }
          resolve({ status: res.statusCode ?? 0, body, text });
        });
      },
    );
    req.on('error', (error) => {
      reject(error);
    });
    req.end(options.body);
  });
}

const command = (port: number, name: string, input: unknown, headers?: Record<string, string>) =>
  send(port, `/api/commands/${name}`, { body: JSON.stringify(input), headers });

/** Payloads no command accepts, built from each command's own input shape. */
function badPayloads(name: CommandName): unknown[] {
  const shape = (commands[name].input as unknown as { shape: Record<string, unknown> }).shape;
  const keys = Object.keys(shape);
  const huge = 'x'.repeat(200_000);
  const payloads: unknown[] = [null, 42, 'settings', [], [{}], true, { unexpected: 1 }, { [huge.slice(0, 5000)]: 1 }];
  for (const key of keys) {
    payloads.push({ [key]: huge }, { [key]: -0.5 }, { [key]: { deep: { deeper: [huge] } } }, { [key]: null });
  }
  payloads.push(JSON.parse('{"__proto__": {"polluted": true}}'));
  // A field may accept null (`answer.setKey {apiKey: null}` forgets the key): only invalid payloads count.
  return payloads.filter((payload) => !commands[name].input.safeParse(payload).success);
}

describe('HTTP host: every command refuses invalid input with a typed error', () => {
  it.each(COMMAND_NAMES)('%s', async (name) => {
    const { port } = await start();
    for (const payload of badPayloads(name)) {
      const reply = await command(port, name, payload);
      expect(reply.status, `${name} ${JSON.stringify(payload).slice(0, 80)}`).toBe(400);
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.any(String) as string },
      });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Still alive and well afterwards.
    expect((await command(port, 'app.info', {})).body).toMatchObject({
      ok: true,
      value: { name: 'Polyseek', host: 'server' },
    });
  });
});

describe('HTTP host: transport errors', () => {
  it('answers invalid JSON, wrong content type, wrong method and unknown commands with typed errors', async () => {
    const { port } = await start();
    expect(await send(port, '/api/commands/settings.get', { body: '{"oops"' })).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    expect(
      await send(port, '/api/commands/settings.get', { body: '{}', headers: { 'content-type': 'text/plain' } }),
    ).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    expect(await send(port, '/api/commands/settings.get', { method: 'GET' })).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    expect(await command(port, 'no.such.command', {})).toMatchObject({
      status: 404,
      body: { error: { code: 'UNKNOWN_COMMAND' } },
    });
    expect(await command(port, '%E0%A4%A', {})).toMatchObject({
      status: 404,
      body: { error: { code: 'UNKNOWN_COMMAND' } },
    });
  });

  it('refuses bodies over the limit with PAYLOAD_TOO_LARGE, declared or streamed', async () => {
    const { port } = await start();
    const declared = await send(port, '/api/commands/settings.set', {
      body: '{}',
      headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
    });
    expect(declared).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const streamed = await send(port, '/api/commands/settings.set', {
      body: JSON.stringify({ encoder: { queryTask: 'x'.repeat(MAX_BODY_BYTES) } }),
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(streamed).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect((await command(port, 'settings.get', {})).status).toBe(200);
  });

  it('an empty body is an empty input', async () => {
    const { port } = await start();
    expect((await send(port, '/api/commands/license.status', { body: '' })).body).toMatchObject({
      ok: true,
      value: { accepted: false },
    });
  });
});

describe('HTTP host: access', () => {
  it('requires the bearer token when one is configured', async () => {
    const token = 'a-long-enough-test-token-0123456789';
    const { port } = await start({ token });
    expect(await command(port, 'app.info', {})).toMatchObject({
      status: 401,
      body: { ok: false, error: { code: 'UNAUTHORIZED' } },
    });
    expect(await command(port, 'app.info', {}, { authorization: 'Bearer wrong-token-wrong-token' })).toMatchObject({
      status: 401,
    });
    expect(await command(port, 'app.info', {}, { authorization: `Bearer ${token}` })).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    expect((await send(port, '/api/events', { method: 'GET' })).status).toBe(401);
    expect(await send(port, '/api/hello', { method: 'GET' })).toMatchObject({
      status: 200,
      body: { authRequired: true },
    });
  });

  it('on 0.0.0.0 with a token, requests without it get 401', async () => {
    const token = 'another-long-enough-test-token-42';
    const { port } = await start({ host: '0.0.0.0', token });
    expect(await command(port, 'settings.get', {})).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED' } },
    });
    expect(await command(port, 'settings.get', {}, { authorization: `Bearer ${token}` })).toMatchObject({
      status: 200,
    });
  });

  it('refuses to bind beyond loopback without a token, and refuses short tokens', async () => {
    const dataDir = await tempDir();
    const base = { dataDir, port: 0, rendererDir: dataDir };
    await expect(serve({ ...base, host: '0.0.0.0', token: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('refusing to listen on 0.0.0.0 without a bearer token') as string,
    });
    await expect(serve({ ...base, host: '127.0.0.1', token: 'short' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('refuses foreign Host headers (DNS rebinding) and cross-origin requests', async () => {
    const { port } = await start();
    expect(await command(port, 'app.info', {}, { host: 'evil.example:80' })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    expect(await command(port, 'app.info', {}, { origin: 'http://evil.example' })).toMatchObject({ status: 403 });
    expect(await command(port, 'app.info', {}, { origin: `http://127.0.0.1:${port}` })).toMatchObject({ status: 200 });
  });
});

describe('HTTP host: the interface and events', () => {
  it('serves the built renderer with security headers and never files outside it', async () => {
    const { port } = await start();
    const index = await send(port, '/', { method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>Polyseek</title>');
    expect((await send(port, '/search/deep/link', { method: 'GET' })).text).toContain('Polyseek');
    expect((await send(port, '/assets/app.js', { method: 'GET' })).status).toBe(200);
    expect((await send(port, '/assets/missing.js', { method: 'GET' })).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await send(port, path, { method: 'GET' });
      expect(reply.text, path).not.toContain('not for the web');
    }
  });

  it('streams events: a settings change reaches a subscriber', async () => {
    const { port } = await start();
    const received: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/events', method: 'GET' }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received.push(chunk);
          if (received.join('').includes('"settings.changed"')) {
            req.destroy();
            resolve();
          }
        });
        void command(port, 'settings.set', { encoder: { dims: 64 } });
      });
      req.on('error', reject);
      req.end();
    });
    await done;
    const text = received.join('');
    expect(text).toContain('"engine.state"');
    const line = text.split('\n').find((l) => l.includes('"settings.changed"')) ?? '';
    expect(JSON.parse(line.replace(/^data: /, ''))).toMatchObject({
      name: 'settings.changed',
      payload: { settings: { encoder: { dims: 64 } } },
    });
  });
});
