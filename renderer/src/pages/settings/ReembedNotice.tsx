import { useId } from 'react';

import type { Precision } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SETTINGS_TEXT } from '../../text/settings';
import { describePlan } from './reembed-summary';
import type { PlanState } from './use-reembed-plans';

interface Props {
  readonly plans: PlanState;
  /** The dims and variant Save would store. */
  readonly dims: number;
  readonly precision: Precision;
  /** The draft changes something vectors may depend on (an encoder field). */
  readonly encoderEdited: boolean;
}

/**
 * What Save would do to the vectors, said before saving: how many passages are re-embedded and for
 * about how long, or that fewer dims are derived without the encoder, and that the current vectors
 * keep serving meanwhile. Announced politely as the draft changes.
 */
export function ReembedNotice({ plans, dims, precision, encoderEdited }: Props) {
  const text = SETTINGS_TEXT.plan;
  const id = useId();
  if (!encoderEdited) return null;
  const plan = plans.status === 'ready' ? (plans.plans.get(dims) ?? null) : null;
  const lines = plan ? describePlan(plan, precision) : [];
  // Encoder time is the cost worth a warning; truncating or switching to a stored set takes seconds.
  const work = plan !== null && plan.chunksToEncode > 0 && plan.chunks > 0;
  return (
    <section
      className={`notice ${work ? 'notice-warning' : 'notice-info'} reembed-notice`}
      aria-labelledby={`${id}-title`}
      aria-live="polite"
      aria-busy={plans.status === 'loading' || (plans.status === 'ready' && plans.stale) || undefined}
    >
      <h2 id={`${id}-title`} className="subheading">
        {text.title}
      </h2>
      {plans.status === 'loading' && <p>{text.checking}</p>}
      {plans.status === 'failed' && <ErrorNotice error={plans.error} context={text.context} />}
      {plan && lines.length === 0 && <p>{text.noVectors}</p>}
      {lines.map((line, index) => (
        <p key={line} className={index === 0 ? 'reembed-headline' : undefined}>
          {line}
        </p>
      ))}
    </section>
  );
}
