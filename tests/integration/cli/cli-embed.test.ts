import { beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import { captureIo } from '../../fixtures/cli-io';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
let modelDir: string;
beforeAll(async () => {
  modelDir = await ensureSyntheticModel('tiny');
});

describe('polyseek embed', () => {
  it('needs the licence, then prints one vector per text (or JSON), with a summary on stderr', async () => {
    const dataDir = await tempDir();
    const base = ['--data-dir', dataDir, '--model-dir', modelDir];

    const refused = captureIo();
    expect(await runCli([...base, 'embed', '--task', 'retrieval.query', 'hello'], refused)).toBe(1);
    expect(refused.stderr.join('\n')).toContain('LICENSE_NOT_ACCEPTED');

    expect(await runCli([...base, 'license', 'accept', '--yes'], captureIo())).toBe(0);
    const human = captureIo();
    expect(await runCli([...base, 'embed', '--task', 'text-matching', '--binary', 'hello', 'مرحبا'], human)).toBe(0);
    const lines = human.stdout.join('\n').split('\n');
    expect(lines).toHaveLength(2);
    const [vector, code] = (lines[0] ?? '').split('\t');
    expect(JSON.parse(vector ?? '[]')).toHaveLength(32);
    expect(Buffer.from(code ?? '', 'base64')).toHaveLength(4);
    expect(human.stderr.join('\n')).toMatch(/text-matching · 32 dims · fp32 on cpu · synthetic model \(tiny\)/);

    const json = captureIo();
    expect(await runCli([...base, '--json', 'embed', '--task', 'retrieval.passage', '--no-prefix', 'x'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join(''))).toMatchObject({ task: 'retrieval.passage', prefix: false, dims: 32 });
  });

  it('refuses a bad task or dimension as a usage error', async () => {
    const dataDir = await tempDir();
    expect(await runCli(['--data-dir', dataDir, 'embed', '--task', 'summarize', 'x'], captureIo())).toBe(2);
    expect(
      await runCli(['--data-dir', dataDir, 'embed', '--task', 'separation', '--dims', '100', 'x'], captureIo()),
    ).toBe(2);
  });
});
