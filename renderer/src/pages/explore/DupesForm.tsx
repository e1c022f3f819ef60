import { useState } from 'react';

import type { ExploreJobSummary, Root } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { EXPLORE_TEXT } from '../../text/explore';
import { dupesInput, INITIAL_SCOPE, parseThreshold } from './job-draft';
import { JobForm } from './JobForm';
import { ScopeFields } from './ScopeFields';
import { TextField } from './TextField';

interface Props {
  readonly roots: readonly Root[];
  readonly busy: boolean;
  readonly onStarted: (summary: ExploreJobSummary) => void;
}

/** Scope and threshold of a duplicates job (`explore.dupes`). */
export function DupesForm({ roots, busy, onStarted }: Props) {
  const text = EXPLORE_TEXT.dupesForm;
  const client = useClient();
  const [scope, setScope] = useState(INITIAL_SCOPE);
  const [threshold, setThreshold] = useState('');
  const input = dupesInput(scope, threshold);
  return (
    <JobForm
      title={text.title}
      hint={text.hint}
      startLabel={text.start}
      context={text.context}
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
