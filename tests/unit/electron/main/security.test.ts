import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { denyAllPermissions, hardenAllWebContents } from '../../../../electron/main/security';
import { MockWebContents, app, mockEvent, resetElectronMock, session } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

beforeEach(() => resetElectronMock());

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    denyAllPermissions(session.defaultSession as unknown as Session);
    const request = session.defaultSession.setPermissionRequestHandler.mock.lastCall?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.defaultSession.setPermissionCheckHandler.mock.lastCall?.[0] as () => boolean;
    expect(check()).toBe(false);
  });
});

describe('hardenAllWebContents', () => {
  it('hardens every webContents the app creates', () => {
    hardenAllWebContents();
    const contents = new MockWebContents();
    app.emit('web-contents-created', mockEvent(), contents);
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    const webview = mockEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    const away = mockEvent('https://example.com/');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
  });
});
