import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  handleAppProtocol,
  isAppUrl,
  registerAppScheme,
  resolveAppFile,
  serveAppRequest,
} from '../../../../electron/main/protocol';
import { protocol } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'polyseek-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Polyseek</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside');
  // A sibling whose name starts with the root's: the classic startsWith() prefix-check bug.
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'a.js'), 'evil');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  await symlink(join(root, 'assets', 'app.js'), join(root, 'inside-link.js'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppFile', () => {
  it('maps / and paths inside the renderer folder to their files', async () => {
    await expect(resolveAppFile(root, '/')).resolves.toMatchObject({
      kind: 'file',
      path: expect.stringMatching(/index\.html$/) as string,
    });
    await expect(resolveAppFile(root, '/assets/app.js')).resolves.toMatchObject({ kind: 'file' });
    await expect(resolveAppFile(root, '/inside-link.js')).resolves.toMatchObject({ kind: 'file' });
  });

  it.each([
    ['/../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/assets/..%2f..%2fsecret.txt'],
    ['/..%5csecret.txt/../../secret.txt'],
    ['/../renderer-evil/a.js'],
    ['/link.txt'],
    ['/%E0%A4%A'],
    ['/index.html%00.js'],
  ])('refuses %s', async (pathname) => {
    await expect(resolveAppFile(root, pathname)).resolves.toEqual({ kind: 'forbidden' });
  });

  it('reports missing files and folders as missing', async () => {
    await expect(resolveAppFile(root, '/nope.js')).resolves.toEqual({ kind: 'missing' });
    await expect(resolveAppFile(root, '/assets')).resolves.toEqual({ kind: 'missing' });
    await expect(resolveAppFile(join(base, 'not-built'), '/index.html')).resolves.toEqual({ kind: 'missing' });
  });
});

describe('serveAppRequest', () => {
  it('serves files with their type and the content security policy', async () => {
    const response = await serveAppRequest(root, new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Polyseek</title>');
    const script = await serveAppRequest(root, new Request('app://polyseek/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and foreign hosts, 403 for escapes, 405 for writes', async () => {
    expect((await serveAppRequest(root, new Request('app://polyseek/missing.css'))).status).toBe(404);
    expect((await serveAppRequest(root, new Request('app://other/index.html'))).status).toBe(404);
    // The URL parser already folds `%2e%2e` segments; an encoded slash survives it and must be caught here.
    expect((await serveAppRequest(root, new Request('app://polyseek/assets/..%2f..%2fsecret.txt'))).status).toBe(403);
    const post = await serveAppRequest(root, new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('sends no body for HEAD', async () => {
    const response = await serveAppRequest(root, new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetch-capable, and serves it from the renderer folder', async () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    handleAppProtocol(root);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler?.(new Request('app://polyseek/assets/app.js')))?.status).toBe(200);
  });

  it('recognises only app://polyseek URLs as the app', () => {
    expect(isAppUrl('app://polyseek/index.html')).toBe(true);
    expect(isAppUrl('app://polyseek.evil/index.html')).toBe(false);
    expect(isAppUrl('https://polyseek/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
