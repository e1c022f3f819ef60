import { useMemo } from 'react';

import { useAppState } from '../app/app-state';
import { useEvent } from '../hooks/use-events';
import { useModelStatus, type ModelStatusState } from '../pages/models/use-model-status';
import { modelSituation, setupSteps, type ModelSituation, type SetupStep } from './setup-steps';

export interface SetupState {
  readonly steps: readonly SetupStep[];
  readonly situation: ModelSituation;
  /** The model status with its actions, for the guide's model step. */
  readonly model: ModelStatusState;
}

/**
 * What is left to set up, from the licence status, `model.status` (with the live job) and the roots in
 * settings, each kept fresh by its event. Nothing about the guide itself is stored.
 */
export function useSetup(): SetupState {
  const { licence, settings } = useAppState();
  const model = useModelStatus();
  const { reload } = model;
  // A window opened while the engine was starting read no status; read it once the engine is up.
  useEvent('engine.state', (engine) => {
    if (engine.state === 'ready') reload();
  });
  const status = model.status.status === 'ready' ? model.status.value : null;
  const job = model.job;
  const situation = useMemo(() => modelSituation(status && { ...status, job }), [status, job]);
  const rootCount = settings.status === 'ready' ? settings.value.settings.roots.length : null;
  const steps = useMemo(
    () => setupSteps({ licenceAccepted: licence.accepted, model: situation, rootCount }),
    [licence.accepted, situation, rootCount],
  );
  return { steps, situation, model };
}
