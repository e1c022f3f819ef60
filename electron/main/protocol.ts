import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

import { protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'polyseek';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Sent with every app response: the renderer loads nothing that is not ours, and nothing inline. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * `app://polyseek/…` must be registered before `ready`. Standard + secure gives the renderer a real
 * origin (relative URLs, localStorage, fetch) instead of file://, which would share one origin with every
 * file on disk.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer folder on the app scheme (after `ready`). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}

/** True for URLs of our own content; everything else is foreign to the app windows. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // A custom scheme has an opaque origin for WHATWG URL ("null"), so compare scheme and host instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export type AppFile = { kind: 'file'; path: string } | { kind: 'forbidden' } | { kind: 'missing' };

/**
 * Maps a URL path to a file inside `rootDir`. The path is resolved and then real-pathed, and both must
 * stay inside the (real) root, so neither `..`, encoded separators, absolute paths nor a symlink can
 * reach a file outside the renderer build.
 */
export async function resolveAppFile(rootDir: string, pathname: string): Promise<AppFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0')) return { kind: 'forbidden' };
  const wanted = decoded.replace(/^\/+/, '') || 'index.html';
  const root = await realpath(rootDir).catch(() => null);
  if (root === null) return { kind: 'missing' };
  const candidate = resolve(root, wanted);
  if (!isInside(root, candidate)) return { kind: 'forbidden' };
  const real = await realpath(candidate).catch(() => null);
  if (real === null) return { kind: 'missing' };
  if (!isInside(root, real)) return { kind: 'forbidden' };
  const info = await stat(real);
  return info.isFile() ? { kind: 'file', path: real } : { kind: 'missing' };
}

/** The `protocol.handle` callback, free of Electron so it runs under plain Node in tests. */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plain(404, 'not found');
  const file = await resolveAppFile(rootDir, url.pathname);
  if (file.kind === 'forbidden') return plain(403, 'forbidden');
  if (file.kind === 'missing') return plain(404, 'not found');
  const body = await readFile(file.path);
  const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': type, 'Cache-Control': 'no-cache' },
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

function securityHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
