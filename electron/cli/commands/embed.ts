import type { Command } from 'commander';

import { DimsSchema, PrecisionSchema, TASKS, TaskSchema, type EmbedInput } from '../../../shared';
import { withRuntime, type GlobalOptions, report } from '../context';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';

interface EmbedFlags {
  task: EmbedInput['task'];
  dims?: EmbedInput['dims'];
  precision?: EmbedInput['precision'];
  prefix?: boolean;
  binary?: boolean;
}

export function registerEmbed(program: Command, io: CliIo): void {
  program
    .command('embed')
    .description('embed texts with a chosen adapter: one vector (JSON array) per line, or all details with --json')
    .argument('<texts...>', 'texts to embed')
    .requiredOption('--task <task>', `adapter: ${TASKS.join(', ')}`, parseWith(TaskSchema))
    .option('--dims <n>', 'Matryoshka dimension (32…1024)', (v) => parseWith(DimsSchema)(Number(v)))
    .option('--precision <p>', 'fp32, fp16 or int8', parseWith(PrecisionSchema))
    .option('--no-prefix', 'do not prepend the task instruction')
    .option('--binary', 'also print sign-bit codes (base64)')
    .action(async (texts: string[], flags: EmbedFlags, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input: EmbedInput = {
        texts,
        task: flags.task,
        ...(flags.dims ? { dims: flags.dims } : {}),
        ...(flags.precision ? { precision: flags.precision } : {}),
        ...(flags.prefix === false ? { prefix: false } : {}),
        ...(flags.binary ? { binary: true } : {}),
      };
      await withRuntime(io, options, async ({ invoke }) => {
        const result = await invoke('embed', input);
        if (result.ok) {
          const { provider, dims, task, model } = result.value;
          io.err(
            `${task} · ${dims} dims · ${model.precision} on ${provider}${model.synthetic ? ` · synthetic model (${model.synthetic})` : ''}`,
          );
        }
        report(io, options, result, (value) =>
          value.embeddings.map((e) => JSON.stringify(e.vector) + (e.binary ? `\t${e.binary}` : '')).join('\n'),
        );
      });
    });
}
