import { useCallback, useEffect, useState } from 'react';

import { MATRYOSHKA_DIMS, type ReembedPlan, type ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { useEvent } from '../../hooks/use-events';
import type { EncoderSettings } from './settings-draft';

/** Edits settle this long before the engine is asked (typing in a field, flicking through a select). */
const SETTLE_MS = 150;

export type PlanState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly plans: ReadonlyMap<number, ReembedPlan>;
      /** Newer answers are on their way (the draft or the index changed); shown as busy, not hidden. */
      readonly stale: boolean;
    }
  | { readonly status: 'failed'; readonly error: ResultError };

/**
 * `index.plan` for the edited encoder settings at every Matryoshka size: the one chosen is what Save
 * would do, the others fill the dimensions table ("what if I chose 256?"). The engine decides each
 * answer (stored sets, derivation, model width, measured speed); asked again when the settings are
 * saved or an indexing job ends, since both change what is stored.
 */
export function useReembedPlans(edited: Partial<EncoderSettings>): PlanState {
  const client = useClient();
  const [answer, setAnswer] = useState<{ readonly request: string; readonly state: PlanState }>({
    request: '',
    state: { status: 'loading' },
  });
  const [generation, setGeneration] = useState(0);
  const { dims: _chosen, ...others } = edited;
  const key = JSON.stringify(others);
  const request = `${generation}:${key}`;

  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  useEvent('settings.changed', refresh);
  useEvent('index.progress', (job) => {
    if (job.state !== 'running' && job.state !== 'paused') refresh();
  });

  useEffect(() => {
    let live = true;
    const encoder = JSON.parse(key) as Partial<EncoderSettings>;
    const timer = setTimeout(() => {
      void Promise.all(
        MATRYOSHKA_DIMS.map(
          async (dims) => [dims, await client.invoke('index.plan', { encoder: { ...encoder, dims } })] as const,
        ),
      ).then((answers) => {
        if (!live) return;
        const refused = answers.find(([, result]) => !result.ok)?.[1];
        if (refused && !refused.ok) return setAnswer({ request, state: { status: 'failed', error: refused.error } });
        const plans = new Map<number, ReembedPlan>();
        for (const [dims, result] of answers) if (result.ok) plans.set(dims, result.value);
        setAnswer({ request, state: { status: 'ready', plans, stale: false } });
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, key, request]);

  const { state } = answer;
  return state.status === 'ready' && answer.request !== request ? { ...state, stale: true } : state;
}
