import { useEffect, useState } from 'react';

import type { ExplorePair } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { LOADING, type Loadable } from '../../hooks/loadable';

/** `explore.pair` for the chosen pair of a duplicates job; a newer choice drops an older answer. */
export function usePair(jobId: string, a: string, b: string): Loadable<ExplorePair> {
  const client = useClient();
  const key = `${jobId}\u0000${a}\u0000${b}`;
  const [answer, setAnswer] = useState<{ readonly key: string; readonly state: Loadable<ExplorePair> } | null>(null);

  useEffect(() => {
    let live = true;
    void client.invoke('explore.pair', { jobId, a, b }).then((result) => {
      if (!live) return;
      setAnswer({
        key: `${jobId}\u0000${a}\u0000${b}`,
        state: result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [client, jobId, a, b]);

  return answer?.key === key ? answer.state : LOADING;
}
