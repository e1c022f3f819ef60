import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer, type ServerProcess } from './processes';

export interface StartOptions {
  /** Extra environment for the server (e.g. POLYSEEK_TOKEN). */
  readonly env?: Record<string, string>;
  /** Files written into the fresh data folder before the server starts, by relative name. */
  readonly files?: Record<string, string>;
}

/** Servers started by a test file, each on a fresh data folder; `stopAll()` belongs in afterAll. */
export function serverPool() {
  const running: { server: ServerProcess | null; dataDir: string }[] = [];
  return {
    async start(options: StartOptions = {}): Promise<ServerProcess> {
      const entry = {
        server: null as ServerProcess | null,
        dataDir: await mkdtemp(join(tmpdir(), 'polyseek-e2e-data-')),
      };
      running.push(entry);
      for (const [name, content] of Object.entries(options.files ?? {})) {
        await writeFile(join(entry.dataDir, name), content);
      }
      entry.server = await startServer(entry.dataDir, options.env);
      return entry.server;
    },
    async stopAll(): Promise<void> {
      for (const { server, dataDir } of running.splice(0)) {
        await server?.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
