import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { createRecordingOpener, openerFromEnv } from '../../../../../electron/engine/search/opener-from-env';
import {
  createSystemOpener,
  openerCommand,
  type SpawnSettings,
} from '../../../../../electron/engine/search/system-opener';

/** A child process that does what the test says: exit with a code, fail to start, or keep running. */
class FakeChild extends EventEmitter {
  readonly unref = vi.fn();
}

function fakeSpawn(behave: (child: FakeChild) => void) {
  const calls: { command: string; args: readonly string[]; settings: SpawnSettings }[] = [];
  const spawn = (command: string, args: readonly string[], settings: SpawnSettings): ChildProcess => {
    calls.push({ command, args, settings });
    const child = new FakeChild();
    setImmediate(() => behave(child));
    return child as unknown as ChildProcess;
  };
  return { spawn, calls };
}

describe('openerCommand', () => {
  it('passes the path as one argument to the platform opener, never through a shell', () => {
    const path = '/home/ana/Tides & "Currents"; rm -rf ~.pdf';
    expect(openerCommand('linux', 'open', path)).toMatchObject({ command: 'xdg-open', args: [path], verbatim: false });
    expect(openerCommand('linux', 'reveal', path)).toMatchObject({ command: 'xdg-open', args: ['/home/ana'] });
    expect(openerCommand('darwin', 'open', path)).toMatchObject({ command: 'open', args: [path] });
    expect(openerCommand('darwin', 'reveal', path)).toMatchObject({ command: 'open', args: ['-R', path] });
  });

  it('on Windows uses explorer.exe with the path quoted by us (no cmd: it would run `&calc`)', () => {
    const path = 'C:\\Users\\ana\\a,b&calc^%PATH%.pdf';
    expect(openerCommand('win32', 'open', path)).toEqual({
      command: 'explorer.exe',
      args: [`"${path}"`],
      verbatim: true,
      exitCodeMeaningful: false,
    });
    expect(openerCommand('win32', 'reveal', path).args).toEqual([`/select,"${path}"`]);
  });
});

describe('createSystemOpener', () => {
  it('spawns detached, ignores stdio, unrefs, and succeeds when the opener exits 0', async () => {
    const { spawn, calls } = fakeSpawn((child) => child.emit('exit', 0));
    await createSystemOpener({ platform: 'linux', spawn }).open('/docs/a.pdf', 3);
    expect(calls).toEqual([
      {
        command: 'xdg-open',
        args: ['/docs/a.pdf'],
        settings: { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: false },
      },
    ]);
  });

  it('reports a missing opener clearly', async () => {
    const { spawn } = fakeSpawn((child) =>
      child.emit('error', Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' })),
    );
    await expect(createSystemOpener({ platform: 'linux', spawn }).open('/docs/a.pdf')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('xdg-open is not installed (package xdg-utils)') as string,
    });
  });

  it("reports xdg-open's failure codes, but not explorer's meaningless exit 1", async () => {
    const failing = fakeSpawn((child) => child.emit('exit', 4));
    await expect(createSystemOpener({ platform: 'linux', spawn: failing.spawn }).reveal('/docs/a.pdf')).rejects.toThrow(
      'xdg-open could not reveal "/docs/a.pdf": no application could open it',
    );
    const explorer = fakeSpawn((child) => child.emit('exit', 1));
    await expect(createSystemOpener({ platform: 'win32', spawn: explorer.spawn }).open('C:\\a.pdf')).resolves.toBe(
      undefined,
    );
  });

  it('counts an opener still running after the failure window as a success', async () => {
    let child: FakeChild | undefined;
    const { spawn } = fakeSpawn((c) => (child = c));
    await createSystemOpener({ platform: 'darwin', spawn, failureWindowMs: 20 }).open('/docs/a.pdf');
    expect(child?.unref).toHaveBeenCalled();
  });
});

describe('POLYSEEK_TEST_OPENER', () => {
  it('records one JSON line per call instead of launching anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polyseek-opener-'));
    try {
      const file = join(dir, 'opened.jsonl');
      const opener = openerFromEnv({ POLYSEEK_TEST_OPENER: file });
      await opener.open('/docs/a.pdf', 4);
      await opener.reveal('/docs/b.txt');
      await createRecordingOpener(file).open('/docs/c.txt');
      const lines = (await readFile(file, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
      expect(lines).toEqual([
        { action: 'open', path: '/docs/a.pdf', page: 4 },
        { action: 'reveal', path: '/docs/b.txt', page: null },
        { action: 'open', path: '/docs/c.txt', page: null },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
