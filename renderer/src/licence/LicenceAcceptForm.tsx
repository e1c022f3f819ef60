import { useId, useState, type FormEvent, type ReactNode } from 'react';

import { LICENSE_ID, MODEL_ID, type LicenseStatus, type ResultError } from '../../../shared';
import { useClient } from '../app/connection-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { LICENCE_TEXT } from '../text/licence';

interface Props {
  readonly onAccepted: (status: LicenseStatus) => void;
  /** Extra actions beside the Accept button. */
  readonly children?: ReactNode;
}

/** The explicit acknowledgment: nothing is recorded until the box is ticked and Accept is pressed. */
export function LicenceAcceptForm({ onAccepted, children }: Props) {
  const client = useClient();
  const checkboxId = useId();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.invoke('license.accept', {
      licenseId: LICENSE_ID,
      modelId: MODEL_ID,
      nonCommercialOnly: true,
    });
    setBusy(false);
    if (result.ok) onAccepted(result.value);
    else setError(result.error);
  };

  return (
    <form className="licence-form" onSubmit={(event) => void accept(event)}>
      <div className="checkbox-row">
        <input
          id={checkboxId}
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.target.checked)}
        />
        <label htmlFor={checkboxId}>{LICENCE_TEXT.acknowledgment}</label>
      </div>
      {error && <ErrorNotice error={error} context={LICENCE_TEXT.recordingContext} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!checked || busy}>
          {busy ? LICENCE_TEXT.recording : LICENCE_TEXT.accept}
        </button>
        {children}
      </div>
    </form>
  );
}
