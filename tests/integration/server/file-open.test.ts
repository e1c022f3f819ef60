import { realpath, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { FileOpener } from '../../../electron/engine/search/system-opener';
import { serve, type RunningServe } from '../../../electron/server';
import { PolyseekError } from '../../../shared';
import { INDEXED_TEXT, indexedFiles, type IndexedFiles } from '../../fixtures/indexed-files';

const TOKEN = 'a-long-enough-test-token-0123456789';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly body: unknown;
}

/** Raw HTTP, so the test sets Host, Origin and Sec-Fetch-Site itself. */
function send(
  port: number,
  path: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {
            // A file's bytes, not a Result.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

function recorder() {
  return {
    open: vi.fn<FileOpener['open']>(() => Promise.resolve()),
    reveal: vi.fn<FileOpener['reveal']>(() => Promise.resolve()),
  };
}

let files: IndexedFiles;
const servers: RunningServe[] = [];

async function start(options: { host: string; token: string | null; ttlMs?: number }) {
  const opener = recorder();
  const server = await serve({
    dataDir: files.dataDir,
    host: options.host,
    port: 0,
    token: options.token,
    rendererDir: join(files.base, 'renderer'),
    opener,
    ...(options.ttlMs === undefined ? {} : { fileTicketTtlMs: options.ttlMs }),
  });
  servers.push(server);
  const bearer: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const call = (name: string, input: unknown, headers: Record<string, string> = bearer) =>
    send(server.port, `/api/commands/${name}`, { body: input, headers });
  return { server, opener, call, bearer };
}

beforeAll(async () => {
  files = await indexedFiles();
  // The server opens the profile itself, as `polyseek serve` would.
  await files.closeRuntime();
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await files.dispose();
});

describe('server bound to loopback: files open on this machine', () => {
  it('opens an indexed file with the injected opener, at its page', async () => {
    const { opener, call } = await start({ host: '127.0.0.1', token: null });
    const pdf = await realpath(join(files.docs, 'tides.pdf'));
    const opened = await call('file.open', { path: join(files.docs, 'tides.pdf'), page: 2 });
    expect(opened).toMatchObject({ status: 200, body: { ok: true, value: { path: pdf, opened: true, url: null } } });
    expect(opener.open).toHaveBeenCalledExactlyOnceWith(pdf, 2);
    const revealed = await call('file.reveal', { path: join(files.docs, 'good.txt') });
    expect(revealed.body).toMatchObject({ ok: true, value: { opened: true } });
    expect(opener.reveal).toHaveBeenCalledExactlyOnceWith(await realpath(join(files.docs, 'good.txt')));
  });

  it('refuses paths outside the roots, unindexed files and scripts without calling the opener', async () => {
    const { opener, call } = await start({ host: '127.0.0.1', token: null });
    await writeFile(join(files.docs, 'new.txt'), 'written after indexing');
    const cases: [string, number, string][] = [
      [join(files.outside, 'secret.txt'), 403, 'PATH_OUTSIDE_ROOTS'],
      [`${files.docs}/../outside/secret.txt`, 403, 'PATH_OUTSIDE_ROOTS'],
      ['/etc/passwd', 403, 'PATH_OUTSIDE_ROOTS'],
      [join(files.docs, 'new.txt'), 404, 'FILE_NOT_INDEXED'],
      [join(files.docs, 'empty.txt'), 404, 'FILE_NOT_INDEXED'],
      [join(files.docs, 'run.sh'), 403, 'FORBIDDEN'],
    ];
    for (const [path, status, code] of cases) {
      const reply = await call('file.open', { path });
      expect({ path, status: reply.status, body: reply.body }).toMatchObject({
        path,
        status,
        body: { ok: false, error: { code } },
      });
    }
    expect(opener.open).not.toHaveBeenCalled();
  });

  it("reports the opener's failure", async () => {
    const { opener, call } = await start({ host: '127.0.0.1', token: null });
    opener.open.mockRejectedValueOnce(new PolyseekError('INTERNAL', 'cannot open: xdg-open is not installed'));
    const reply = await call('file.open', { path: join(files.docs, 'good.txt') });
    expect(reply).toMatchObject({
      status: 500,
      body: { ok: false, error: { message: expect.stringContaining('xdg-open') as string } },
    });
  });

  it('serves the file route to its own pages only (Host and Sec-Fetch-Site checked)', async () => {
    const { server } = await start({ host: '127.0.0.1', token: null });
    const path = `/api/file?path=${encodeURIComponent(join(files.docs, 'good.txt'))}`;
    expect(await send(server.port, path)).toMatchObject({ status: 200, text: INDEXED_TEXT });
    const rebound = await send(server.port, path, { headers: { host: `evil.example:${server.port}` } });
    expect(rebound).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const foreign = await send(server.port, path, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });
});

describe('server bound to the network: a URL, never an opener on the server', () => {
  it('requires the token for file.open and answers a ticketed URL of the file route', async () => {
    const { opener, call, server } = await start({ host: '0.0.0.0', token: TOKEN });
    const good = join(files.docs, 'good.txt');
    expect(await call('file.open', { path: good }, {})).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED' } },
    });

    const reply = await call('file.open', { path: good, page: 4 });
    const value = (reply.body as { value: { path: string; opened: boolean; url: string } }).value;
    expect(value).toMatchObject({ path: await realpath(good), opened: false });
    // Relative, same server; no #page for a text file.
    expect(value.url).toMatch(/^\/api\/file\?path=[^#]+&expires=\d+&ticket=[\w-]+$/);

    // A browser tab cannot send the bearer token: the ticket stands in for it.
    const served = await send(server.port, value.url);
    expect(served).toMatchObject({ status: 200, text: INDEXED_TEXT });
    expect(served.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-disposition': `inline; filename="good.txt"; filename*=UTF-8''good.txt`,
      'content-security-policy': expect.stringContaining('sandbox') as string,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(opener.open).not.toHaveBeenCalled();

    const revealed = await call('file.reveal', { path: good });
    expect(revealed.body).toEqual({ ok: true, value: { path: await realpath(good), opened: false, url: null } });
    expect(opener.reveal).not.toHaveBeenCalled();
  });

  it('gives PDFs their page and their own type', async () => {
    const { call, server } = await start({ host: '0.0.0.0', token: TOKEN });
    const reply = await call('file.open', { path: join(files.docs, 'tides.pdf'), page: 2 });
    const url = (reply.body as { value: { url: string } }).value.url;
    expect(url).toMatch(/#page=2$/);
    const served = await send(server.port, url.replace(/#.*$/, ''), { method: 'HEAD' });
    expect(served).toMatchObject({ status: 200, text: '' });
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-security-policy']).not.toContain('sandbox');
  });

  it('guards the file route: token or a ticket for that very path, then the same check', async () => {
    const { call, server, bearer } = await start({ host: '0.0.0.0', token: TOKEN });
    const route = (path: string) => `/api/file?path=${encodeURIComponent(path)}`;
    const good = join(files.docs, 'good.txt');
    expect(await send(server.port, route(good))).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED' } },
    });
    expect(await send(server.port, route(good), { headers: bearer })).toMatchObject({
      status: 200,
      text: INDEXED_TEXT,
    });

    // A ticket for good.txt does not open another file.
    const url = ((await call('file.open', { path: good })).body as { value: { url: string } }).value.url;
    const query = new URL(url, 'http://x').searchParams;
    query.set('path', join(files.outside, 'secret.txt'));
    expect(await send(server.port, `/api/file?${query.toString()}`)).toMatchObject({ status: 401 });

    const page = await send(server.port, route(join(files.docs, 'page.html')), { headers: bearer });
    expect(page).toMatchObject({ status: 200, headers: { 'content-type': 'text/plain' } });
    expect(page.headers['content-security-policy']).toContain('sandbox');

    for (const [path, status, code] of [
      [join(files.outside, 'secret.txt'), 403, 'PATH_OUTSIDE_ROOTS'],
      [`${files.docs}/../outside/secret.txt`, 403, 'PATH_OUTSIDE_ROOTS'],
      ['good.txt', 403, 'PATH_OUTSIDE_ROOTS'],
      [join(files.docs, 'broken.pdf'), 404, 'FILE_NOT_INDEXED'],
    ] as const) {
      const reply = await send(server.port, route(path), { headers: bearer });
      expect({ path, status: reply.status, body: reply.body }).toMatchObject({
        path,
        status,
        body: { error: { code } },
      });
      expect(reply.text).not.toContain('not for the renderer');
    }
  });

  it('refuses an expired ticket', async () => {
    const { call, server } = await start({ host: '0.0.0.0', token: TOKEN, ttlMs: -1000 });
    const url = ((await call('file.open', { path: join(files.docs, 'good.txt') })).body as { value: { url: string } })
      .value.url;
    expect(await send(server.port, url)).toMatchObject({ status: 401 });
  });
});
