import { useId, useState } from 'react';

import { routeHref } from '../app/routes';
import { HeadingLevelContext } from '../components/heading-level';
import { PageHeader } from '../components/PageHeader';
import { ONBOARDING_TEXT } from '../text/onboarding';
import { FolderStep } from './FolderStep';
import { LicenceStep } from './LicenceStep';
import { ModelStep } from './ModelStep';
import { STEP_IDS, firstOpenStep, stepAfter, stepNumber, type StepId } from './setup-steps';
import { SetupFinished } from './SetupFinished';
import { SetupStepper } from './SetupStepper';
import { useSetup, type SetupState } from './use-setup';

type View = StepId | 'finished';

/**
 * The first-run guide, also reached later from "Finish setting up". It opens at the first step left
 * and stays there while that step finishes, so its result is seen before moving on.
 */
export function SetupPage() {
  const text = ONBOARDING_TEXT;
  const setup = useSetup();
  const { steps } = setup;
  const [viewing, setViewing] = useState<View | null>(null);
  const [skipped, setSkipped] = useState<ReadonlySet<StepId>>(new Set());
  // The model job the status reports on arrival ran before this visit (a returning person's last
  // locate, say); its result would read as news, so only jobs started from here are shown.
  const [earlierJob, setEarlierJob] = useState<string | null | undefined>(undefined);
  const modelStatus = setup.model.status;
  // Both chosen once the state is read (during render, React's way to derive state from what just loaded).
  if (viewing === null && modelStatus.status !== 'loading') setViewing(firstOpenStep(steps) ?? 'finished');
  if (earlierJob === undefined && modelStatus.status === 'ready') {
    const job = modelStatus.value.job;
    setEarlierJob(job && job.state !== 'running' ? job.id : null);
  }

  const next = (from: StepId) => setViewing(stepAfter(from, steps) ?? 'finished');
  const skip = (id: StepId) => {
    setSkipped(new Set(skipped).add(id));
    next(id);
  };

  return (
    <>
      <PageHeader title={text.title}>{text.lead}</PageHeader>
      <SetupStepper
        steps={steps}
        current={viewing === 'finished' ? null : viewing}
        skipped={skipped}
        onSelect={setViewing}
      />
      {viewing === null && (
        <p className="muted setup-loading" aria-busy="true">
          {text.loading}
        </p>
      )}
      {viewing === 'finished' && <SetupFinished allDone={steps.every((step) => step.state === 'done')} />}
      {viewing !== null && viewing !== 'finished' && (
        <StepSection
          id={viewing}
          setup={setup}
          earlierJob={earlierJob ?? null}
          done={steps.find((step) => step.id === viewing)?.state === 'done'}
          onContinue={() => next(viewing)}
          onSkip={() => skip(viewing)}
        />
      )}
    </>
  );
}

interface StepProps {
  readonly id: StepId;
  readonly setup: SetupState;
  readonly earlierJob: string | null;
  readonly done: boolean;
  readonly onContinue: () => void;
  readonly onSkip: () => void;
}

function StepSection({ id, setup, earlierJob, done, onContinue, onSkip }: StepProps) {
  const text = ONBOARDING_TEXT;
  const headingId = useId();
  const last = id === STEP_IDS[STEP_IDS.length - 1];
  return (
    <section className="setup-step" aria-labelledby={headingId}>
      <p className="setup-step-number">{text.stepOf(stepNumber(id), STEP_IDS.length)}</p>
      <h2 id={headingId}>{text.steps[id]}</h2>
      <HeadingLevelContext value={3}>
        {id === 'licence' && <LicenceStep />}
        {id === 'model' && <ModelStep setup={setup} earlierJob={earlierJob} />}
        {id === 'folder' && <FolderStep situation={setup.situation} />}
      </HeadingLevelContext>
      <div className="actions setup-actions">
        {done && last && (
          <a className="button button-primary" href={routeHref('search')}>
            {text.goSearch}
          </a>
        )}
        {done && !last && (
          <button type="button" className="button button-primary" onClick={onContinue}>
            {text.continue}
          </button>
        )}
        {!done && (
          <button type="button" className="button" onClick={onSkip}>
            {text.skip}
          </button>
        )}
      </div>
    </section>
  );
}
