// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rule (DESIGN.md): shared ← electron/engine ← electron/{main,worker,server,cli}; renderer → shared.
 * Nothing imports a host, with one exception: the CLI is the launcher of the server (`polyseek serve`).
 * Paths are resolved, so `../../server/x` and `electron/server/x` are caught alike.
 */
const HOSTS = ['main', 'preload', 'worker', 'server', 'cli'];
const hostZones = HOSTS.flatMap((host) =>
  HOSTS.filter((other) => other !== host && !(host === 'cli' && other === 'server')).map((other) => ({
    target: `./electron/${host}`,
    from: `./electron/${other}`,
    message: `hosts do not import each other (electron/${host} → electron/${other}); share code through electron/engine.`,
  })),
);
export const layerZones = [
  {
    target: './shared',
    from: ['./electron', './renderer'],
    message: 'shared/ is the contract: it depends on zod only.',
  },
  {
    target: './electron/engine',
    from: [...HOSTS.map((h) => `./electron/${h}`), './renderer'],
    message: 'electron/engine must not import a host or the renderer.',
  },
  {
    target: './renderer',
    from: '.',
    except: ['./renderer', './shared', './node_modules'],
    message: 'renderer/ imports only shared/ and its own files.',
  },
  {
    target: ['./electron', './shared'],
    from: './renderer',
    message: 'nothing imports the renderer.',
  },
  ...hostZones,
];

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-output/**', '.cache/**', 'tests/fixtures/lint/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['./tsconfig.json', './renderer/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
        createNodeResolver(),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-duplicates': 'error',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/engine/**', 'shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the engine and the contract run without Electron (layer rule).' }],
          patterns: [
            { regex: '^electron/', message: 'the engine and the contract run without Electron (layer rule).' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**', 'renderer/src/**'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'shared/ and renderer/ never import Electron (layer rule).' }] },
      ],
    },
  },
  {
    ...reactHooks.configs.flat['recommended-latest'],
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    ...tseslint.configs.disableTypeChecked,
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
  },
);
