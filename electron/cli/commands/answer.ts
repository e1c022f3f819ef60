import type { Command } from 'commander';

import { ANSWER_KEY_ENV } from '../../engine/answer/key-store';
import { fail, report, withRuntime, type GlobalOptions } from '../context';
import { formatAnswerCheck, formatAnswerStatus } from '../format-answer';
import type { CliIo } from '../io';

const KEY_NOTE =
  `The CLI has no keychain: a key set here lasts for this process only. ` +
  `For the CLI and the server, set ${ANSWER_KEY_ENV} in their environment.`;

export function registerAnswer(program: Command, io: CliIo): void {
  const answer = program
    .command('answer')
    .description(
      'the chat model answers come from: status, check, key. The endpoint and model are settings: ' +
        '`polyseek settings set answer.baseUrl http://127.0.0.1:11434/v1` and `… answer.model llama3.1:8b`',
    );

  answer
    .command('status')
    .description('the endpoint and model set for answers, and whether an API key is present (never the key)')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('answer.status', {}), formatAnswerStatus);
      });
    });

  answer
    .command('check')
    .description('ask the endpoint for its models: is it reachable, and does it know the model set')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        const status = await invoke('answer.status', {});
        const model = status.ok ? status.value.model : null;
        report(io, options, await invoke('answer.check', {}), (check) => formatAnswerCheck(check, model));
      });
    });

  const key = answer.command('key').description(`the endpoint's API key. ${KEY_NOTE}`);

  key
    .command('set')
    .description(
      `read the API key from stdin (typed without echo on a terminal; never an argument, which ps and shell ` +
        `history would show). ${KEY_NOTE}`,
    )
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      let apiKey: string;
      try {
        apiKey = (await io.readSecret('API key (not shown): ')).trim();
      } catch {
        // Ctrl+C at the prompt.
        return fail(io, options, { code: 'CANCELLED', message: 'no key was read' }, 130);
      }
      if (apiKey === '') {
        return fail(io, options, { code: 'INVALID_INPUT', message: 'no key given: type it, or pipe it on stdin' }, 2);
      }
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('answer.setKey', { apiKey }), formatAnswerStatus);
        if (!options.json) io.err(`polyseek: ${KEY_NOTE}`);
      });
    });

  key
    .command('clear')
    .description('forget the API key set in this process (the environment variable stays)')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('answer.setKey', { apiKey: null }), formatAnswerStatus);
      });
    });
}
