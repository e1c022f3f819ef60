import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { settingsPath } from '../../../../electron/engine/paths';
import { SettingsFile } from '../../../../electron/engine/settings';
import { createMainCommands, type EngineClient } from '../../../../electron/main/main-commands';
import { err, ok, type Result } from '../../../../shared';
import { resetElectronMock, shell } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

let dataDir: string;
let settings: SettingsFile;
beforeEach(async () => {
  resetElectronMock();
  dataDir = await mkdtemp(join(tmpdir(), 'polyseek-main-files-'));
  settings = await SettingsFile.open(settingsPath(dataDir));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Main with a stub engine process answering `file.*` as the real one does: the checked real path. */
function setup(answer: (name: string, input: unknown) => Result<unknown>) {
  const engine = {
    state: { state: 'ready' as const, restarts: 0, message: null },
    request: vi.fn<EngineClient['request']>((name, input) => Promise.resolve(answer(name, input))),
    updateSettings: vi.fn<EngineClient['updateSettings']>(),
    setAnswerKey: vi.fn<EngineClient['setAnswerKey']>(),
  };
  const commands = createMainCommands({
    dataDir,
    settings,
    engine,
    emit: () => undefined,
    gpuFeatureStatus: () => ({}),
    shell,
  });
  return { commands, engine };
}

describe('file.open / file.reveal in Electron main', () => {
  it('opens the path the engine checked, not the one the renderer sent', async () => {
    const { commands, engine } = setup(() => ok({ path: '/real/docs/tides.pdf', opened: false, url: null }));
    const result = await commands.dispatch('file.open', { path: '/docs/link/tides.pdf', page: 3 });
    expect(result).toEqual({ ok: true, value: { path: '/real/docs/tides.pdf', opened: true, url: null } });
    expect(engine.request).toHaveBeenCalledWith('file.open', { path: '/docs/link/tides.pdf', page: 3 });
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith('/real/docs/tides.pdf');

    expect(await commands.dispatch('file.reveal', { path: '/docs/link/tides.pdf' })).toMatchObject({ ok: true });
    expect(shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/real/docs/tides.pdf');
  });

  it("opens nothing when the engine refuses, and passes the engine's error on", async () => {
    const { commands } = setup(() => err('PATH_OUTSIDE_ROOTS', '"/etc/passwd" is not inside an indexed folder'));
    expect(await commands.dispatch('file.open', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'PATH_OUTSIDE_ROOTS', message: '"/etc/passwd" is not inside an indexed folder' },
    });
    expect(await commands.dispatch('file.reveal', { path: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('refuses invalid input before asking the engine', async () => {
    const { commands, engine } = setup(() => ok({ path: '/x', opened: false, url: null }));
    for (const input of [{}, { path: '' }, { path: '/a', page: 0 }, { path: '/a', extra: 1 }]) {
      expect(await commands.dispatch('file.open', input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(engine.request).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it("reports shell.openPath's own error message", async () => {
    const { commands } = setup(() => ok({ path: '/real/a.pdf', opened: false, url: null }));
    shell.openPath.mockResolvedValueOnce('No application is associated with this file');
    expect(await commands.dispatch('file.open', { path: '/real/a.pdf' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'opening "/real/a.pdf": No application is associated with this file' },
    });
  });
});
