import { useModelEnabled } from '../app/app-state';
import { ErrorNotice } from '../components/ErrorNotice';
import { GpuStatusPanel } from '../components/GpuStatusPanel';
import { LicenceStatusPanel } from '../components/LicenceStatusPanel';
import { PageHeader } from '../components/PageHeader';
import { MODELS_TEXT } from '../text/models';
import { CheckPanel } from './models/CheckPanel';
import { FilesPanel } from './models/FilesPanel';
import { JobPanel } from './models/JobPanel';
import { LocatePanel } from './models/LocatePanel';
import { ModelFolderPanel } from './models/ModelFolderPanel';
import { useModelStatus } from './models/use-model-status';
import { usePrecisionChoice } from './models/use-precision-choice';
import { VariantsPanel } from './models/VariantsPanel';

/** The model: where it is, its files and variants, and the jobs that get or check it. */
export function ModelsPage() {
  const text = MODELS_TEXT;
  const licenceAccepted = useModelEnabled();
  const { status, job, reload, run, refusal, pending } = useModelStatus();
  const choosePrecision = usePrecisionChoice(reload);
  const busy = pending !== null || job?.state === 'running';

  return (
    <>
      <PageHeader title={text.title}>{text.lead}</PageHeader>
      <LicenceStatusPanel>
        <p className="muted licence-note">{text.licenceNote}</p>
      </LicenceStatusPanel>
      {refusal && <ErrorNotice error={refusal.error} context={text.actions[refusal.action]} />}
      {job && (
        <JobPanel job={job} cancelling={pending === 'model.cancel'} onCancel={() => void run('model.cancel', {})} />
      )}
      {status.status === 'loading' && (
        <p className="muted page-loading" aria-busy="true">
          {text.reading}
        </p>
      )}
      {status.status === 'failed' && (
        <ErrorNotice error={status.error} context={text.readingContext} onRetry={reload} />
      )}
      {status.status === 'ready' && (
        <>
          <VariantsPanel
            status={status.value}
            busy={busy}
            onDownload={(variant) => void run('model.download', { variant })}
            onUse={(precision) => void choosePrecision(precision)}
          />
          <CheckPanel
            status={status.value}
            licenceAccepted={licenceAccepted}
            busy={busy}
            onVerify={() => void run('model.verify', {})}
            onQuantize={() => void run('model.quantize', {})}
          />
          <LocatePanel busy={busy} onLocate={(input) => void run('model.locate', input)} />
          <ModelFolderPanel status={status.value} />
          <FilesPanel files={status.value.files} />
        </>
      )}
      <GpuStatusPanel />
    </>
  );
}
