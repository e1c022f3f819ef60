import { useCallback, useState } from 'react';

import type { CommandInput, ModelJob, ModelStatus, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import type { Loadable } from '../../hooks/loadable';
import { useCommand } from '../../hooks/use-command';
import { useEvent } from '../../hooks/use-events';

export type ModelAction = 'model.download' | 'model.cancel' | 'model.locate' | 'model.verify' | 'model.quantize';

export interface ModelStatusState {
  readonly status: Loadable<ModelStatus>;
  /** The job as the latest `model.progress` event (or status) shows it. */
  readonly job: ModelJob | null;
  readonly reload: () => void;
  /** Runs a model command; its answer (the new status) replaces the shown one, a refusal is kept to show. */
  readonly run: <K extends ModelAction>(name: K, input: CommandInput<K>) => Promise<void>;
  /** Why the last command was refused (a failed job reports in `job.error` instead). */
  readonly refusal: { readonly action: ModelAction; readonly error: ResultError } | null;
  readonly pending: ModelAction | null;
}

/** `model.status`, kept fresh by `model.progress` (live job) and `settings.changed` (folder, precision). */
export function useModelStatus(): ModelStatusState {
  const client = useClient();
  const command = useCommand('model.status');
  const [live, setLive] = useState<ModelJob | null>(null);
  const [refusal, setRefusal] = useState<ModelStatusState['refusal']>(null);
  const [pending, setPending] = useState<ModelAction | null>(null);
  const { reload, replace } = command;

  useEvent('model.progress', (job) => {
    setLive(job);
    // Files, hashes and fingerprints change when a job ends; the status says how.
    if (job.state !== 'running') reload();
  });
  useEvent('settings.changed', reload);

  const run = useCallback(
    async <K extends ModelAction>(name: K, input: CommandInput<K>) => {
      setPending(name);
      setRefusal(null);
      const result = await client.invoke(name, input);
      setPending(null);
      if (!result.ok) return setRefusal({ action: name, error: result.error });
      replace(result.value);
    },
    [client, replace],
  );

  const fromStatus = command.state.status === 'ready' ? command.state.value.job : null;
  const job =
    live && (!fromStatus || live.id === fromStatus.id || live.startedAt >= fromStatus.startedAt) ? live : fromStatus;
  return { status: command.state, job, reload, run, refusal, pending };
}
