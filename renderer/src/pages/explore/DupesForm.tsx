import { useState } from 'react';

import { useClient } from '../../app/connection-context';
import { TextField } from '../../components/TextField';
import { EXPLORE_TEXT } from '../../text/explore';
import { dupesInput, INITIAL_SCOPE, parseThreshold } from './job-draft';
import { JobForm, type StartProps } from './JobForm';
import { ScopeFields } from './ScopeFields';

/** Scope and threshold of a duplicates job (`explore.dupes`). */
export function DupesForm({ roots, busy, onStarted }: StartProps) {
  const text = EXPLORE_TEXT.dupesForm;
  const client = useClient();
  const [scope, setScope] = useState(INITIAL_SCOPE);
  const [threshold, setThreshold] = useState('');
  const input = dupesInput(scope, threshold);
  return (
    <JobForm
      text={text}
      ready={input !== null}
      busy={busy}
      start={() => client.invoke('explore.dupes', input ?? {})}
      onStarted={onStarted}
    >
      <ScopeFields draft={scope} roots={roots} onChange={setScope} />
      <TextField
        label={text.threshold}
        value={threshold}
        inputMode="decimal"
        placeholder={text.thresholdPlaceholder}
        hint={text.thresholdHint}
        problem={parseThreshold(threshold) === null ? text.thresholdProblem : null}
        onChange={setThreshold}
      />
    </JobForm>
  );
}
