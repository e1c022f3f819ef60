import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import { captureIo } from '../../fixtures/cli-io';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();

async function cli(args: string[], options: Parameters<typeof captureIo>[0] = {}) {
  const dataDir = await tempDir();
  const io = captureIo(options);
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, io, dataDir, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('polyseek CLI', () => {
  it('status prints a human summary by default and JSON with --json', async () => {
    const human = await cli(['status']);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^Polyseek \d+\.\d+\.\d+ \(cli,/);
    expect(human.out).toContain('Licence:     not accepted');
    expect(human.out).toContain('ONNX Runtime providers: cpu');

    const json = await cli(['--json', 'status']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { app: { host: string; dataDir: string }; license: { accepted: boolean } };
    expect(parsed.app).toMatchObject({ host: 'cli', dataDir: json.dataDir });
    expect(parsed.license.accepted).toBe(false);
  });

  it('settings set validates through the contract and persists', async () => {
    const dataDir = await tempDir();
    const io = captureIo();
    expect(await runCli(['--data-dir', dataDir, 'settings', 'set', 'encoder.dims', '256'], io)).toBe(0);
    expect(io.stdout).toEqual(['encoder.dims = 256']);
    expect(await runCli(['--data-dir', dataDir, 'settings', 'set', 'compute.provider', 'quantum'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/INVALID_INPUT: settings\.set: compute\.provider/);
    expect(await runCli(['--data-dir', dataDir, 'settings', 'set', 'license.acceptedAt', 'now'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('cannot set license.acceptedAt; settable keys: encoder.queryTask');
    const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { encoder: { dims: number } };
    expect(saved.encoder.dims).toBe(256);
    const get = captureIo();
    expect(await runCli(['--data-dir', dataDir, '--json', 'settings', 'get', 'encoder.dims'], get)).toBe(0);
    expect(get.stdout).toEqual(['256']);
  });

  it('license accept needs a person or --yes, and shows the terms before asking', async () => {
    const refused = await cli(['license', 'accept']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('LICENSE_NOT_ACCEPTED');

    const declined = await cli(['license', 'accept'], { interactive: true, answers: ['no'] });
    expect(declined.code).toBe(1);
    expect(declined.err).toContain('non-commercial purposes only');

    const accepted = await cli(['license', 'accept'], { interactive: true, answers: ['yes'] });
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/^accepted 20\d\d-/);

    const scripted = await cli(['--json', 'license', 'accept', '--yes']);
    expect(JSON.parse(scripted.out)).toMatchObject({ accepted: true, licenseId: 'CC-BY-NC-4.0' });
  });

  it('--help works everywhere and usage errors exit 2', async () => {
    for (const args of [
      ['--help'],
      ['status', '--help'],
      ['settings', 'set', '--help'],
      ['license', 'accept', '--help'],
      ['serve', '--help'],
    ]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.out, args.join(' ')).toContain('Usage: polyseek');
    }
    expect((await cli(['bogus'])).code).toBe(2);
    expect((await cli(['settings', 'set', 'encoder.dims'])).code).toBe(2);
    expect((await cli(['serve', '--port', 'seventy'])).code).toBe(2);
  });

  it('serve refuses 0.0.0.0 without a token with a clear message and exit code 2', async () => {
    const run = await cli(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('refusing to listen on 0.0.0.0 without a bearer token');
  });

  it('serve listens, answers, and stops on a signal', async () => {
    const dataDir = await tempDir();
    const io = captureIo({ env: { POLYSEEK_TOKEN: 'token-from-env-0123456789' } });
    const exit = runCli(['--data-dir', dataDir, 'serve', '--port', '0', '--renderer-dir', dataDir], io);
    await expect
      .poll(() => io.stdout.join(''))
      .toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(bearer token required\)/);
    const url = /listening on (\S+)/.exec(io.stdout.join(''))?.[1] ?? '';
    const denied = await fetch(`${url}/api/commands/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(denied.status).toBe(401);
    const allowed = await fetch(`${url}/api/commands/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer token-from-env-0123456789' },
      body: '{}',
    });
    expect(await allowed.json()).toMatchObject({ ok: true, value: { host: 'server', dataDir } });
    io.stop();
    expect(await exit).toBe(0);
  });
});
