import { useCallback, useEffect, useState } from 'react';

import type { CommandInput, IndexErrors, IndexJob, IndexStatus, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { LOADING, type Loadable } from '../../hooks/loadable';
import { useCommand } from '../../hooks/use-command';
import { useEvent } from '../../hooks/use-events';

export type IndexAction =
  | 'roots.add'
  | 'roots.update'
  | 'roots.remove'
  | 'index.start'
  | 'index.pause'
  | 'index.resume'
  | 'index.cancel'
  | 'index.retry';

export interface IndexState {
  readonly status: Loadable<IndexStatus>;
  /** The job as the latest `index.progress` event (or the status) shows it. */
  readonly job: IndexJob | null;
  readonly errors: Loadable<IndexErrors>;
  readonly reload: () => void;
  readonly run: <K extends IndexAction>(name: K, input: CommandInput<K>) => Promise<boolean>;
  readonly refusal: { readonly action: IndexAction; readonly error: ResultError } | null;
  readonly pending: IndexAction | null;
}

/** While a job runs, folder counts are re-read this long after the last answer (events carry only the job). */
const REFRESH_MS = 2000;

/** `index.status` and `index.errors`, kept fresh by `index.progress` and `settings.changed`. */
export function useIndex(): IndexState {
  const client = useClient();
  const command = useCommand('index.status');
  const [live, setLive] = useState<IndexJob | null>(null);
  const [errors, setErrors] = useState<Loadable<IndexErrors>>(LOADING);
  const [refusal, setRefusal] = useState<IndexState['refusal']>(null);
  const [pending, setPending] = useState<IndexAction | null>(null);
  const [errorsGeneration, setErrorsGeneration] = useState(0);
  const { reload: reloadStatus, replace } = command;

  const reload = useCallback(() => {
    reloadStatus();
    setErrorsGeneration((n) => n + 1);
  }, [reloadStatus]);

  useEffect(() => {
    let current = true;
    void client.invoke('index.errors', { limit: 500 }).then((result) => {
      if (current)
        setErrors(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [client, errorsGeneration]);

  useEvent('index.progress', (job) => {
    setLive(job);
    if (job.state !== 'running' && job.state !== 'paused') reload();
  });
  useEvent('settings.changed', reload);

  const running = live?.state === 'running' || live?.state === 'paused';
  // The next re-read waits for the last answer (the effect re-runs when `command.state` changes), never
  // a fixed clock: while a large job writes, index.status takes 4–16 s, and reads started every 2 s
  // piled up on the browser's six connections to the server, so a search typed meanwhile waited ~35 s
  // for a socket (tests/e2e/indexing-responsiveness.test.ts).
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reloadStatus, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [running, reloadStatus, command.state]);

  const run = useCallback(
    async <K extends IndexAction>(name: K, input: CommandInput<K>): Promise<boolean> => {
      setPending(name);
      setRefusal(null);
      const result = await client.invoke(name, input);
      setPending(null);
      if (!result.ok) {
        setRefusal({ action: name, error: result.error });
        return false;
      }
      if (name.startsWith('index.')) replace(result.value as IndexStatus);
      else reload();
      return true;
    },
    [client, replace, reload],
  );

  const fromStatus = command.state.status === 'ready' ? command.state.value.job : null;
  const job =
    live && (!fromStatus || live.id === fromStatus.id || live.startedAt >= fromStatus.startedAt) ? live : fromStatus;
  return { status: command.state, job, errors, reload, run, refusal, pending };
}
