import { useEffect, useState } from 'react';

import { useClient } from '../../app/connection-context';

/**
 * The Matryoshka sizes the model in use offers (its config.json), through `index.plan` with no change:
 * the one command that reads them. Null while unknown (no model yet, or it cannot be read).
 */
export function useModelDims(): readonly number[] | null {
  const client = useClient();
  const [dims, setDims] = useState<readonly number[] | null>(null);
  useEffect(() => {
    let live = true;
    void client.invoke('index.plan', {}).then((answer) => {
      if (live && answer.ok) setDims(answer.value.modelDims);
    });
    return () => {
      live = false;
    };
  }, [client]);
  return dims;
}
