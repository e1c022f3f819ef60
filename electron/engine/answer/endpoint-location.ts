import { isIP } from 'node:net';

/**
 * Where a chat endpoint runs, for the warning that passages leave the machine: `loopback` (this
 * machine), `private` (the local network: RFC 1918, link-local, unique-local IPv6, `.local` and
 * single-label host names), else `public`.
 */
export function endpointLocation(url: string): 'loopback' | 'private' | 'public' {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return 'public';
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) {
      return 'private';
    }
    return 'public';
  }
  if (version === 6) {
    if (host === '::1') return 'loopback';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped?.[1]) return endpointLocation(`http://${mapped[1]}/`);
    if (/^f[cd]/.test(host) || /^fe[89ab]/.test(host)) return 'private';
    return 'public';
  }
  if (host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.internal') || !host.includes('.')) {
    return 'private';
  }
  return 'public';
}
