import { useCallback } from 'react';

import type { Precision } from '../../../../shared';
import { useAppState } from '../../app/app-state';
import { useClient } from '../../app/connection-context';

/**
 * Selects the variant to embed with (settings `encoder.precision`), then re-reads the model status,
 * whose `precision` and fingerprints follow the setting.
 */
export function usePrecisionChoice(reloadStatus: () => void): (precision: Precision) => Promise<void> {
  const client = useClient();
  const { setSettings } = useAppState();
  return useCallback(
    async (precision: Precision) => {
      const result = await client.invoke('settings.set', { encoder: { precision } });
      if (result.ok) setSettings(result.value);
      reloadStatus();
    },
    [client, setSettings, reloadStatus],
  );
}
