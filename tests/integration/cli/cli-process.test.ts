import { describe, expect, it } from 'vitest';

import { runPolyseek } from '../../fixtures/cli-process';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();

const polyseek = (args: string[], env: NodeJS.ProcessEnv = {}) => runPolyseek(args, { env });

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
