import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { MIGRATIONS, SettingsFile } from '../../../../electron/engine/settings';
import {
  DEFAULT_EXCLUDE_GLOBS,
  DEFAULT_INCLUDE_GLOBS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_ANSWER_SETTINGS,
  DEFAULT_SEARCH_SETTINGS,
  SETTINGS_VERSION,
  SettingsSchema,
} from '../../../../shared';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();

/** A settings file as the first Polyseek layout (version 1) wrote it. */
const version1 = {
  version: 1,
  adapter: 'text-matching',
  dims: 512,
  provider: 'cpu',
  threads: 2,
  roots: ['/home/ana/Papers', '/home/ana/Notes'],
  licenseAcceptedAt: '2026-03-04T05:06:07.000Z',
};

/** A settings file as Polyseek wrote it before the model section (version 2). */
const version2 = {
  version: 2,
  encoder: {
    queryTask: 'retrieval.query',
    passageTask: 'text-matching',
    instructionPrefix: false,
    dims: 256,
    precision: 'int8',
  },
  compute: { provider: 'webgpu', threads: 3 },
  roots: [{ path: '/home/ana/Papers', addedAt: '2026-03-04T05:06:07.000Z' }],
  license: {
    licenseId: 'CC-BY-NC-4.0',
    modelId: 'jinaai/jina-embeddings-v3',
    nonCommercialOnly: true,
    acceptedAt: '2026-03-04T05:06:07.000Z',
  },
};

const defaultRootOptions = {
  include: [...DEFAULT_INCLUDE_GLOBS],
  exclude: [...DEFAULT_EXCLUDE_GLOBS],
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  followSymlinks: true,
  allowOutside: false,
};

/** Version 3 (before per-root options), with a root whose options were partly set by hand. */
const version3 = {
  ...version2,
  version: 3,
  model: { dir: null, endpoint: null },
  roots: [
    { path: '/home/ana/Papers', addedAt: '2026-03-04T05:06:07.000Z' },
    { path: '/home/ana/Code', addedAt: '2026-03-04T05:06:07.000Z', include: ['**/*.md'] },
  ],
};

describe('settings migrations', () => {
  it('has one step for every version below the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 1));
  });

  it('migrates version 1 to the current version, keeping every piece of user data', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify(version1));
    const file = await SettingsFile.open(path);
    const { settings, problem } = file.view();
    expect(problem).toBeNull();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.encoder).toMatchObject({ passageTask: 'text-matching', queryTask: 'retrieval.query', dims: 512 });
    expect(settings.compute).toEqual({ provider: 'cpu', threads: 2 });
    expect(settings.roots.map((r) => r.path)).toEqual(version1.roots);
    expect(settings.license).toMatchObject({ acceptedAt: version1.licenseAcceptedAt, nonCommercialOnly: true });
    expect(settings.model).toEqual({ dir: null, endpoint: null });
    // The migrated file is written, and the original is kept beside it.
    expect(SettingsSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(settings);
    expect(JSON.parse(await readFile(`${path}.v1.bak`, 'utf8'))).toEqual(version1);
  });

  it('migrates version 2 to 3 to 4 to 5 to 6: adds the model section, root options, search and answer sections, keeps everything else', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify(version2));
    const file = await SettingsFile.open(path);
    const { settings, problem } = file.view();
    expect(problem).toBeNull();
    expect(settings).toEqual({
      ...version2,
      version: 6,
      model: { dir: null, endpoint: null },
      search: DEFAULT_SEARCH_SETTINGS,
      answer: DEFAULT_ANSWER_SETTINGS,
      roots: version2.roots.map((root) => ({ ...root, ...defaultRootOptions })),
    });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(settings);
    expect(JSON.parse(await readFile(`${path}.v2.bak`, 'utf8'))).toEqual(version2);
  });

  it('migrates version 3 to 4: default crawl options for each root, keeping any already there', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify(version3));
    const { settings, problem } = (await SettingsFile.open(path)).view();
    expect(problem).toBeNull();
    expect(settings.version).toBe(6);
    expect(settings.roots).toEqual([
      { ...version3.roots[0], ...defaultRootOptions },
      { ...version3.roots[1], ...defaultRootOptions, include: ['**/*.md'] },
    ]);
    expect(JSON.parse(await readFile(`${path}.v3.bak`, 'utf8'))).toEqual(version3);
  });

  it('migrates version 4 to 5: the search section with its defaults, everything else untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    const version4 = {
      ...version3,
      version: 4,
      roots: version3.roots.map((root) => ({ ...root, ...defaultRootOptions })),
    };
    await writeFile(path, JSON.stringify(version4));
    const { settings, problem } = (await SettingsFile.open(path)).view();
    expect(problem).toBeNull();
    expect(settings).toEqual({
      ...version4,
      version: 6,
      search: DEFAULT_SEARCH_SETTINGS,
      answer: DEFAULT_ANSWER_SETTINGS,
    });
    expect(JSON.parse(await readFile(`${path}.v4.bak`, 'utf8'))).toEqual(version4);
  });

  it('migrates version 5 to 6: the answer section with no endpoint and no key, everything else untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    const version5 = {
      ...version3,
      version: 5,
      roots: version3.roots.map((root) => ({ ...root, ...defaultRootOptions })),
      search: { ...DEFAULT_SEARCH_SETTINGS, mode: 'keyword' },
    };
    await writeFile(path, JSON.stringify(version5));
    const { settings, problem } = (await SettingsFile.open(path)).view();
    expect(problem).toBeNull();
    expect(settings).toEqual({ ...version5, version: 6, answer: DEFAULT_ANSWER_SETTINGS });
    expect(settings.answer).toMatchObject({ baseUrl: null, model: null });
    expect(JSON.stringify(settings)).not.toMatch(/api.?key/iu);
    expect(JSON.parse(await readFile(`${path}.v5.bak`, 'utf8'))).toEqual(version5);
  });

  it('keeps the original and reports it when a migration fails', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify(version1));
    const broken = [
      {
        from: 1,
        describe: 'throws',
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    const file = await SettingsFile.open(path, { migrations: broken });
    expect(file.view().problem).toMatchObject({
      code: 'SETTINGS_CORRUPT',
      message: expect.stringContaining('boom') as string,
    });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(version1);
    expect(JSON.parse(await readFile(`${path}.v1.bak`, 'utf8'))).toEqual(version1);
  });
});
