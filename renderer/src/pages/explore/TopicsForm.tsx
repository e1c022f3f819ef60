import { useState } from 'react';

import type { ExploreJobSummary, Root } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { EXPLORE_TEXT } from '../../text/explore';
import { INITIAL_SCOPE, parseK, parseSeed, topicsInput } from './job-draft';
import { JobForm } from './JobForm';
import { ScopeFields } from './ScopeFields';
import { TextField } from './TextField';

interface Props {
  readonly roots: readonly Root[];
  readonly busy: boolean;
  readonly onStarted: (summary: ExploreJobSummary) => void;
}

/** Scope, number of clusters (auto by default) and seed of a topic map (`explore.topics`). */
export function TopicsForm({ roots, busy, onStarted }: Props) {
  const text = EXPLORE_TEXT.topicsForm;
  const client = useClient();
  const [scope, setScope] = useState(INITIAL_SCOPE);
  const [k, setK] = useState('auto');
  const [seed, setSeed] = useState('1');
  const input = topicsInput(scope, k, seed);
  return (
    <JobForm
      title={text.title}
      hint={text.hint}
      startLabel={text.start}
      context={text.context}
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
