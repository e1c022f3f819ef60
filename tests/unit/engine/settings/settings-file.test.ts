import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SettingsFile } from '../../../../electron/engine/settings';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../../shared';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();
const fixedClock = () => new Date('2026-11-26T12:00:00.000Z');

async function settingsIn(dir: string, content?: string): Promise<string> {
  const path = join(dir, 'settings.json');
  if (content !== undefined) await writeFile(path, content);
  return path;
}

const validUserSettings = {
  ...DEFAULT_SETTINGS,
  encoder: { ...DEFAULT_SETTINGS.encoder, dims: 256 },
  roots: [
    {
      path: '/home/ana/Papers',
      addedAt: '2026-01-02T03:04:05.000Z',
      include: ['**/*.pdf'],
      exclude: ['**/drafts'],
      maxFileBytes: 1_000_000,
      followSymlinks: false,
      allowOutside: false,
    },
  ],
  license: {
    licenseId: 'CC-BY-NC-4.0',
    modelId: 'jinaai/jina-embeddings-v3',
    nonCommercialOnly: true,
    acceptedAt: '2026-01-02T03:04:05.000Z',
  },
};

describe('SettingsFile', () => {
  it('starts from defaults without writing when no file exists', async () => {
    const path = await settingsIn(await tempDir());
    const file = await SettingsFile.open(path);
    expect(file.view()).toEqual({ settings: DEFAULT_SETTINGS, path, readOnly: false, problem: null });
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes atomically, persists across opens and leaves no temp files', async () => {
    const dir = await tempDir();
    const path = await settingsIn(dir);
    const file = await SettingsFile.open(path);
    await Promise.all([
      file.update((s) => ({ ...s, encoder: { ...s.encoder, dims: 128 } })),
      file.update((s) => ({ ...s, compute: { ...s.compute, threads: 2 } })),
    ]);
    const reopened = await SettingsFile.open(path);
    expect(reopened.settings.encoder.dims).toBe(128);
    expect(reopened.settings.compute.threads).toBe(2);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('refuses an invalid update and keeps the previous file', async () => {
    const path = await settingsIn(await tempDir(), JSON.stringify(validUserSettings));
    const file = await SettingsFile.open(path);
    await expect(file.update((s) => ({ ...s, encoder: { ...s.encoder, dims: 100 as 128 } }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(validUserSettings);
  });

  it('backs up a file that is not JSON, reports it plainly and keeps the backup byte for byte', async () => {
    const dir = await tempDir();
    const garbage = '{"version": 2, "roots": [{"path": "/home/ana/Pap';
    const path = await settingsIn(dir, garbage);
    const file = await SettingsFile.open(path, { now: fixedClock });
    const { problem, settings } = file.view();
    expect(problem).toMatchObject({ code: 'SETTINGS_CORRUPT', resetSections: ['all'] });
    expect(problem?.message).toContain('not valid JSON');
    expect(problem?.backupPath).toBe(`${path}.corrupt-2026-11-26T12-00-00-000Z.bak`);
    expect(await readFile(problem?.backupPath ?? '', 'utf8')).toBe(garbage);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    // Nothing is written until the person changes something, and then the backup still holds their data.
    expect(await readFile(path, 'utf8')).toBe(garbage);
    const after = await file.update((s) => s);
    expect(after.problem).toBeNull();
    expect(await readFile(problem?.backupPath ?? '', 'utf8')).toBe(garbage);
  });

  it('keeps every valid part of a damaged file: folders and licence survive a bad value', async () => {
    const damaged = {
      ...validUserSettings,
      encoder: { ...validUserSettings.encoder, dims: 1000, precision: 'fp8' },
      compute: 'fast',
      roots: [...validUserSettings.roots, { path: 42 }],
    };
    const path = await settingsIn(await tempDir(), JSON.stringify(damaged));
    const file = await SettingsFile.open(path, { now: fixedClock });
    const { settings, problem } = file.view();
    expect(settings.roots).toEqual(validUserSettings.roots);
    expect(settings.license).toEqual(validUserSettings.license);
    expect(settings.encoder).toEqual({ ...DEFAULT_SETTINGS.encoder });
    expect(settings.compute).toEqual(DEFAULT_SETTINGS.compute);
    expect(problem?.code).toBe('SETTINGS_CORRUPT');
    expect(problem?.resetSections).toEqual(['encoder.dims', 'encoder.precision', 'compute', 'roots[1]']);
    expect(JSON.parse(await readFile(problem?.backupPath ?? '', 'utf8'))).toEqual(damaged);
  });

  it('keeps a located model folder when the endpoint beside it is invalid', async () => {
    const damaged = { ...validUserSettings, model: { dir: '/media/stick/jina', endpoint: 'ftp://mirror' } };
    const path = await settingsIn(await tempDir(), JSON.stringify(damaged));
    const { settings, problem } = (await SettingsFile.open(path, { now: fixedClock })).view();
    expect(settings.model).toEqual({ dir: '/media/stick/jina', endpoint: null });
    expect(problem?.resetSections).toEqual(['model.endpoint']);
  });

  it('treats a file without a version as corrupt rather than guessing', async () => {
    const path = await settingsIn(await tempDir(), JSON.stringify({ roots: [] }));
    const { problem } = (await SettingsFile.open(path)).view();
    expect(problem).toMatchObject({
      code: 'SETTINGS_CORRUPT',
      message: expect.stringContaining('no valid settings version') as string,
    });
  });

  it('leaves a file from a newer version untouched and refuses to write it', async () => {
    const newer = { ...validUserSettings, version: SETTINGS_VERSION + 1, futureThing: { x: 1 } };
    const text = JSON.stringify(newer);
    const path = await settingsIn(await tempDir(), text);
    const file = await SettingsFile.open(path);
    expect(file.view()).toMatchObject({ readOnly: true, problem: { code: 'SETTINGS_TOO_NEW' } });
    expect(file.settings.roots).toEqual(validUserSettings.roots);
    await expect(file.update((s) => s)).rejects.toMatchObject({ code: 'SETTINGS_TOO_NEW' });
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('reports an unreadable file without overwriting it', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; permissions cannot make it unreadable
    const path = await settingsIn(await tempDir(), JSON.stringify(validUserSettings));
    await chmod(path, 0o000);
    const file = await SettingsFile.open(path);
    expect(file.view()).toMatchObject({ readOnly: true, problem: { code: 'SETTINGS_CORRUPT' } });
  });

  it('fails a write cleanly with SETTINGS_WRITE_FAILED, keeping memory and disk as they were', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    const file = await SettingsFile.open(path);
    // A folder where the file should be makes the final rename fail, even for root.
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'x');
    await expect(file.update((s) => ({ ...s, compute: { ...s.compute, threads: 4 } }))).rejects.toMatchObject({
      code: 'SETTINGS_WRITE_FAILED',
      message: expect.stringContaining(path) as string,
    });
    expect(file.settings.compute.threads).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['settings.json']);
  });
});
