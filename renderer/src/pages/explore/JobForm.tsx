import { useState, type FormEvent, type ReactNode } from 'react';

import type { ExploreJobSummary, Result, ResultError, Root } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { EXPLORE_TEXT } from '../../text/explore';

/** What Dupes and Topics forms take from the page. */
export interface StartProps {
  readonly roots: readonly Root[];
  /** Another job is running: the engine runs one at a time. */
  readonly busy: boolean;
  readonly onStarted: (summary: ExploreJobSummary) => void;
}

interface Props extends Omit<StartProps, 'roots'> {
  readonly text: {
    readonly title: string;
    readonly hint: string;
    readonly start: string;
    /** What the refusal is about ("Starting the topic map"). */
    readonly context: string;
  };
  /** The fields hold a valid input (Start is refused otherwise). */
  readonly ready: boolean;
  readonly start: () => Promise<Result<ExploreJobSummary>>;
  readonly children: ReactNode;
}

/** A job's form in its panel: the fields, the engine's refusal if any, and Start. */
export function JobForm({ text, ready, busy, start, onStarted, children }: Props) {
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
    <Panel title={text.title}>
      <form className="explore-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="hint">{text.hint}</p>
        {children}
        {refusal && <ErrorNotice error={refusal} context={text.context} />}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={starting || busy || !ready}>
            {starting ? EXPLORE_TEXT.starting : text.start}
          </button>
        </div>
      </form>
    </Panel>
  );
}
