import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

describe('polyseek index', () => {
  it('adds a folder, indexes it with progress on stderr, reports status and errors, removes it', async () => {
    const dataDir = await tempDir();
    const docs = join(await tempDir(), 'docs');
    await mkdir(join(docs, 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(docs, 'a.md'), '# Tides\n\nThe harbour master keeps the tide tables.\n');
    await writeFile(join(docs, 'b.txt'), 'Lighthouse keepers log the weather every hour.\n');
    await writeFile(join(docs, 'empty.txt'), '  \n');
    await writeFile(join(docs, 'node_modules', 'pkg', 'readme.md'), 'never indexed');
    const base = ['--data-dir', dataDir, '--model-dir', modelDir];

    const added = captureIo();
    expect(await runCli([...base, 'index', 'add', docs, '--exclude', '**/node_modules'], added)).toBe(0);
    expect(added.stdout.join('\n')).toContain(`${docs}\n  include **/*\n  exclude **/node_modules`);
    const twice = captureIo();
    expect(await runCli([...base, 'index', 'add', join(docs, '..', 'docs')], twice)).toBe(1);
    expect(twice.stderr.join('\n')).toContain('ROOT_CONFLICT');

    // No licence: keyword-only, and the output says vectors wait.
    const run = captureIo();
    expect(await runCli([...base, 'index', 'start'], run)).toBe(0);
    expect(run.stderr.join('\n')).toMatch(/indexing\s+\[[#-]+\]\s+\d+%\s+\d+\/3 files/);
    const summary = run.stdout.join('\n');
    expect(summary).toContain('2 indexed');
    expect(summary).toMatch(/2 files await vectors \(.*licen[cs]e/i);

    const status = captureIo();
    expect(await runCli([...base, '--json', 'index', 'status'], status)).toBe(0);
    expect(JSON.parse(status.stdout.join(''))).toMatchObject({
      totals: { indexed: 2, skipped: 1, failed: 0 },
      filesAwaitingVectors: 2,
      roots: [{ path: docs, exists: true, indexed: 2 }],
    });

    const errors = captureIo();
    expect(await runCli([...base, 'index', 'errors'], errors)).toBe(0);
    expect(errors.stdout.join('\n')).toMatch(/1 files not indexed:\nEMPTY\s+.*empty\.txt/);

    expect(await runCli([...base, 'license', 'accept', '--yes'], captureIo())).toBe(0);
    const again = captureIo();
    expect(await runCli([...base, '--json', 'index', 'start'], again)).toBe(0);
    expect(JSON.parse(again.stdout.join(''))).toMatchObject({
      filesAwaitingVectors: 0,
      activeProvenance: { dims: 32 },
    });

    const removed = captureIo();
    expect(await runCli([...base, 'index', 'remove', docs], removed)).toBe(0);
    const after = captureIo();
    expect(await runCli([...base, '--json', 'index', 'status'], after)).toBe(0);
    expect(JSON.parse(after.stdout.join(''))).toMatchObject({ totals: { files: 0, chunks: 0 }, roots: [] });
  });

  it('refuses a folder that does not exist', async () => {
    const io = captureIo();
    expect(await runCli(['--data-dir', await tempDir(), 'index', 'add', '/nowhere/at/all'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('ROOT_NOT_FOUND');
  });
});
