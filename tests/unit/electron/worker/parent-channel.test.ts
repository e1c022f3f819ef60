import { EventEmitter } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import { connectParent, type WorkerProcessLike } from '../../../../electron/worker/parent-channel';

describe('connectParent', () => {
  it('uses Electron’s parentPort when there is one, unwrapping MessageEvents', () => {
    const port = Object.assign(new EventEmitter(), { postMessage: vi.fn() });
    const proc = Object.assign(new EventEmitter(), { parentPort: port, send: vi.fn() });
    const channel = connectParent(proc);
    const received: unknown[] = [];
    channel.onMessage((message) => received.push(message));
    port.emit('message', { data: { type: 'shutdown' }, ports: [] });
    expect(received).toEqual([{ type: 'shutdown' }]);
    channel.post({ type: 'ready' });
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'ready' });
    expect(proc.send).not.toHaveBeenCalled();
  });

  it('falls back to Node’s IPC channel under child_process.fork', () => {
    const proc = Object.assign(new EventEmitter(), { parentPort: undefined, send: vi.fn(() => true) });
    const channel = connectParent(proc);
    const received: unknown[] = [];
    const disconnected = vi.fn();
    channel.onMessage((message) => received.push(message));
    channel.onDisconnect(disconnected);
    proc.emit('message', { type: 'shutdown' });
    proc.emit('disconnect');
    channel.post({ type: 'ready' });
    expect(received).toEqual([{ type: 'shutdown' }]);
    expect(disconnected).toHaveBeenCalledOnce();
    expect(proc.send).toHaveBeenCalledWith({ type: 'ready' });
  });

  it('refuses to run without a parent to talk to', () => {
    expect(() => connectParent(new EventEmitter() as unknown as WorkerProcessLike)).toThrow(/utilityProcess/);
  });
});
