import type { Command } from 'commander';

import { ok } from '../../../shared';
import { withRuntime, type GlobalOptions, report } from '../context';
import { formatStatus } from '../format';
import type { CliIo } from '../io';

export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('show version, data folder, licence, model, compute and encoder settings')
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        const app = await invoke('app.info', {});
        const settings = await invoke('settings.get', {});
        const license = await invoke('license.status', {});
        const gpu = await invoke('gpu.status', {});
        const model = await invoke('model.status', {});
        for (const result of [app, settings, license, gpu, model]) if (!result.ok) report(io, options, result, String);
        if (!app.ok || !settings.ok || !license.ok || !gpu.ok || !model.ok) return;
        const value = {
          app: app.value,
          settings: settings.value,
          license: license.value,
          gpu: gpu.value,
          model: model.value,
        };
        report(io, options, ok(value), (v) => formatStatus(v));
      });
    });
}
