import type { Command } from 'commander';

import { SettingsPatchSchema, err, ok, type SettingsPatch } from '../../../shared';
import { fail, withRuntime, type GlobalOptions, report } from '../context';
import { flattenSettings } from '../format';
import type { CliIo } from '../io';

/** `section.field` keys `settings set` accepts, derived from the contract's patch schema. */
export const SETTABLE_KEYS: readonly string[] = Object.entries(SettingsPatchSchema.shape).flatMap(([section, schema]) =>
  Object.keys(schema.unwrap().shape).map((field) => `${section}.${field}`),
);

export function registerSettings(program: Command, io: CliIo): void {
  const settings = program.command('settings').description('read or change settings');

  settings
    .command('get')
    .description('print all settings, or one key such as encoder.dims')
    .argument('[key]', 'a dotted key, e.g. compute.provider')
    .action(async (key: string | undefined, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        const view = await invoke('settings.get', {});
        if (!view.ok || key === undefined) {
          return void report(io, options, view, (v) =>
            [`# ${v.path}`, ...flattenSettings(v.settings).map(([k, value]) => `${k} = ${value}`)].join('\n'),
          );
        }
        const entry = flattenSettings(view.value.settings).find(([k]) => k === key);
        const value = lookup(view.value.settings, key);
        if (value === undefined)
          return fail(io, options, { code: 'INVALID_INPUT', message: `unknown settings key ${key}` });
        report(io, options, ok(value), () => entry?.[1] ?? JSON.stringify(value));
      });
    });

  settings
    .command('set')
    .description(`change one setting; keys: ${SETTABLE_KEYS.join(', ')}`)
    .argument('<key>', 'a dotted key, e.g. encoder.dims')
    .argument('<value>', 'the new value (numbers, true/false and null are parsed)')
    .action(async (key: string, raw: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      if (!SETTABLE_KEYS.includes(key)) {
        return fail(io, options, {
          code: 'INVALID_INPUT',
          message: `cannot set ${key}; settable keys: ${SETTABLE_KEYS.join(', ')}`,
        });
      }
      const [section = '', field = ''] = key.split('.');
      const patch = { [section]: { [field]: parseValue(raw) } } as SettingsPatch;
      await withRuntime(io, options, async ({ invoke }) => {
        const view = await invoke('settings.set', patch);
        const value = view.ok ? ok(lookup(view.value.settings, key)) : err(view.error.code, view.error.message);
        report(io, options, value, (v) => `${key} = ${JSON.stringify(v)}`);
      });
    });
}

/** Numbers, true/false and null are parsed (`settings set model.dir null` goes back to the profile's folder). */
function parseValue(raw: string): unknown {
  if (/^(true|false|null|-?\d+(\.\d+)?)$/.test(raw)) return JSON.parse(raw) as unknown;
  return raw;
}

function lookup(settings: object, key: string): unknown {
  let value: unknown = settings;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
