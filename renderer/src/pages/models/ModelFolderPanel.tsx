import type { ModelStatus } from '../../../../shared';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';
import { MODELS_TEXT } from '../../text/models';

/** Where the model is, where downloads come from, and whether this is the real model at all. */
export function ModelFolderPanel({ status }: { readonly status: ModelStatus }) {
  const text = MODELS_TEXT.folder;
  return (
    <Panel title={text.title}>
      {status.synthetic && <p className="notice notice-warning">{text.synthetic(status.synthetic)}</p>}
      <Facts
        rows={[
          [text.model, <code key="m">{`${status.modelId} @ ${status.revision.slice(0, 12)}`}</code>],
          [
            text.folder,
            <code key="d" className="path">
              {status.dir}
            </code>,
          ],
          [text.chosenBy, text.sources[status.dirSource] + (status.hfCacheSnapshot ? text.hfCache : '')],
          [text.downloadsFrom, <code key="e">{status.endpoint}</code>],
          [text.token, status.token ? text.tokenSet : text.tokenUnset],
          [text.proxy, status.proxy ?? text.direct],
        ]}
      />
    </Panel>
  );
}
