import { useEffect, useEffectEvent } from 'react';

import type { EventName, EventPayload } from '../../../shared';
import { useClient } from '../app/connection-context';

/** Calls `listener` with the payload of every `name` event while the component is mounted. */
export function useEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  const onPayload = useEffectEvent(listener);
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name === name) onPayload(event.payload as EventPayload<E>);
      }),
    [client, name],
  );
}
