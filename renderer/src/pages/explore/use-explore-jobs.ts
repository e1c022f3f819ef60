import { useCallback, useState } from 'react';

import type { ExploreJobSummary, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import type { Loadable } from '../../hooks/loadable';
import { useCancelling } from '../../hooks/use-cancelling';
import { useLiveSummaries, type LiveSource } from '../../hooks/use-live-summaries';
import { jobList, mergeSaved, withJob } from './job-list';

export interface ExploreJobs {
  /** Newest first, with live progress merged in. */
  readonly jobs: Loadable<readonly ExploreJobSummary[]>;
  readonly reload: () => void;
  /** Records a summary a command answered with (a job just started). */
  readonly put: (summary: ExploreJobSummary) => void;
  readonly cancel: (jobId: string) => Promise<void>;
  /** The last refused cancel, until the next one. */
  readonly refusal: ResultError | null;
  /** Jobs asked to cancel: the command in flight, or accepted (a row offers Cancel only while its job runs). */
  readonly pending: ReadonlySet<string>;
}

const JOBS: LiveSource<'explore.progress'> = {
  load: async (client) => {
    const answer = await client.invoke('explore.jobs', {});
    return answer.ok ? { ok: true, value: answer.value.jobs } : answer;
  },
  event: 'explore.progress',
  put: withJob,
  merge: mergeSaved,
  list: jobList,
};

/**
 * `explore.jobs` once (and again when the engine restarts), then every `explore.progress` event on top,
 * keeping the summary with the highest revision: answers and events race.
 */
export function useExploreJobs(): ExploreJobs {
  const client = useClient();
  const { summaries, reload, put } = useLiveSummaries(JOBS);
  const [refusal, setRefusal] = useState<ResultError | null>(null);
  const send = useCallback((jobId: string) => client.invoke('explore.cancel', { jobId }), [client]);
  const cancelling = useCancelling(summaries, jobIdOf, send);
  const { cancel: sendCancel } = cancelling;

  const cancel = useCallback(
    async (jobId: string) => {
      setRefusal(null);
      setRefusal(await sendCancel(jobId));
    },
    [sendCancel],
  );

  return { jobs: summaries, reload, put, cancel, refusal, pending: cancelling.ids };
}

const jobIdOf = (job: ExploreJobSummary) => job.jobId;
