import { resolve } from 'node:path';

import type { Command } from 'commander';

import {
  DOWNLOAD_VARIANTS,
  DownloadVariantSchema,
  PRECISIONS,
  PrecisionSchema,
  type ModelStatus,
  type Result,
} from '../../../shared';
import type { Runtime } from '../../engine/runtime';
import { fail, report, withRuntime, type GlobalOptions } from '../context';
import { formatModelStatus } from '../format-model';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';
import { createProgressLine } from '../progress-line';

export function registerModel(program: Command, io: CliIo): void {
  const model = program
    .command('model')
    .description('the embedding model: status, download, locate, verify, quantize (jobs run here until done)');

  model
    .command('status')
    .description('files, their verification, complete variants, the folder in use')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('model.status', {}), formatModelStatus);
      });
    });

  model
    .command('download')
    .description('download a variant (resumable, sha256-verified); Ctrl+C cancels and keeps the partial file')
    .option('--variant <variant>', `${DOWNLOAD_VARIANTS.join(' or ')}`, parseWith(DownloadVariantSchema), 'fp32')
    .action(async (flags: { variant: 'fp32' | 'fp16' }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, (runtime) =>
        runJob(io, options, runtime, () => runtime.invoke('model.download', { variant: flags.variant })),
      );
    });

  model
    .command('cancel')
    .description('cancel a model job of this process (a job of another process is cancelled there)')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('model.cancel', {}), (status) =>
          status.job?.state === 'cancelled'
            ? 'cancelled'
            : 'no model job runs in this process; stop a download in another Polyseek with Ctrl+C or the Models page',
        );
      });
    });

  model
    .command('locate')
    .description('use a model folder you already have (a copy, a USB stick, a Hugging Face cache) after checking it')
    .argument('<path>', 'the folder (relative paths are resolved against the current folder)')
    .option('--copy', 'copy it into the profile instead of using it in place')
    .action(async (path: string, flags: { copy?: boolean }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = { path: resolve(path), mode: flags.copy ? ('copy' as const) : ('use' as const) };
      await withRuntime(io, options, (runtime) =>
        runJob(io, options, runtime, () => runtime.invoke('model.locate', input)),
      );
    });

  model
    .command('verify')
    .description('check hashes, and with the licence accepted the fingerprint on probe texts in five scripts')
    .option(
      '--variant <variant>',
      `one of ${PRECISIONS.join(', ')} (default: every file present)`,
      parseWith(PrecisionSchema),
    )
    .option('--reset-fingerprint', 'record a new reference fingerprint (after replacing the model on purpose)')
    .action(async (flags: { variant?: (typeof PRECISIONS)[number]; resetFingerprint?: boolean }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = {
        ...(flags.variant ? { variant: flags.variant } : {}),
        ...(flags.resetFingerprint ? { resetFingerprint: true } : {}),
      };
      await withRuntime(io, options, (runtime) =>
        runJob(io, options, runtime, () => runtime.invoke('model.verify', input)),
      );
    });

  model
    .command('quantize')
    .description('make the int8 variant from fp32 on this machine and check it against fp32')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, (runtime) =>
        runJob(io, options, runtime, () => runtime.invoke('model.quantize', {})),
      );
    });
}

/**
 * Starts a job and waits for it in this process, drawing its progress on stderr; Ctrl+C cancels it
 * cleanly (the job ends, partial downloads are kept). The final status goes to stdout.
 */
async function runJob(
  io: CliIo,
  options: GlobalOptions,
  runtime: Runtime,
  start: () => Promise<Result<ModelStatus>>,
): Promise<void> {
  const progress = createProgressLine(io);
  let jobId: string | null = null;
  const unsubscribe = runtime.events.subscribe((event) => {
    if (event.name === 'model.progress' && (jobId === null || event.payload.id === jobId)) progress.show(event.payload);
  });
  try {
    const started = await start();
    if (!started.ok) return fail(io, options, started.error);
    jobId = started.value.job?.id ?? null;
    void io.waitForStop().then(async (signal) => {
      io.err(`polyseek: ${signal}, cancelling the model job…`);
      await runtime.invoke('model.cancel', {});
    });
    const job = await runtime.engine.models.waitForJob();
    progress.end();
    const status = await runtime.invoke('model.status', {});
    if (!job || job.state !== 'done') {
      return fail(io, options, job?.error ?? { code: 'INTERNAL', message: 'the model job ended without a result' });
    }
    report(io, options, status, () => job.message ?? `${job.kind} done`);
  } finally {
    progress.end();
    unsubscribe();
  }
}
