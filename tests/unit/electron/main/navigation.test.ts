import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { externalUrl, hardenWebContents } from '../../../../electron/main/navigation';
import { MockWebContents, mockEvent, resetElectronMock, shell } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

beforeEach(() => resetElectronMock());

function hardened(): { contents: MockWebContents; log: ReturnType<typeof vi.fn> } {
  const contents = new MockWebContents();
  const log = vi.fn();
  hardenWebContents(contents as unknown as WebContents, log);
  return { contents, log };
}

describe('externalUrl', () => {
  it.each([
    ['https://jina.ai/models', 'https://jina.ai/models'],
    ['http://localhost:11434/', 'http://localhost:11434/'],
    ['HTTPS://Example.COM/a b', 'https://example.com/a%20b'],
  ])('passes %s as %s', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://polyseek/index.html',
    'smb://server/share',
    'ms-settings:privacy',
    '//evil.example/',
    'not a url',
  ])('refuses %s', (raw) => {
    expect(externalUrl(raw)).toBeNull();
  });
});

describe('hardenWebContents', () => {
  it('denies every new window and opens web links in the browser', () => {
    const { contents, log } = hardened();
    expect(contents.openWindow('https://creativecommons.org/licenses/by-nc/4.0/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://creativecommons.org/licenses/by-nc/4.0/');
    expect(log).not.toHaveBeenCalled();
  });

  it('denies and logs windows for anything but http(s), without opening them', () => {
    const { contents, log } = hardened();
    expect(contents.openWindow('file:///home/me/.ssh/id_rsa')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('file:///home/me/.ssh/id_rsa'));
  });

  it('allows navigation inside the app only', () => {
    const { contents } = hardened();
    const inside = mockEvent('app://polyseek/index.html');
    contents.emit('will-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);

    const link = mockEvent('https://example.com/');
    contents.emit('will-navigate', link);
    expect(link.defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');

    const local = mockEvent('file:///etc/passwd');
    contents.emit('will-navigate', local);
    expect(local.defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks redirects away from the app without opening them', () => {
    const { contents, log } = hardened();
    const redirect = mockEvent('https://tracker.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    const attach = mockEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('logs a failure of the OS opener instead of throwing', async () => {
    const { contents, log } = hardened();
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    contents.openWindow('https://example.com/');
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('no browser')));
  });
});
