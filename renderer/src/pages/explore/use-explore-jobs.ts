import { useCallback, useEffect, useState } from 'react';

import type { ExploreJobSummary, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { LOADING, type Loadable } from '../../hooks/loadable';
import { useEvent } from '../../hooks/use-events';
import { jobList, mergeSaved, withJob, type JobMap } from './job-list';

export interface ExploreJobs {
  /** Newest first, with live progress merged in. */
  readonly jobs: Loadable<readonly ExploreJobSummary[]>;
  readonly reload: () => void;
  /** Records a summary a command answered with (a job just started). */
  readonly put: (summary: ExploreJobSummary) => void;
  readonly cancel: (jobId: string) => Promise<void>;
  /** The last refused cancel, until the next one. */
  readonly refusal: ResultError | null;
  readonly pending: string | null;
}

/**
 * `explore.jobs` once (and again when the engine restarts), then every `explore.progress` event on top,
 * keeping the summary with the highest revision: answers and events race.
 */
export function useExploreJobs(): ExploreJobs {
  const client = useClient();
  const [jobs, setJobs] = useState<Loadable<JobMap>>(LOADING);
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<ResultError | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.invoke('explore.jobs', {}).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setJobs({ status: 'failed', error: answer.error });
      setJobs((current) => ({
        status: 'ready',
        value: mergeSaved(current.status === 'ready' ? current.value : new Map(), answer.value.jobs),
      }));
    });
    return () => {
      live = false;
    };
  }, [client, generation]);

  const put = useCallback((summary: ExploreJobSummary) => {
    setJobs((current) => ({
      status: 'ready',
      value: withJob(current.status === 'ready' ? current.value : new Map(), summary),
    }));
  }, []);

  useEvent('explore.progress', put);
  useEvent('engine.state', (engine) => {
    if (engine.state === 'ready') setGeneration((n) => n + 1);
  });

  const cancel = useCallback(
    async (jobId: string) => {
      setPending(jobId);
      setRefusal(null);
      const answer = await client.invoke('explore.cancel', { jobId });
      setPending(null);
      if (!answer.ok) setRefusal(answer.error);
    },
    [client],
  );

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const list: Loadable<readonly ExploreJobSummary[]> =
    jobs.status === 'ready' ? { status: 'ready', value: jobList(jobs.value) } : jobs;
  return { jobs: list, reload, put, cancel, refusal, pending };
}
