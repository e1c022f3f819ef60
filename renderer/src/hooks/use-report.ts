import { useEffect, useState } from 'react';

import type { ResultError, Result } from '../../../shared';
import { useClient } from '../app/connection-context';
import type { PolyseekClient } from '../client';

export type ReportState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly report: T }
  | { readonly status: 'failed'; readonly error: ResultError };

/**
 * The report of the shown job or run (`read` it by id), fetched again whenever `version` changes (its
 * state moved on). The report already shown stays while the next one of the same id loads, so the page
 * does not blink; another id's does not. `read` must be stable (a module-level function).
 */
export function useReport<T>(
  id: string | null,
  version: string,
  read: (client: PolyseekClient, id: string) => Promise<Result<T>>,
): ReportState<T> {
  const client = useClient();
  const [answer, setAnswer] = useState<{ readonly id: string; readonly state: ReportState<T> } | null>(null);

  useEffect(() => {
    if (id === null) return undefined;
    let live = true;
    void read(client, id).then((result) => {
      if (!live) return;
      setAnswer({
        id,
        state: result.ok ? { status: 'ready', report: result.value } : { status: 'failed', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [client, id, version, read]);

  return answer && answer.id === id ? answer.state : { status: 'loading' };
}
