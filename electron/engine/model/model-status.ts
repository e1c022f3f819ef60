import { PRECISIONS, type ModelJob, type ModelStatus } from '../../../shared';
import { readModelConfig } from '../encoder/model-config';
import type { ModelContext } from './context';
import { fileStatuses, variantStatuses } from './file-status';
import { describeDownloadProxy, downloadEndpoint, downloadToken } from './hub-endpoint';
import { isHfCacheSnapshot } from './model-paths';
import { folderRecord } from './model-record';

/** `model.status`: cheap (stats and the record; never hashes), so the UI can ask as often as it likes. */
export async function modelStatus(context: ModelContext, job: ModelJob | null): Promise<ModelStatus> {
  const { manifest } = context;
  const settings = context.getSettings();
  const { dir, source } = context.modelDir();
  const record = await context.records.read();
  const files = await fileStatuses({ manifest, record, dir });
  const endpoint = downloadEndpoint(settings, context.env);
  const synthetic = await readModelConfig(dir).then(
    (config) => config.synthetic?.preset ?? null,
    () => null,
  );
  return {
    modelId: manifest.id,
    revision: manifest.revision,
    license: { id: manifest.license.id, url: manifest.license.url, accepted: settings.license !== null },
    dir,
    dirSource: source,
    hfCacheSnapshot: isHfCacheSnapshot(dir),
    synthetic,
    endpoint,
    token: downloadToken(context.env) !== null,
    proxy: describeDownloadProxy(endpoint, context.env),
    precision: settings.encoder.precision,
    files,
    variants: variantStatuses(manifest, files),
    job,
    fingerprints: PRECISIONS.flatMap((variant) => record.fingerprintChecks[variant] ?? []),
    int8: folderRecord(record, dir).int8,
  };
}
