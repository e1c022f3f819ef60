import { describe, expect, it } from 'vitest';

import { bypassesProxy, describeProxy, proxyAuthorization, proxyFor } from '../../../../electron/engine/model/proxy';

const hub = new URL('https://huggingface.co/jinaai/x');
const mirror = new URL('http://10.1.2.3:8080/x');

describe('proxyFor', () => {
  it('takes https_proxy for https and http_proxy for http, lowercase first', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'proxy.corp:3128' };
    expect(proxyFor(hub, env)?.href).toBe('http://lower:2/');
    expect(proxyFor(mirror, env)?.href).toBe('http://proxy.corp:3128/');
    expect(proxyFor(hub, { HTTP_PROXY: 'http://only-http:1' })).toBeNull();
    expect(proxyFor(hub, {})).toBeNull();
  });

  it('refuses proxies it cannot speak to', () => {
    expect(() => proxyFor(hub, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' })).toThrow(/only http:\/\/ proxies/);
  });

  it('builds Basic credentials from the proxy URL and never shows them', () => {
    const proxy = new URL('http://ana:p%40ss@proxy:3128');
    expect(proxyAuthorization(proxy)).toBe(`Basic ${Buffer.from('ana:p@ss').toString('base64')}`);
    expect(proxyAuthorization(new URL('http://proxy:3128'))).toBeNull();
    expect(describeProxy(proxy)).toBe('http://proxy:3128');
  });
});

describe('bypassesProxy (NO_PROXY)', () => {
  it.each([
    ['*', hub, true],
    ['huggingface.co', hub, true],
    ['.huggingface.co', new URL('https://cdn.huggingface.co/x'), true],
    ['*.huggingface.co', new URL('https://cdn.huggingface.co/x'), true],
    ['huggingface.co', new URL('https://cdn.huggingface.co/x'), true],
    ['face.co', hub, false],
    ['huggingface.co:443', hub, true],
    ['huggingface.co:8443', hub, false],
    ['10.0.0.0/8', mirror, true],
    ['10.1.2.3', mirror, true],
    ['192.168.0.0/16', mirror, false],
    ['example.com, huggingface.co', hub, true],
    ['', hub, false],
  ])('%j for %s → %s', (noProxy, url, expected) => {
    expect(bypassesProxy(url, noProxy)).toBe(expected);
  });
});
