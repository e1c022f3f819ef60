import { useCallback, useEffect, useState } from 'react';

import type { CommandInput, CommandName, CommandOutput } from '../../../shared';
import { useClient } from '../app/connection-context';
import { LOADING, type Loadable } from './loadable';

/** Commands that read state and take no input: the ones a page loads on mount. */
export type QueryCommand = {
  [K in CommandName]: Record<string, never> extends CommandInput<K>
    ? CommandInput<K> extends Record<string, never>
      ? K
      : never
    : never;
}[CommandName];

export interface CommandState<T> {
  readonly state: Loadable<T>;
  /** Runs the command again; a value already shown stays visible meanwhile, a failure turns into loading. */
  readonly reload: () => void;
  /** Replaces the value with a fresher one (from an event or a write's answer). */
  readonly replace: (value: T) => void;
}

/** Loads a query command on mount; errors are kept with their code, never swallowed. */
export function useCommand<K extends QueryCommand>(name: K): CommandState<CommandOutput<K>> {
  const client = useClient();
  const [state, setState] = useState<Loadable<CommandOutput<K>>>(LOADING);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void client.invoke(name, {} as CommandInput<K>).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [client, name, generation]);

  const reload = useCallback(() => {
    setState((current) => (current.status === 'failed' ? LOADING : current));
    setGeneration((n) => n + 1);
  }, []);
  const replace = useCallback((value: CommandOutput<K>) => setState({ status: 'ready', value }), []);
  return { state, reload, replace };
}
