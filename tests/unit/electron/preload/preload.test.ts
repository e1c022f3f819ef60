import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import * as mainIpc from '../../../../electron/main/ipc';
import { COMMAND_CHANNEL, EVENT_CHANNEL, type PolyseekApi } from '../../../../electron/preload/polyseek-api';
import { contextBridge, ipcRenderer } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

let api: PolyseekApi;

beforeAll(async () => {
  await import('../../../../electron/preload/preload');
  api = contextBridge.exposed.get('polyseek') as PolyseekApi;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.removeAllListeners();
});

describe('preload', () => {
  it('exposes window.polyseek with exactly invoke and onEvent', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...contextBridge.exposed.keys()]).toEqual(['polyseek']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('uses the channels main listens on', () => {
    expect(COMMAND_CHANNEL).toBe(mainIpc.COMMAND_CHANNEL);
    expect(EVENT_CHANNEL).toBe(mainIpc.EVENT_CHANNEL);
  });

  it('invokes commands on the command channel and returns main’s Result', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { name: 'Polyseek' } });
    await expect(api.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { name: 'Polyseek' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(COMMAND_CHANNEL, 'app.info', {});
  });

  it('resolves an IPC failure (e.g. uncloneable input) as a Result instead of rejecting', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(api.invoke('settings.set', { compute: () => 1 })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'settings.set: An object could not be cloned.' },
    });
  });

  it('hands listeners the event payload only, never the IPC event with its sender', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const payload = { name: 'engine.state', payload: { state: 'ready', restarts: 0, message: null } };
    ipcRenderer.emit(EVENT_CHANNEL, { sender: ipcRenderer }, payload);
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0]).toEqual([payload]);
    unsubscribe();
    ipcRenderer.emit(EVENT_CHANNEL, { sender: ipcRenderer }, payload);
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const healthy = vi.fn();
    api.onEvent(() => {
      throw new Error('render bug');
    });
    api.onEvent(healthy);
    ipcRenderer.emit(EVENT_CHANNEL, {}, { name: 'settings.changed', payload: {} });
    expect(healthy).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
