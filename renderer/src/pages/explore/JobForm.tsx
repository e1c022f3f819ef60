import { useState, type FormEvent, type ReactNode } from 'react';

import type { ExploreJobSummary, Result, ResultError } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { EXPLORE_TEXT } from '../../text/explore';

interface Props {
  readonly title: string;
  readonly hint: string;
  readonly startLabel: string;
  /** What the refusal is about ("Starting the topic map"). */
  readonly context: string;
  /** The fields hold a valid input (Start is refused otherwise). */
  readonly ready: boolean;
  /** Another job is running: the engine runs one at a time. */
  readonly busy: boolean;
  readonly start: () => Promise<Result<ExploreJobSummary>>;
  readonly onStarted: (summary: ExploreJobSummary) => void;
  readonly children: ReactNode;
}

/** A job's form in its panel: the fields, the engine's refusal if any, and Start. */
export function JobForm({ title, hint, startLabel, context, ready, busy, start, onStarted, children }: Props) {
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<ResultError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setStarting(true);
    setRefusal(null);
    const answer = await start();
    setStarting(false);
    if (answer.ok) onStarted(answer.value);
    else setRefusal(answer.error);
  };

  return (
    <Panel title={title}>
      <form className="explore-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="hint">{hint}</p>
        {children}
        {refusal && <ErrorNotice error={refusal} context={context} />}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={starting || busy || !ready}>
            {starting ? EXPLORE_TEXT.starting : startLabel}
          </button>
        </div>
      </form>
    </Panel>
  );
}
