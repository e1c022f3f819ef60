import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-output/e2e/', import.meta.url));
export const BIN = (name: string): string =>
  fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));
