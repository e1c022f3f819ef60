import { isIP } from 'node:net';

import { PolyseekError } from '../../../shared';

/**
 * The proxy for a request to `target`, from the conventional variables: `https_proxy`/`HTTPS_PROXY` for
 * https URLs, `http_proxy`/`HTTP_PROXY` for http ones (lowercase first, as curl and Python do), unless
 * `no_proxy`/`NO_PROXY` matches. Only http:// proxies are supported (HTTPS goes through them with
 * CONNECT); ALL_PROXY is not read, because it usually names a SOCKS proxy.
 */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): URL | null {
  if (bypassesProxy(target, env['no_proxy'] ?? env['NO_PROXY'] ?? '')) return null;
  const raw =
    target.protocol === 'https:'
      ? (env['https_proxy'] ?? env['HTTPS_PROXY'])
      : (env['http_proxy'] ?? env['HTTP_PROXY']);
  if (raw === undefined || raw.trim() === '') return null;
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new PolyseekError('INVALID_INPUT', `the proxy setting ${JSON.stringify(redact(raw))} is not a URL`);
  }
  if (proxy.protocol !== 'http:') {
    throw new PolyseekError(
      'INVALID_INPUT',
      `proxy ${describeProxy(proxy)}: only http:// proxies are supported (https through them uses CONNECT)`,
    );
  }
  return proxy;
}

/** `http://proxy.corp:3128`, without credentials, for messages and status. */
export function describeProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

/** `Basic …` from the proxy URL's user and password, or null. */
export function proxyAuthorization(proxy: URL): string | null {
  if (proxy.username === '' && proxy.password === '') return null;
  const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

/**
 * `no_proxy` entries: `*` (everything), a host or IP (`example.com`, `10.0.0.5`), a domain suffix
 * (`.corp`, `*.corp`, or `corp` matching its subdomains too), optionally with `:port`, or an IPv4 CIDR.
 */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const rawEntry of noProxy.split(/[\s,]+/)) {
    const entry = rawEntry.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const [name = '', entryPort] = splitPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (name.includes('/') && isIP(host) === 4 && inCidr(host, name)) return true;
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

function splitPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2]];
  const match = /^([^:]+):(\d+)$/.exec(entry);
  return match ? [match[1] ?? '', match[2]] : [entry, undefined];
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(base) !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4(ip) & mask) >>> 0 === (ipv4(base) & mask) >>> 0;
}

function ipv4(ip: string): number {
  return ip.split('.').reduce((value, part) => ((value << 8) | Number(part)) >>> 0, 0);
}

function redact(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//…@');
}
