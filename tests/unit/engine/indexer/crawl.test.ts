import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { crawlRoot } from '../../../../electron/engine/indexer/crawl';
import { compileRootRules } from '../../../../electron/engine/indexer/root-rules';
import { DEFAULT_EXCLUDE_GLOBS, DEFAULT_INCLUDE_GLOBS, DEFAULT_MAX_FILE_BYTES, type Root } from '../../../../shared';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();

function rootAt(path: string, options: Partial<Root> = {}): Root {
  return {
    path,
    addedAt: '2026-01-01T00:00:00.000Z',
    include: [...DEFAULT_INCLUDE_GLOBS],
    exclude: [...DEFAULT_EXCLUDE_GLOBS],
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    followSymlinks: true,
    allowOutside: false,
    ...options,
  };
}

async function files(dir: string, tree: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(tree)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
}

describe('root rules', () => {
  it('skips hidden files, dependency and build folders by default, and honours include globs', () => {
    const rules = compileRootRules(rootAt('/r', { include: ['**/*.md', '**/*.pdf'] }));
    expect(rules.indexesFile('notes/a.md')).toBe(true);
    expect(rules.indexesFile('notes/a.txt')).toBe(false);
    expect(rules.indexesFile('.secret.md')).toBe(false);
    expect(rules.skipsFolder('.git')).toBe(true);
    expect(rules.skipsFolder('app/node_modules')).toBe(true);
    expect(rules.skipsFolder('app/dist')).toBe(true);
    expect(rules.skipsFolder('docs')).toBe(false);
    expect(rules.indexesFile('~$report.md')).toBe(false);
  });

  it('treats `dir/**` excludes as excluding the folder itself', () => {
    const rules = compileRootRules(rootAt('/r', { exclude: ['private/**', '**/*.log'] }));
    expect(rules.skipsFolder('private')).toBe(true);
    expect(rules.skipsFolder('public')).toBe(false);
    expect(rules.indexesFile('public/x.log')).toBe(false);
  });
});

describe('crawlRoot', () => {
  it('lists wanted files with size and mtime, marks files over the cap, never enters excluded folders', async () => {
    const dir = await tempDir();
    await files(dir, {
      'a.txt': 'hello',
      'sub/b.md': '# b',
      'big.txt': 'x'.repeat(2000),
      '.hidden/c.txt': 'no',
      'node_modules/pkg/d.txt': 'no',
      '.env': 'no',
    });
    const found = await crawlRoot(rootAt(dir, { maxFileBytes: 1000 }));
    expect(found.map((f) => relative(dir, f.path))).toEqual(['a.txt', 'big.txt', 'sub/b.md']);
    expect(found.find((f) => f.path.endsWith('big.txt'))).toMatchObject({ tooLarge: true, size: 2000 });
    expect(found.find((f) => f.path.endsWith('a.txt'))).toMatchObject({ tooLarge: false, size: 5, root: dir });
  });

  it('follows links without loops or duplicates, and out of the root only when allowed', async () => {
    const base = await tempDir();
    const root = join(base, 'root');
    const outside = join(base, 'outside');
    await files(root, { 'docs/a.txt': 'a' });
    await files(outside, { 'o.txt': 'o', 'deep/p.txt': 'p' });
    await symlink(join(root, 'docs'), join(root, 'docs-again')); // inside: left to the walk
    await symlink(root, join(root, 'docs', 'loop')); // a loop back to the root
    await symlink(outside, join(root, 'shared'));
    await symlink(outside, join(outside, 'deep', 'back')); // a loop inside the followed tree
    await symlink(join(base, 'nowhere'), join(root, 'dangling'));

    const inside = await crawlRoot(rootAt(root));
    expect(inside.map((f) => relative(root, f.path))).toEqual(['docs/a.txt']);

    const out = await crawlRoot(rootAt(root, { allowOutside: true }));
    expect(out.map((f) => relative(root, f.path))).toEqual(['docs/a.txt', 'shared/deep/p.txt', 'shared/o.txt']);

    const none = await crawlRoot(rootAt(root, { followSymlinks: false, allowOutside: true }));
    expect(none.map((f) => relative(root, f.path))).toEqual(['docs/a.txt']);
  });

  it('refuses a root that is not there with ROOT_NOT_FOUND', async () => {
    const dir = await tempDir();
    await expect(crawlRoot(rootAt(join(dir, 'gone')))).rejects.toMatchObject({ code: 'ROOT_NOT_FOUND' });
  });

  it('never enters the profile folder', async () => {
    const dir = await tempDir();
    await files(dir, { 'a.txt': 'a', 'profile/index/x.txt': 'no' });
    const found = await crawlRoot(rootAt(dir), { never: [join(dir, 'profile')] });
    expect(found.map((f) => relative(dir, f.path))).toEqual(['a.txt']);
  });
});
