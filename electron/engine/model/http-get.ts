import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

import { PolyseekError, errorMessage } from '../../../shared';
import { describeProxy, proxyAuthorization, proxyFor } from './proxy';

export interface HttpGetOptions {
  /** Request headers (Range and the like); Authorization is added from `token`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Bearer token, sent only to `authOrigin`: never to the CDN a hub redirects large files to. */
  readonly token?: string | null;
  readonly authOrigin?: string;
  /** Proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** Redirects followed before giving up. Default 10 (the hub uses one, to its CDN). */
  readonly maxRedirects?: number;
  /** A connection silent this long is dropped (and retried by the caller). Default 60 000 ms. */
  readonly idleTimeoutMs?: number;
  /** Extra trusted CA certificates (PEM), for a mirror or test server with its own CA. */
  readonly ca?: string;
  /**
   * The sha256 the file must have: a hub redirect announcing another (X-Linked-ETag) fails with
   * CHECKSUM_MISMATCH before the CDN is asked for a byte.
   */
  readonly expectSha256?: string | null;
}

/** What the hub says about a file along the redirect chain. */
export interface HubFileInfo {
  /** `X-Linked-ETag` of an LFS file: its sha256. */
  readonly sha256: string | null;
  /** `X-Linked-Size`. */
  readonly size: number | null;
  /** A 40-hex `ETag`: the git blob id of a file stored in git itself. */
  readonly gitOid: string | null;
}

export interface HttpGetResult {
  readonly response: IncomingMessage;
  /** The URL that answered (after redirects). */
  readonly url: URL;
  readonly hub: HubFileInfo;
}

/** A network-level failure worth retrying (the caller resumes from the bytes it has). */
export class TransientError extends Error {}

/**
 * GET with redirects, proxies (CONNECT tunnels for https, absolute-form requests for http) and a
 * silence timeout. Resolves with the final response, whatever its status; rejects with TransientError
 * on connection problems, PolyseekError on problems a retry cannot fix.
 */
export async function httpGet(url: URL, options: HttpGetOptions): Promise<HttpGetResult> {
  const maxRedirects = options.maxRedirects ?? 10;
  let current = url;
  let hub: HubFileInfo = { sha256: null, size: null, gitOid: null };
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(current, options);
    hub = mergeHubInfo(hub, response);
    if (options.expectSha256 && hub.sha256 !== null && hub.sha256 !== options.expectSha256) {
      response.resume();
      throw new PolyseekError(
        'CHECKSUM_MISMATCH',
        `${url.href}: the server offers sha256 ${hub.sha256}, the manifest expects ${options.expectSha256}; not downloaded`,
      );
    }
    const location = response.headers.location;
    if (!isRedirect(response.statusCode) || location === undefined) return { response, url: current, hub };
    response.resume();
    if (redirects >= maxRedirects) {
      throw new PolyseekError('DOWNLOAD_FAILED', `${url.href}: more than ${maxRedirects} redirects`);
    }
    const next = new URL(location, current);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw new PolyseekError('DOWNLOAD_FAILED', `${url.href}: redirected to unsupported ${next.protocol} URL`);
    }
    current = next;
  }
}

function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function mergeHubInfo(known: HubFileInfo, response: IncomingMessage): HubFileInfo {
  const linked = unquote(header(response, 'x-linked-etag'));
  const etag = unquote(header(response, 'etag'));
  const size = Number(header(response, 'x-linked-size'));
  return {
    sha256: known.sha256 ?? (linked && /^[0-9a-f]{64}$/.test(linked) ? linked : null),
    size: known.size ?? (Number.isSafeInteger(size) && size >= 0 && header(response, 'x-linked-size') ? size : null),
    gitOid: known.gitOid ?? (etag && /^[0-9a-f]{40}$/.test(etag) ? etag : null),
  };
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function unquote(value: string | undefined): string | null {
  return value === undefined ? null : value.replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
}

async function requestOnce(url: URL, options: HttpGetOptions): Promise<IncomingMessage> {
  const headers: Record<string, string> = { 'User-Agent': 'Polyseek', ...options.headers };
  if (options.token && url.origin === options.authOrigin) headers['Authorization'] = `Bearer ${options.token}`;
  const proxy = proxyFor(url, options.env);
  let req: ClientRequest;
  try {
    req = await createRequest(url, headers, proxy, options);
  } catch (error) {
    // Some failures (a refused DNS lookup, a bad option) are thrown while the request is being created.
    throw classify(error, url);
  }
  return send(req, url, options.idleTimeoutMs ?? 60_000);
}

async function createRequest(
  url: URL,
  headers: Record<string, string>,
  proxy: URL | null,
  options: HttpGetOptions,
): Promise<ClientRequest> {
  let req: ClientRequest;
  if (url.protocol === 'https:') {
    const tunnel = proxy ? await openTunnel(proxy, url, options) : null;
    req = httpsRequest(url, {
      headers,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
      ...(tunnel ? { createConnection: () => tlsOver(tunnel, url, options.ca) } : {}),
    });
  } else if (proxy) {
    const auth = proxyAuthorization(proxy);
    req = httpRequest({
      host: proxy.hostname,
      port: proxy.port || 80,
      path: url.href, // absolute-form: the proxy forwards it
      headers: { ...headers, Host: url.host, ...(auth ? { 'Proxy-Authorization': auth } : {}) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } else {
    req = httpRequest(url, { headers, ...(options.signal ? { signal: options.signal } : {}) });
  }
  return req;
}

function send(req: ClientRequest, url: URL, idleTimeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.setTimeout(idleTimeoutMs, () => req.destroy(new TransientError(`no data for ${idleTimeoutMs / 1000} s`)));
    req.once('response', resolve);
    req.once('error', (error) => reject(classify(error, url)));
    req.end();
  });
}

/** Opens `CONNECT host:port` through the proxy and resolves with the raw tunnel socket. */
function openTunnel(proxy: URL, target: URL, options: HttpGetOptions): Promise<Socket> {
  const port = target.port || '443';
  const auth = proxyAuthorization(proxy);
  const authority = `${target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname}:${port}`;
  const req = httpRequest({
    host: proxy.hostname,
    port: proxy.port || 80,
    method: 'CONNECT',
    path: authority,
    headers: { Host: authority, ...(auth ? { 'Proxy-Authorization': auth } : {}) },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return new Promise((resolve, reject) => {
    req.setTimeout(options.idleTimeoutMs ?? 60_000, () => req.destroy(new TransientError('proxy did not answer')));
    req.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      const why = `proxy ${describeProxy(proxy)} refused CONNECT ${authority} (HTTP ${response.statusCode ?? '?'})`;
      reject(
        response.statusCode === 407
          ? new PolyseekError('DOWNLOAD_FAILED', `${why}: it needs credentials (http://user:pass@host:port)`)
          : new TransientError(why),
      );
    });
    req.once('error', (error) => reject(classify(error, target)));
    req.end();
  });
}

function tlsOver(socket: Socket, url: URL, ca: string | undefined): Socket {
  // SNI must be a name, never an IP address (RFC 6066); the certificate is still checked against the host.
  const servername = isIP(url.hostname.replace(/^\[|\]$/g, '')) === 0 ? url.hostname : undefined;
  return tlsConnect({
    socket,
    host: url.hostname,
    ...(servername ? { servername } : {}),
    ...(ca ? { ca } : {}),
    ALPNProtocols: ['http/1.1'],
  });
}

function classify(error: unknown, url: URL): Error {
  if (error instanceof PolyseekError || error instanceof TransientError) return error;
  const name = (error as Error | null)?.name;
  if (name === 'AbortError') return new PolyseekError('CANCELLED', `download of ${url.href} cancelled`);
  const code = (error as NodeJS.ErrnoException).code;
  // Certificate problems and unknown hosts do not fix themselves between retries.
  if (code === 'ENOTFOUND' || (code?.startsWith('ERR_TLS') ?? false) || /certificate/i.test(errorMessage(error))) {
    return new PolyseekError('DOWNLOAD_FAILED', `${url.href}: ${errorMessage(error)}`);
  }
  return new TransientError(errorMessage(error));
}
