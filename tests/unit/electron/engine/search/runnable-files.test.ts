import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchExtension, runnableReason } from '../../../../../electron/engine/search/runnable-files';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyseek-runnable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('launchExtension', () => {
  it('is what the OS would go by: lower-cased, trailing dots and spaces dropped', () => {
    expect(launchExtension('/d/Report.PDF')).toBe('pdf');
    expect(launchExtension('C:\\d\\run.bat. . ')).toBe('bat');
    expect(launchExtension('/d/.bashrc')).toBe('');
    expect(launchExtension('/d/archive.tar.gz')).toBe('gz');
  });
});

describe('runnableReason', () => {
  it('names scripts and programs by extension, whatever path of the pair has it', async () => {
    const doc = join(dir, 'notes.txt');
    await writeFile(doc, 'plain');
    for (const name of ['run.bat', 'tool.JS', 'setup.ps1', 'x.py', 'launcher.desktop', 'go.command', 'a.lnk']) {
      expect(await runnableReason([join(dir, name)], 0o644, doc), name).toMatch(/files are programs or scripts/);
    }
    expect(await runnableReason([doc, join(dir, 'target.exe')], 0o644, doc)).toBe('.exe files are programs or scripts');
    expect(await runnableReason([doc], 0o644, doc)).toBeNull();
  });

  it.skipIf(process.platform === 'win32')(
    'refuses executable scripts and binaries, not executable documents',
    async () => {
      const script = join(dir, 'tide.txt');
      await writeFile(script, '#!/bin/sh\necho tide\n');
      await chmod(script, 0o755);
      expect(await runnableReason([script], 0o100755, script)).toMatch(/marked executable/);
      const elf = join(dir, 'tide.dat');
      await writeFile(elf, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]));
      expect(await runnableReason([elf], 0o100755, elf)).toMatch(/marked executable/);
      // Every file on a FAT stick is 0777: its documents still open.
      const doc = join(dir, 'minutes.txt');
      await writeFile(doc, 'Minutes of the harbour board.');
      expect(await runnableReason([doc], 0o100777, doc)).toBeNull();
      // The same script bytes without an executable bit are text to show.
      expect(await runnableReason([script], 0o100644, script)).toBeNull();
    },
  );
});
