import type { ReactNode } from 'react';

import { EXPLORE_TEXT } from '../../text/explore';

interface Props {
  readonly jobId: string;
  readonly title: string;
  readonly facts: string;
  /** The model's synthetic preset, when it is one: its similarities mean nothing. */
  readonly synthetic: string | null;
  readonly children: ReactNode;
}

/** A done job's results panel: its title, its facts and the synthetic model's warning, then the results. */
export function ResultsPanel({ jobId, title, facts, synthetic, children }: Props) {
  return (
    <section className="panel explore-results" aria-labelledby={`${jobId}-title`}>
      <h2 id={`${jobId}-title`} className="explore-results-title" dir="auto">
        {title}
      </h2>
      <p className="hint">{facts}</p>
      {synthetic && (
        <p className="notice notice-warning" role="note">
          {EXPLORE_TEXT.report.synthetic(synthetic)}
        </p>
      )}
      {children}
    </section>
  );
}
