import type { Command } from 'commander';

import { LICENSE_ID, LICENSE_TERMS, MODEL_ID, ok } from '../../../shared';
import { fail, withRuntime, type GlobalOptions, report } from '../context';
import { formatLicense } from '../format';
import type { CliIo } from '../io';

export function termsText(): string {
  return [
    LICENSE_TERMS.title,
    LICENSE_TERMS.url,
    '',
    ...LICENSE_TERMS.summary.map((line) => `  • ${line}`),
    '',
    `By accepting you confirm: "${LICENSE_TERMS.acknowledgment}"`,
  ].join('\n');
}

export function registerLicense(program: Command, io: CliIo): void {
  const license = program.command('license').description(`the ${LICENSE_ID} licence of the embedding model`);

  license
    .command('status')
    .description('whether the licence was acknowledged')
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('license.status', {}), formatLicense);
      });
    });

  license
    .command('show')
    .description('print the licence terms summary')
    .action((_options: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      report(io, options, ok(LICENSE_TERMS), termsText);
    });

  license
    .command('accept')
    .description('acknowledge non-commercial use of Jina Embeddings v3 (prompts unless --yes)')
    .option('-y, --yes', 'accept without prompting (you have read `polyseek license show`)')
    .action(async (local: { yes?: boolean }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      if (!local.yes) {
        if (!io.interactive) {
          return fail(io, options, {
            code: 'LICENSE_NOT_ACCEPTED',
            message: 'no terminal to ask in; read `polyseek license show`, then run `polyseek license accept --yes`',
          });
        }
        io.err(termsText());
        const answer = (await io.ask('\nType "yes" to accept: ')).trim().toLowerCase();
        if (answer !== 'yes') {
          return fail(io, options, { code: 'LICENSE_NOT_ACCEPTED', message: 'not accepted; nothing was changed' });
        }
      }
      await withRuntime(io, options, async ({ invoke }) => {
        const status = await invoke('license.accept', {
          licenseId: LICENSE_ID,
          modelId: MODEL_ID,
          nonCommercialOnly: true,
        });
        report(io, options, status, formatLicense);
      });
    });
}
