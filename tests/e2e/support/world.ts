import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll } from 'vitest';

import { ensureSyntheticModel, type PresetName } from '../../fixtures/synthetic-model';
import { launchBrowser, type Browser } from './browser';
import { serverPool } from './servers';

/** Something a suite needs that may be missing here: `chromiumAvailability()`, `corpusAvailability()`. */
export interface Requirement {
  readonly problem: string | null;
}

export interface E2eWorldOptions {
  /**
   * Checked first, in order: the first with a problem fails beforeAll with it. Skipping stays with the
   * suite's `describe.skipIf(…skip)`; a requirement that reaches here unmet is CI's, which must not skip.
   */
  readonly requires: readonly Requirement[];
  /** The synthetic model made (or found in its cache) before anything else; `modelDir` is its folder. Default: none. */
  readonly model?: PresetName;
  /** Names the scratch folder, `$TMPDIR/polyseek-e2e-<scratch>-XXXXXX`, removed in afterAll. Default: none. */
  readonly scratch?: string;
  /** Runs once the model and the scratch folder are there and before the browser starts: corpus copies, manifests, fixtures. */
  readonly prepare?: (world: E2eWorld) => Promise<void>;
  /**
   * Runs in afterAll after the servers stop and the browser closes, before the scratch folder goes: closes
   * what `prepare` started. Runs when beforeAll failed part-way too, so it must cope with that.
   */
  readonly cleanup?: () => Promise<void>;
}

export interface E2eWorld {
  /** Servers started by the suite's tests; all are stopped in afterAll. */
  readonly servers: ReturnType<typeof serverPool>;
  readonly browser: Browser;
  /** The scratch folder's path (needs `scratch` in the options). */
  readonly scratch: string;
  /** The synthetic model's folder (needs `model` in the options). */
  readonly modelDir: string;
}

/**
 * Registers the beforeAll and afterAll an e2e suite shares: requirements checked, then the synthetic
 * model, the scratch folder, `prepare`, and Chromium; in afterAll the servers stop, the browser closes,
 * `cleanup` runs and the scratch folder is removed. Call it at the top of the `describe`. The getters
 * throw until beforeAll has made what they return.
 */
export function useE2eWorld(options: E2eWorldOptions): E2eWorld {
  const servers = serverPool();
  let browser: Browser | undefined;
  let scratch: string | undefined;
  let modelDir: string | undefined;

  const world: E2eWorld = {
    servers,
    get browser() {
      return ready(browser, 'the browser');
    },
    get scratch() {
      if (!options.scratch) throw new Error('this e2e world has no scratch folder (no `scratch` option)');
      return ready(scratch, 'the scratch folder');
    },
    get modelDir() {
      if (!options.model) throw new Error('this e2e world has no model (no `model` option)');
      return ready(modelDir, 'the model folder');
    },
  };

  beforeAll(async () => {
    for (const { problem } of options.requires) if (problem) throw new Error(problem);
    if (options.model) modelDir = await ensureSyntheticModel(options.model);
    if (options.scratch) scratch = await mkdtemp(join(tmpdir(), `polyseek-e2e-${options.scratch}-`));
    await options.prepare?.(world);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await servers.stopAll();
    await browser?.close();
    await options.cleanup?.();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  return world;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what}: beforeAll did not finish`);
  return value;
}
