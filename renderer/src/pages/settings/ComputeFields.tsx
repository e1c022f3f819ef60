import { useId } from 'react';

import { MAX_THREADS, PROVIDER_PREFERENCES, type ProviderPreference } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { SelectField } from './SelectField';

interface Props {
  readonly provider: ProviderPreference;
  readonly threadsText: string;
  readonly threadsError: string | null;
  readonly onProvider: (provider: ProviderPreference) => void;
  readonly onThreads: (text: string) => void;
}

/** Execution provider preference and encoder threads. */
export function ComputeFields({ provider, threadsText, threadsError, onProvider, onThreads }: Props) {
  const threadsId = useId();
  return (
    <Panel title="Compute preference">
      <div className="field-grid">
        <SelectField
          label="Execution provider"
          value={provider}
          options={PROVIDER_PREFERENCES}
          onChange={onProvider}
          hint="auto tries the GPU providers available here and falls back to CPU, reporting why."
        />
        <div className="field">
          <label htmlFor={threadsId}>Threads</label>
          <input
            id={threadsId}
            type="number"
            min={0}
            max={MAX_THREADS}
            step={1}
            inputMode="numeric"
            value={threadsText}
            aria-invalid={threadsError ? true : undefined}
            aria-describedby={`${threadsId}-hint`}
            onChange={(event) => onThreads(event.target.value)}
          />
          <p id={`${threadsId}-hint`} className={threadsError ? 'field-error' : 'hint'}>
            {threadsError ?? `Encoder threads, 0 to ${MAX_THREADS}; 0 picks the physical core count.`}
          </p>
        </div>
      </div>
    </Panel>
  );
}
