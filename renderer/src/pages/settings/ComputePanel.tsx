import { MAX_THREADS, PROVIDER_PREFERENCES, type ProviderPreference } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { SETTINGS_TEXT } from '../../text/settings';
import { ComputeStatus } from './ComputeStatus';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import type { FieldErrors } from './settings-draft';

interface Props {
  readonly provider: ProviderPreference;
  /** The provider saved in settings (what the encoder uses now). */
  readonly savedProvider: ProviderPreference;
  readonly threadsText: string;
  readonly errors: FieldErrors;
  readonly licenceAccepted: boolean;
  readonly onProvider: (provider: ProviderPreference) => void;
  readonly onThreads: (text: string) => void;
}

/**
 * Where the encoder runs: the provider preference (each explained), threads, and what happens now —
 * the backends detected, the provider and device in use, and why any fallback happened.
 */
export function ComputePanel(props: Props) {
  const text = SETTINGS_TEXT.compute;
  return (
    <Panel title={text.title}>
      <div className="field-grid">
        <SelectField
          label={text.provider}
          value={props.provider}
          options={PROVIDER_PREFERENCES}
          onChange={props.onProvider}
          hint={`${text.providers[props.provider]} ${props.provider === 'cpu' ? '' : text.forcedFallback}`.trim()}
          error={props.errors['compute.provider']}
        />
        <NumberField
          label={text.threads}
          text={props.threadsText}
          min={0}
          max={MAX_THREADS}
          step={1}
          hint={text.threadsHint(MAX_THREADS)}
          error={props.errors['compute.threads']}
          onChange={props.onThreads}
        />
      </div>
      <ComputeStatus licenceAccepted={props.licenceAccepted} unsaved={props.provider !== props.savedProvider} />
    </Panel>
  );
}
