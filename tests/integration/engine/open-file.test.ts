import { chmod, mkdir, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Runtime } from '../../../electron/engine/runtime';
import { createFileHandlers } from '../../../electron/engine/search/open-file';
import { PolyseekError, type ErrorCode, type FileOpenResult } from '../../../shared';
import { indexedFiles, type IndexedFiles } from '../../fixtures/indexed-files';
import { useTempDirs } from '../../fixtures/temp-dir';
import { useIndexRuntimes } from '../indexer/support';

const tempDir = useTempDirs();
const openIndexRuntime = useIndexRuntimes();
const made: IndexedFiles[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((f) => f.dispose()));
});

async function indexedProfile(): Promise<IndexedFiles> {
  const files = await indexedFiles();
  made.push(files);
  const status = await files.runtime.invoke('index.status', {});
  expect(status).toMatchObject({ ok: true, value: { totals: { indexed: 9, skipped: 1, failed: 1 } } });
  return files;
}

function handlersOf(runtime: Runtime) {
  return createFileHandlers({
    store: () => runtime.engine.indexer.openStore(),
    getSettings: () => runtime.settings.settings,
  });
}

async function refusal(promise: Promise<FileOpenResult>): Promise<{ code: ErrorCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PolyseekError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

/**
 * The codes, as checkIndexedFile documents them: a path outside every current root (however spelled, or
 * leaving one through a link) is PATH_OUTSIDE_ROOTS; one under a root that is not an indexed file now is
 * FILE_NOT_INDEXED; a program or script is FORBIDDEN to open (revealing it is fine).
 */
describe('file.open / file.reveal: the engine check', () => {
  let profile: IndexedFiles;
  let handlers: ReturnType<typeof handlersOf>;
  const open = (path: string, page?: number) =>
    handlers['file.open']({ path, ...(page === undefined ? {} : { page }) }, {});
  const reveal = (path: string) => handlers['file.reveal']({ path }, {});

  beforeAll(async () => {
    profile = await indexedProfile();
    handlers = handlersOf(profile.runtime);
  }, 120_000);

  it('answers an indexed file with its real path and opens nothing itself', async () => {
    const good = join(profile.docs, 'good.txt');
    await expect(open(good, 3)).resolves.toEqual({ path: await realpath(good), opened: false, url: null });
    await expect(reveal(good)).resolves.toEqual({ path: await realpath(good), opened: false, url: null });
    // `..` inside the root normalises to the same indexed file.
    await expect(open(join(profile.docs, 'sub', '..', 'good.txt'))).resolves.toMatchObject({ opened: false });
  });

  it('refuses a path outside every root, however it is spelled (PATH_OUTSIDE_ROOTS)', async () => {
    const secret = join(profile.outside, 'secret.txt');
    for (const path of [
      secret,
      `${profile.docs}/../outside/secret.txt`,
      `${profile.docs}/sub/../../outside/secret.txt`,
      '/etc/passwd',
      'good.txt',
      `${profile.docs}/good.txt\0.pdf`,
      profile.docs,
    ]) {
      expect(await refusal(open(path)), path).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });
      expect(await refusal(reveal(path)), path).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });
    }
  });

  it('refuses files under a root that are not indexed: new, skipped, failed, other case (FILE_NOT_INDEXED)', async () => {
    await writeFile(join(profile.docs, 'new.txt'), 'written after indexing');
    await writeFile(join(profile.docs, 'GOOD.txt'), 'another file whose name differs only in case');
    expect(await refusal(open(join(profile.docs, 'new.txt')))).toEqual({
      code: 'FILE_NOT_INDEXED',
      message: `${JSON.stringify(join(profile.docs, 'new.txt'))} is not in the index`,
    });
    expect(await refusal(open(join(profile.docs, 'empty.txt')))).toMatchObject({
      code: 'FILE_NOT_INDEXED',
      message: expect.stringMatching(/empty\.txt" was skipped by the indexer \(EMPTY\)/) as string,
    });
    expect(await refusal(open(join(profile.docs, 'broken.pdf')))).toMatchObject({
      code: 'FILE_NOT_INDEXED',
      message: expect.stringMatching(/broken\.pdf" could not be indexed/) as string,
    });
    expect(await refusal(open(join(profile.docs, 'GOOD.txt')))).toMatchObject({ code: 'FILE_NOT_INDEXED' });
  });

  it('refuses a file swapped for a link leading out after indexing, and a folder swapped the same way', async () => {
    const swap = join(profile.docs, 'swap.txt');
    await rm(swap);
    await symlink(join(profile.outside, 'secret.txt'), swap);
    expect(await refusal(open(swap))).toMatchObject({
      code: 'PATH_OUTSIDE_ROOTS',
      message: expect.stringContaining('leads through a link') as string,
    });
    expect(await refusal(reveal(swap))).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });

    await rename(join(profile.docs, 'sub'), join(profile.docs, 'sub-old'));
    await symlink(profile.outside, join(profile.docs, 'sub'));
    expect(await refusal(open(join(profile.docs, 'sub', 'deep.txt')))).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });
  });

  it('says so when an indexed file was deleted or replaced by a folder', async () => {
    await rm(join(profile.docs, 'gone.txt'));
    expect(await refusal(open(join(profile.docs, 'gone.txt')))).toMatchObject({
      code: 'FILE_NOT_INDEXED',
      message: expect.stringContaining('no longer exists (deleted or moved since it was indexed)') as string,
    });
    await rm(join(profile.docs, 'folder.txt'));
    await mkdir(join(profile.docs, 'folder.txt'));
    expect(await refusal(open(join(profile.docs, 'folder.txt')))).toMatchObject({
      code: 'FILE_NOT_INDEXED',
      message: expect.stringContaining('no longer a regular file') as string,
    });
  });

  it('will not open scripts and programs, but reveals them (FORBIDDEN)', async () => {
    const script = join(profile.docs, 'run.sh');
    expect(await refusal(open(script))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('.sh files are programs or scripts') as string,
    });
    await expect(reveal(script)).resolves.toMatchObject({ path: await realpath(script) });

    const tool = join(profile.docs, 'tool.txt');
    await writeFile(tool, '#!/bin/sh\necho tides\n');
    await chmod(tool, 0o755);
    expect(await refusal(open(tool))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('marked executable') as string,
    });
  });
});

describe('file.open: roots as they are now', () => {
  it("refuses a file the root's current globs exclude, and every file of a removed root", async () => {
    const { docs, runtime } = await indexedProfile();
    const handlers = handlersOf(runtime);
    const good = join(docs, 'good.txt');
    await expect(handlers['file.open']({ path: good }, {})).resolves.toMatchObject({ opened: false });

    expect(await runtime.invoke('roots.update', { path: docs, exclude: ['**/good.txt'] })).toMatchObject({ ok: true });
    expect(await refusal(handlers['file.open']({ path: good }, {}))).toMatchObject({ code: 'FILE_NOT_INDEXED' });

    // Checked against settings at once, whatever the index still holds.
    expect(await runtime.invoke('roots.remove', { path: docs })).toMatchObject({ ok: true });
    const sub = join(docs, 'sub', 'deep.txt');
    expect(await refusal(handlers['file.open']({ path: sub }, {}))).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });
    expect(await refusal(handlers['file.reveal']({ path: sub }, {}))).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });
  });

  it('follows a link out of a root only when the root allows it', async () => {
    const base = await tempDir();
    const [strict, open] = [join(base, 'strict'), join(base, 'open')];
    const shared = join(base, 'shared');
    await mkdir(strict);
    await mkdir(open);
    await mkdir(shared);
    await writeFile(join(shared, 'minutes.txt'), 'Minutes of the harbour board.\n');
    await symlink(shared, join(strict, 'shared'));
    await symlink(shared, join(open, 'shared'));
    const ix = await openIndexRuntime(join(base, 'profile'), { modelDir: join(base, 'no-model') });
    expect(await ix.runtime.invoke('roots.add', { path: strict })).toMatchObject({ ok: true });
    expect(await ix.runtime.invoke('roots.add', { path: open, allowOutside: true })).toMatchObject({ ok: true });
    await ix.index();
    const handlers = handlersOf(ix.runtime);

    const viaOpen = join(open, 'shared', 'minutes.txt');
    await expect(handlers['file.open']({ path: viaOpen }, {})).resolves.toEqual({
      path: await realpath(join(shared, 'minutes.txt')),
      opened: false,
      url: null,
    });
    // The strict root never indexed through its link.
    expect(await refusal(handlers['file.open']({ path: join(strict, 'shared', 'minutes.txt') }, {}))).toMatchObject({
      code: 'FILE_NOT_INDEXED',
    });
    // Turning allowOutside off closes the door at once.
    expect(await ix.runtime.invoke('roots.update', { path: open, allowOutside: false })).toMatchObject({ ok: true });
    expect(await refusal(handlers['file.open']({ path: viaOpen }, {}))).toMatchObject({ code: 'PATH_OUTSIDE_ROOTS' });
  });
});

describe('file.open through the runtime', () => {
  it('is served by the engine: checked, never opened by the engine itself', async () => {
    const { docs, runtime, outside } = await indexedProfile();
    const good = join(docs, 'good.txt');
    expect(await runtime.invoke('file.open', { path: good, page: 2 })).toEqual({
      ok: true,
      value: { path: await realpath(good), opened: false, url: null },
    });
    expect(await runtime.invoke('file.reveal', { path: join(outside, 'secret.txt') })).toMatchObject({
      ok: false,
      error: { code: 'PATH_OUTSIDE_ROOTS' },
    });
  });
});
