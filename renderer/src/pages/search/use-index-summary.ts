import { useState } from 'react';

import type { IndexJob } from '../../../../shared';
import { valueOf } from '../../hooks/loadable';
import { useCommand } from '../../hooks/use-command';
import { useEvent } from '../../hooks/use-events';

export interface IndexSummary {
  /** Nothing is indexed and nothing is being indexed: the page points to Folders instead of searching. */
  readonly empty: boolean;
  /** A job is running (or paused): results grow as it goes. */
  readonly indexing: boolean;
}

/**
 * What the page needs to know about the index: whether there is anything to search, whether a job runs,
 * and when one ends (`onEnded`, so the results on screen are searched again).
 */
export function useIndexSummary(onEnded: () => void): IndexSummary {
  const { state, reload } = useCommand('index.status');
  const [live, setLive] = useState<IndexJob | null>(null);
  useEvent('index.progress', (job) => {
    setLive(job);
    if (job.state !== 'running' && job.state !== 'paused') {
      reload();
      onEnded();
    }
  });
  useEvent('settings.changed', reload);
  const status = valueOf(state);
  const job = live ?? status?.job ?? null;
  const indexing = job?.state === 'running' || job?.state === 'paused';
  return { empty: status !== null && status.totals.indexed === 0 && !indexing, indexing };
}
