import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import {
  DEFAULT_SETTINGS,
  PolyseekError,
  SETTINGS_VERSION,
  SettingsSchema,
  describeIssues,
  errorMessage,
  type Settings,
  type SettingsProblem,
  type SettingsView,
} from '../../../shared';
import { writeFileAtomic } from './atomic-write';
import { MIGRATIONS, type Migration } from './migrations';
import { salvageSettings } from './salvage';

export interface OpenSettingsOptions {
  /** Migrations to apply; defaults to the shipped list (tests pass their own to exercise failures). */
  readonly migrations?: readonly Migration[];
  /** Clock for backup names; defaults to `new Date()`. */
  readonly now?: () => Date;
}

type Listener = (view: SettingsView) => void;

/**
 * The settings file: validated on read, migrated by numbered steps, written atomically, and never
 * silently replaced. A file that cannot be read is copied aside first and the problem is reported in
 * every view until the next successful write.
 */
export class SettingsFile {
  private current: Settings;
  private problem: SettingsProblem | null;
  private readonly readOnly: boolean;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();

  private constructor(
    readonly path: string,
    loaded: { settings: Settings; problem: SettingsProblem | null; readOnly: boolean },
  ) {
    this.current = loaded.settings;
    this.problem = loaded.problem;
    this.readOnly = loaded.readOnly;
  }

  static async open(path: string, options: OpenSettingsOptions = {}): Promise<SettingsFile> {
    await mkdir(dirname(path), { recursive: true });
    const loaded = await load(path, options.migrations ?? MIGRATIONS, options.now ?? (() => new Date()));
    const file = new SettingsFile(path, loaded);
    if (loaded.persist) await file.write(loaded.settings);
    return file;
  }

  get settings(): Settings {
    return this.current;
  }

  view(): SettingsView {
    return { settings: this.current, path: this.path, readOnly: this.readOnly, problem: this.problem };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies `change` to the latest settings, validates and persists; concurrent updates queue. */
  update(change: (settings: Settings) => Settings): Promise<SettingsView> {
    const next = this.writes.then(async () => {
      if (this.readOnly) {
        throw new PolyseekError(
          'SETTINGS_TOO_NEW',
          `${this.path} was written by a newer Polyseek; it is left untouched. Update Polyseek to change settings.`,
        );
      }
      const candidate = SettingsSchema.safeParse(change(structuredClone(this.current)));
      if (!candidate.success) {
        throw new PolyseekError('INVALID_INPUT', `settings: ${describeIssues(candidate.error.issues)}`);
      }
      await this.write(candidate.data);
      this.problem = null;
      const view = this.view();
      for (const listener of this.listeners) listener(view);
      return view;
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async write(settings: Settings): Promise<void> {
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (error) {
      throw new PolyseekError('SETTINGS_WRITE_FAILED', `writing ${this.path}: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    this.current = settings;
  }
}

interface Loaded {
  settings: Settings;
  problem: SettingsProblem | null;
  readOnly: boolean;
  /** Write the loaded settings back now (after a migration). */
  persist: boolean;
}

async function load(path: string, migrations: readonly Migration[], now: () => Date): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error))
      return { settings: structuredClone(DEFAULT_SETTINGS), problem: null, readOnly: false, persist: false };
    // Unreadable (permissions, a folder in its place): never overwrite what we could not read.
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problem: problem(
        'SETTINGS_CORRUPT',
        `cannot read ${path}: ${errorMessage(error)}; using defaults without saving`,
        null,
        ['all'],
      ),
      readOnly: true,
      persist: false,
    };
  }

  const stamp = now().toISOString().replace(/[:.]/g, '-');
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const backupPath = await backup(path, `corrupt-${stamp}`);
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problem: problem(
        'SETTINGS_CORRUPT',
        `${path} is not valid JSON (${errorMessage(error)}); all settings reset`,
        backupPath,
        ['all'],
      ),
      readOnly: false,
      persist: false,
    };
  }

  if (!isRecord(raw) || typeof raw['version'] !== 'number' || !Number.isInteger(raw['version']) || raw['version'] < 1) {
    const backupPath = await backup(path, `corrupt-${stamp}`);
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problem: problem('SETTINGS_CORRUPT', `${path} has no valid settings version; all settings reset`, backupPath, [
        'all',
      ]),
      readOnly: false,
      persist: false,
    };
  }

  const version = raw['version'];
  if (version > SETTINGS_VERSION) {
    const { settings } = salvageSettings(raw);
    return {
      settings,
      problem: problem(
        'SETTINGS_TOO_NEW',
        `${path} is settings version ${version}; this Polyseek knows version ${SETTINGS_VERSION}. It is left untouched and changes are not saved.`,
        null,
        [],
      ),
      readOnly: true,
      persist: false,
    };
  }

  let migrated: Record<string, unknown> = raw;
  let migrationError: string | null = null;
  if (version < SETTINGS_VERSION) {
    await backup(path, `v${version}`);
    try {
      migrated = runMigrations(raw, version, migrations);
    } catch (error) {
      migrationError = errorMessage(error);
    }
  }

  const parsed = SettingsSchema.safeParse(migrated);
  if (parsed.success && migrationError === null) {
    return { settings: parsed.data, problem: null, readOnly: false, persist: version < SETTINGS_VERSION };
  }

  const backupPath = await backup(path, `corrupt-${stamp}`);
  const { settings, reset } = salvageSettings(migrationError === null ? migrated : {});
  const why =
    migrationError === null
      ? `some settings in ${path} were invalid (${describeIssues(parsed.error?.issues ?? [])})`
      : `migrating ${path} from version ${version} failed (${migrationError})`;
  return {
    settings,
    problem: problem(
      'SETTINGS_CORRUPT',
      `${why}; kept what was valid`,
      backupPath,
      migrationError === null ? reset : ['all'],
    ),
    readOnly: false,
    persist: false,
  };
}

function runMigrations(
  raw: Record<string, unknown>,
  from: number,
  migrations: readonly Migration[],
): Record<string, unknown> {
  let value = raw;
  for (let version = from; version < SETTINGS_VERSION; version += 1) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from version ${version}`);
    value = step.migrate(value);
    if (value['version'] !== version + 1)
      throw new Error(`migration from ${version} produced version ${String(value['version'])}`);
  }
  return value;
}

async function backup(path: string, suffix: string): Promise<string> {
  const backupPath = `${path}.${suffix}.bak`;
  await copyFile(path, backupPath);
  return backupPath;
}

function problem(
  code: SettingsProblem['code'],
  message: string,
  backupPath: string | null,
  resetSections: string[],
): SettingsProblem {
  return { code, message, backupPath, resetSections };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
