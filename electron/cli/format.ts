import type { AppInfo, GpuStatus, LicenseStatus, ModelStatus, SettingsView } from '../../shared';

export function formatLicense(status: LicenseStatus): string {
  return status.accepted
    ? `accepted ${status.acceptedAt ?? ''} (${status.licenseId}, non-commercial use only)`.replace('  ', ' ')
    : `not accepted — model features are off until you run \`polyseek license accept\``;
}

export function formatGpu(gpu: GpuStatus): string {
  const backends =
    gpu.ortBackends === null
      ? `unavailable (${gpu.ortError ?? 'unknown error'})`
      : gpu.ortBackends.map((b) => `${b.name}${b.bundled ? '' : ' (not installed)'}`).join(', ');
  const active = gpu.active
    ? `${gpu.active.provider}${gpu.active.device ? ` on ${gpu.active.device}` : ''}`
    : 'none yet';
  const fallback = gpu.fallbackReason ? `; fell back: ${gpu.fallbackReason}` : '';
  return `preference ${gpu.preference}; active ${active}; ONNX Runtime providers: ${backends}${fallback}`;
}

export function formatEncoder(view: SettingsView): string {
  const e = view.settings.encoder;
  return (
    `passages ${e.passageTask}, queries ${e.queryTask}, ${e.dims} dims, ${e.precision}, ` +
    `instruction prefix ${e.instructionPrefix ? 'on' : 'off'}`
  );
}

/** One line on the model: which variants can load, and from where (`polyseek model status` has the rest). */
export function formatModelLine(model: ModelStatus): string {
  const complete = model.variants
    .filter((v) => v.complete)
    .map((v) => `${v.variant}${v.verified ? ' (verified)' : ''}`);
  const what = complete.length > 0 ? complete.join(', ') : 'not here yet — `polyseek model download` or `model locate`';
  return `${what} in ${model.dir}${model.synthetic ? ` (synthetic stand-in: ${model.synthetic})` : ''}`;
}

export function formatStatus(status: {
  app: AppInfo;
  settings: SettingsView;
  license: LicenseStatus;
  gpu: GpuStatus;
  model: ModelStatus;
}): string {
  const { app: info, settings: view, license, gpu } = status;
  const roots = view.settings.roots.map((r) => r.path);
  const rows: [string, string][] = [
    ['Data folder', info.dataDir],
    ['Settings', view.path + (view.readOnly ? ' (read-only)' : '')],
    ['Licence', formatLicense(license)],
    ['Model', formatModelLine(status.model)],
    ['Compute', formatGpu(gpu)],
    ['Encoder', formatEncoder(view)],
    ['Folders', roots.length === 0 ? 'none yet' : roots.join(', ')],
  ];
  if (view.problem) rows.push(['Problem', view.problem.message]);
  const header = `Polyseek ${info.version} (${info.host}, ${info.platform} ${info.arch}, node ${info.versions.node})`;
  return [header, ...rows.map(([k, v]) => `${`${k}:`.padEnd(13)}${v}`)].join('\n');
}

/** `encoder.dims = 1024` lines, the same keys `settings set` takes. */
export function flattenSettings(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [[prefix, JSON.stringify(value)]];
  }
  return Object.entries(value).flatMap(([key, inner]) => flattenSettings(inner, prefix ? `${prefix}.${key}` : key));
}
