import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const root = resolve(import.meta.dirname, '../../..');

/** Runs the real entry point the way `npm run cli --` does. */
function polyseek(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the polyseek process', () => {
  it('keeps results on stdout and errors on stderr, with exit codes', async () => {
    const dataDir = await tempDir();
    const status = await polyseek(['--data-dir', dataDir, '--json', 'status']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ app: { host: 'cli', dataDir } });

    const refused = await polyseek(['--data-dir', dataDir, 'serve', '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('refusing to listen on 0.0.0.0 without a bearer token');
  });

  it('honours POLYSEEK_DATA_DIR', async () => {
    const dataDir = await tempDir();
    const run = await polyseek(['--json', 'status'], { POLYSEEK_DATA_DIR: dataDir });
    expect(JSON.parse(run.stdout)).toMatchObject({ app: { dataDir } });
  });
});
