import { useState } from 'react';

import { useClient } from '../../app/connection-context';
import { TextField } from '../../components/TextField';
import { EXPLORE_TEXT } from '../../text/explore';
import { INITIAL_SCOPE, parseK, parseSeed, topicsInput } from './job-draft';
import { JobForm, type StartProps } from './JobForm';
import { ScopeFields } from './ScopeFields';

/** Scope, number of clusters (auto by default) and seed of a topic map (`explore.topics`). */
export function TopicsForm({ roots, busy, onStarted }: StartProps) {
  const text = EXPLORE_TEXT.topicsForm;
  const client = useClient();
  const [scope, setScope] = useState(INITIAL_SCOPE);
  const [k, setK] = useState('auto');
  const [seed, setSeed] = useState('1');
  const input = topicsInput(scope, k, seed);
  return (
    <JobForm
      text={text}
      ready={input !== null}
      busy={busy}
      start={() => client.invoke('explore.topics', input ?? {})}
      onStarted={onStarted}
    >
      <ScopeFields draft={scope} roots={roots} onChange={setScope} />
      <div className="explore-pair-fields">
        <TextField
          label={text.k}
          value={k}
          hint={text.kHint}
          problem={parseK(k) === null ? text.kProblem : null}
          onChange={setK}
        />
        <TextField
          label={text.seed}
          value={seed}
          inputMode="numeric"
          hint={text.seedHint}
          problem={parseSeed(seed) === null ? text.seedProblem : null}
          onChange={setSeed}
        />
      </div>
    </JobForm>
  );
}
