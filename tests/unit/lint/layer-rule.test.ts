import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = join(root, 'tests/fixtures/lint');

/**
 * Lints a fixture with the project's real eslint.config.js as if it lived at the path in its first line.
 * Type-aware rules are switched off because the file does not exist at that path.
 */
async function lintFixture(name: string): Promise<string[]> {
  const code = await readFile(join(fixtures, name), 'utf8');
  const as = /^\/\/ as: (\S+)/.exec(code)?.[1];
  if (!as) throw new Error(`${name} lacks its "// as: path" line`);
  const eslint = new ESLint({
    cwd: root,
    ignore: false,
    overrideConfig: [
      { ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false } } },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, as) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('the layer rule', () => {
  it.each([
    ['engine-imports-electron.ts', /no-restricted-imports: .*without Electron/],
    ['engine-imports-host.ts', /no-restricted-paths: .*electron\/engine must not import a host/],
    ['renderer-imports-engine.ts', /no-restricted-paths: .*renderer\/ imports only shared\//],
    ['renderer-imports-node.ts', /no-nodejs-modules/],
    ['host-imports-host.ts', /no-restricted-paths: .*hosts do not import each other/],
    ['shared-imports-engine.ts', /no-restricted-paths: .*shared\/ is the contract/],
  ])('fires on %s', async (fixture, expected) => {
    const messages = await lintFixture(fixture);
    expect(
      messages.some((m) => expected.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('allows a host to import the engine and the contract', async () => {
    expect(await lintFixture('allowed-imports.ts')).toEqual([]);
  });
});
