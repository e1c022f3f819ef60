import type { Precision } from '../../../shared';
import { useAppState, useModelEnabled } from '../app/app-state';
import { useClient } from '../app/connection-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { GpuStatusPanel } from '../components/GpuStatusPanel';
import { LicenceStatusPanel } from '../components/LicenceStatusPanel';
import { PageHeader } from '../components/PageHeader';
import { CheckPanel } from './models/CheckPanel';
import { FilesPanel } from './models/FilesPanel';
import { JobPanel } from './models/JobPanel';
import { LocatePanel } from './models/LocatePanel';
import { ModelFolderPanel } from './models/ModelFolderPanel';
import { useModelStatus } from './models/use-model-status';
import { VariantsPanel } from './models/VariantsPanel';

const ACTION_WORDS = {
  'model.download': 'Starting the download',
  'model.cancel': 'Cancelling',
  'model.locate': 'Locating the folder',
  'model.verify': 'Starting verification',
  'model.quantize': 'Starting quantization',
} as const;

/** The model: where it is, its files and variants, and the jobs that get or check it. */
export function ModelsPage() {
  const client = useClient();
  const { setSettings } = useAppState();
  const licenceAccepted = useModelEnabled();
  const { status, job, reload, run, refusal, pending } = useModelStatus();
  const busy = pending !== null || job?.state === 'running';

  const choosePrecision = async (precision: Precision) => {
    const result = await client.invoke('settings.set', { encoder: { precision } });
    if (result.ok) setSettings(result.value);
    reload();
  };

  return (
    <>
      <PageHeader title="Models">
        Jina Embeddings v3 on this machine: where it is, whether its files are intact.
      </PageHeader>
      <LicenceStatusPanel>
        <p className="muted licence-note">
          The licence governs <em>using</em> the model. Downloading it, pointing Polyseek at a copy and checking its
          files&apos; hashes work before you accept it; running it (fingerprints, quantizing, semantic search) waits for
          the licence.
        </p>
      </LicenceStatusPanel>
      {refusal && <ErrorNotice error={refusal.error} context={ACTION_WORDS[refusal.action]} />}
      {job && (
        <JobPanel job={job} cancelling={pending === 'model.cancel'} onCancel={() => void run('model.cancel', {})} />
      )}
      {status.status === 'loading' && (
        <p className="muted" aria-busy="true">
          Reading the model folder…
        </p>
      )}
      {status.status === 'failed' && (
        <ErrorNotice error={status.error} context="Reading the model status" onRetry={reload} />
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
