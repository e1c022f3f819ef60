import { useAppState } from '../app/app-state';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { JobPanel } from '../pages/models/JobPanel';
import { LocatePanel } from '../pages/models/LocatePanel';
import { int8Selectable } from '../pages/models/model-format';
import { QuantizeAction } from '../pages/models/QuantizeAction';
import { usePrecisionChoice } from '../pages/models/use-precision-choice';
import { VariantsPanel } from '../pages/models/VariantsPanel';
import { MODELS_TEXT } from '../text/models';
import { ONBOARDING_TEXT } from '../text/onboarding';
import { ModelSituationNotice } from './ModelSituationNotice';
import type { SetupState } from './use-setup';

/**
 * Step 2: get the model, with the Models page's own panels: download (progress, ETA, cancel), locate a
 * folder, and once fp32 is here, optionally quantize to int8.
 */
export function ModelStep({ setup, earlierJob }: { readonly setup: SetupState; readonly earlierJob: string | null }) {
  const text = ONBOARDING_TEXT.model;
  const { licence } = useAppState();
  const { status, job, run, refusal, pending, reload } = setup.model;
  const choosePrecision = usePrecisionChoice(reload);
  const busy = pending !== null || job?.state === 'running';
  const situation = setup.situation;

  if (status.status === 'loading')
    return (
      <p className="muted setup-loading" aria-busy="true">
        {MODELS_TEXT.reading}
      </p>
    );
  if (status.status === 'failed') {
    return <ErrorNotice error={status.error} context={MODELS_TEXT.readingContext} onRetry={reload} />;
  }
  const model = status.value;
  const ready = situation.kind === 'ready';
  return (
    <>
      {!ready && <p className="lead">{text.lead}</p>}
      <ModelSituationNotice situation={situation} dir={model.dir} onUse={(v) => void choosePrecision(v)} />
      {!licence.accepted && <p className="hint">{text.needsLicence}</p>}
      {refusal && <ErrorNotice error={refusal.error} context={MODELS_TEXT.actions[refusal.action]} />}
      {job && job.id !== earlierJob && (
        <JobPanel job={job} cancelling={pending === 'model.cancel'} onCancel={() => void run('model.cancel', {})} />
      )}
      {!ready && (
        <div className="setup-choices">
          <VariantsPanel
            title={text.downloadTitle}
            status={model}
            busy={busy}
            onDownload={(variant) => void run('model.download', { variant })}
            onUse={(precision) => void choosePrecision(precision)}
          >
            <p className="hint">{text.downloadHint(model.endpoint)}</p>
          </VariantsPanel>
          <LocatePanel busy={busy} onLocate={(input) => void run('model.locate', input)} />
        </div>
      )}
      {ready && (
        <Panel title={text.fasterTitle}>
          <p className="hint">{text.fasterHint}</p>
          <div className="actions check-actions">
            {model.precision === 'int8' ? (
              <span className="text-ok">{text.int8InUse}</span>
            ) : (
              <>
                <QuantizeAction
                  status={model}
                  licenceAccepted={licence.accepted}
                  busy={busy}
                  onQuantize={() => void run('model.quantize', {})}
                />
                {int8Selectable(model) && (
                  <button type="button" className="button" onClick={() => void choosePrecision('int8')}>
                    {MODELS_TEXT.variants.use('int8')}
                  </button>
                )}
              </>
            )}
          </div>
        </Panel>
      )}
    </>
  );
}
