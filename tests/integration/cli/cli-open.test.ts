import { realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import type { FileOpener } from '../../../electron/engine/search/system-opener';
import { captureIo } from '../../fixtures/cli-io';
import { indexedFiles, type IndexedFiles } from '../../fixtures/indexed-files';

let files: IndexedFiles;
beforeAll(async () => {
  files = await indexedFiles();
  await files.closeRuntime();
}, 120_000);
afterAll(async () => {
  await files.dispose();
});

function cli() {
  const opener = {
    open: vi.fn<FileOpener['open']>(() => Promise.resolve()),
    reveal: vi.fn<FileOpener['reveal']>(() => Promise.resolve()),
  };
  const io = { ...captureIo(), opener };
  const base = ['--data-dir', files.dataDir, '--model-dir', join(files.base, 'no-model')];
  return { io, opener, run: (...args: string[]) => runCli([...base, ...args], io) };
}

describe('polyseek open / reveal', () => {
  it('opens an indexed file (a relative path is taken from the current folder) at a page', async () => {
    const { io, opener, run } = cli();
    const pdf = join(files.docs, 'tides.pdf');
    expect(await run('open', relative(process.cwd(), pdf), '--page', '2')).toBe(0);
    expect(opener.open).toHaveBeenCalledExactlyOnceWith(await realpath(pdf), 2);
    expect(io.stdout.join('\n')).toBe(`opened ${await realpath(pdf)}`);
  });

  it('reveals, and prints the result as JSON with --json', async () => {
    const { io, opener, run } = cli();
    const good = join(files.docs, 'good.txt');
    expect(await run('--json', 'reveal', good)).toBe(0);
    expect(opener.reveal).toHaveBeenCalledExactlyOnceWith(await realpath(good));
    expect(JSON.parse(io.stdout.join(''))).toEqual({ path: await realpath(good), opened: true, url: null });
  });

  it('refuses what the app refuses, opening nothing', async () => {
    for (const [path, code] of [
      [join(files.outside, 'secret.txt'), 'PATH_OUTSIDE_ROOTS'],
      [join(files.docs, 'empty.txt'), 'FILE_NOT_INDEXED'],
      [join(files.docs, 'run.sh'), 'FORBIDDEN'],
    ] as const) {
      const { io, opener, run } = cli();
      expect(await run('open', path), path).toBe(1);
      expect(io.stderr.join('\n')).toContain(`polyseek: ${code}: `);
      expect(opener.open).not.toHaveBeenCalled();
    }
  });

  it('rejects a page that is not a positive whole number', async () => {
    const { opener, run } = cli();
    expect(await run('open', join(files.docs, 'tides.pdf'), '--page', '0')).toBe(2);
    expect(opener.open).not.toHaveBeenCalled();
  });
});
