import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createFileHandlers } from '../../../electron/engine/search/open-file';
import { PolyseekError, errorMessage, type FileOpenInput, type Result } from '../../../shared';
import { indexedFiles, type IndexedFiles } from '../../fixtures/indexed-files';
import { BrowserWindow, app, shell, invokeFromWindow, latestWorker } from '../../mocks/electron';

const invoke = invokeFromWindow;
const worker = latestWorker;

vi.mock('electron', () => import('../../mocks/electron'));

/**
 * The desktop path end to end, with Electron mocked: the renderer's IPC reaches main, main forwards to the
 * engine process — played here by the real engine check over a real index — and opens only what it
 * answered. The utility process is the mock's; its answers come from `createFileHandlers`.
 */
let files: IndexedFiles;
let userData: string;

beforeAll(async () => {
  files = await indexedFiles();
  const handlers = createFileHandlers({
    store: () => files.runtime.engine.indexer.openStore(),
    getSettings: () => files.runtime.settings.settings,
  });
  const answer = async (name: string, input: FileOpenInput): Promise<Result<unknown>> => {
    try {
      if (name === 'file.open') return { ok: true, value: await handlers['file.open'](input, {}) };
      if (name === 'file.reveal') return { ok: true, value: await handlers['file.reveal'](input, {}) };
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: name } };
    } catch (error) {
      if (error instanceof PolyseekError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'INTERNAL', message: errorMessage(error) } };
    }
  };

  vi.stubEnv('POLYSEEK_DATA_DIR', '');
  userData = await mkdtemp(join(tmpdir(), 'polyseek-electron-open-'));
  app.paths.set('userData', userData);
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  worker().postMessage.mockImplementation((message) => {
    const request = message as { type: string; id: unknown; name: string; input: FileOpenInput };
    if (request.type !== 'request') return;
    void answer(request.name, request.input).then((result) =>
      worker().reply({ type: 'response', id: request.id, result }),
    );
  });
  worker().reply({ type: 'ready' });
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await files.dispose();
  await rm(userData, { recursive: true, force: true });
});

describe('Electron: file.open from the renderer', () => {
  it('opens an indexed file with shell.openPath and reveals it with showItemInFolder', async () => {
    const good = join(files.docs, 'good.txt');
    const real = await realpath(good);
    expect(await invoke('file.open', { path: good, page: 1 })).toEqual({
      ok: true,
      value: { path: real, opened: true, url: null },
    });
    expect(shell.openPath).toHaveBeenLastCalledWith(real);
    expect(await invoke('file.reveal', { path: good })).toMatchObject({ ok: true, value: { opened: true } });
    expect(shell.showItemInFolder).toHaveBeenLastCalledWith(real);
  });

  it('never lets the renderer open a path outside the indexed roots, or an unindexed file', async () => {
    shell.openPath.mockClear();
    shell.showItemInFolder.mockClear();
    for (const [path, code] of [
      [join(files.outside, 'secret.txt'), 'PATH_OUTSIDE_ROOTS'],
      [`${files.docs}/../outside/secret.txt`, 'PATH_OUTSIDE_ROOTS'],
      ['/etc/passwd', 'PATH_OUTSIDE_ROOTS'],
      [join(files.docs, 'empty.txt'), 'FILE_NOT_INDEXED'],
      [join(files.docs, 'run.sh'), 'FORBIDDEN'],
    ] as const) {
      expect(await invoke('file.open', { path }), path).toMatchObject({ ok: false, error: { code } });
    }
    expect(await invoke('file.reveal', { path: join(files.outside, 'secret.txt') })).toMatchObject({ ok: false });
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
