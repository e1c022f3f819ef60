import { ONBOARDING_TEXT } from '../text/onboarding';
import { stepNumber, type SetupStep, type StepId } from './setup-steps';

interface Props {
  readonly steps: readonly SetupStep[];
  readonly current: StepId | null;
  readonly skipped: ReadonlySet<StepId>;
  readonly onSelect: (id: StepId) => void;
}

/** The three steps with their state; any can be opened, in any order. */
export function SetupStepper({ steps, current, skipped, onSelect }: Props) {
  const text = ONBOARDING_TEXT;
  return (
    <ol className="setup-steps" aria-label={text.progressLabel}>
      {steps.map((step) => {
        const state = step.state !== 'done' && skipped.has(step.id) ? text.skipped : text.states[step.state];
        return (
          <li key={step.id}>
            <button
              type="button"
              className="setup-step-button"
              data-state={step.state}
              aria-current={step.id === current ? 'step' : undefined}
              onClick={() => onSelect(step.id)}
            >
              <span className="setup-step-mark" aria-hidden="true">
                {step.state === 'done' ? '✓' : stepNumber(step.id)}
              </span>
              <span className="setup-step-text">
                <span className="setup-step-name">{text.steps[step.id]}</span>
                <span className="setup-step-state">{state}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
