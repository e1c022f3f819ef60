import type { ModelStatus } from '../../../../shared';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';

const SOURCES: Readonly<Record<ModelStatus['dirSource'], string>> = {
  profile: 'the profile (downloads and copies land here)',
  settings: 'a folder used in place (located)',
  option: 'set when Polyseek was started (--model-dir)',
};

/** Where the model is, where downloads come from, and whether this is the real model at all. */
export function ModelFolderPanel({ status }: { readonly status: ModelStatus }) {
  return (
    <Panel title="Where the model is">
      {status.synthetic && (
        <p className="notice notice-warning">
          This folder holds the project&apos;s synthetic stand-in ({status.synthetic}), not the real model: it has the
          same inputs and outputs but random weights.
        </p>
      )}
      <Facts
        rows={[
          ['Model', <code key="m">{`${status.modelId} @ ${status.revision.slice(0, 12)}`}</code>],
          [
            'Folder',
            <code key="d" className="path">
              {status.dir}
            </code>,
          ],
          [
            'Chosen by',
            SOURCES[status.dirSource] + (status.hfCacheSnapshot ? '; a Hugging Face cache, never written' : ''),
          ],
          ['Downloads from', <code key="e">{status.endpoint}</code>],
          [
            'Access token',
            status.token ? 'HF_TOKEN is set (sent to that endpoint only)' : 'None (set HF_TOKEN for a gated mirror)',
          ],
          ['Proxy', status.proxy ?? 'None (direct connection)'],
        ]}
      />
    </Panel>
  );
}
