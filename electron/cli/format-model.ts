import { formatBytes } from '../../shared';
import type { ModelFileStatus, ModelStatus } from '../../shared';

const CHECK_WORDS: Readonly<Record<ModelFileStatus['check'], string>> = {
  missing: 'missing',
  unchecked: 'present, not checked yet (run `polyseek model verify`)',
  verified: 'verified',
  'hash-unknown': 'hash unknown — recorded at the first verified download',
  mismatch: 'CHECKSUM MISMATCH',
  'wrong-size': 'WRONG SIZE',
};

const DIR_SOURCES: Readonly<Record<ModelStatus['dirSource'], string>> = {
  option: '--model-dir',
  settings: 'located (settings model.dir)',
  profile: 'the profile',
};

/** `polyseek model status` for people. */
export function formatModelStatus(status: ModelStatus): string {
  const folderNotes = [
    DIR_SOURCES[status.dirSource],
    ...(status.hfCacheSnapshot ? ['Hugging Face cache snapshot, read only'] : []),
    ...(status.synthetic ? [`the synthetic stand-in (${status.synthetic}), not the real model`] : []),
  ];
  const rows: [string, string][] = [
    [
      'Model',
      `${status.modelId} @ ${status.revision.slice(0, 12)} (${status.license.id}, licence ${status.license.accepted ? 'accepted' : 'not accepted'})`,
    ],
    ['Folder', `${status.dir} (${folderNotes.join('; ')})`],
    [
      'Endpoint',
      `${status.endpoint} (token ${status.token ? 'from HF_TOKEN' : 'none'}; ${status.proxy ? `proxy ${status.proxy}` : 'no proxy'})`,
    ],
    ['Precision', status.precision],
    ['Variants', status.variants.map(describeVariant).join(' · ')],
  ];
  for (const check of status.fingerprints) rows.push([`Fingerprint`, `${check.variant}: ${check.message}`]);
  if (status.int8) {
    const { meanCosine, minCosine, passed } = status.int8;
    rows.push([
      'int8 check',
      `mean cosine to fp32 ${meanCosine}, lowest ${minCosine} (${passed ? 'passed' : 'failed'})`,
    ]);
  }
  if (status.job) {
    const { kind, state, message, error } = status.job;
    rows.push(['Last job', `${kind} ${state}${error ? ` [${error.code}]` : ''}${message ? `: ${message}` : ''}`]);
  }
  const width = Math.max(...status.files.map((f) => f.path.length));
  const files = status.files.map(
    (file) => `  ${mark(file)} ${file.path.padEnd(width)}  ${size(file).padStart(9)}  ${describeFile(file)}`,
  );
  return [...rows.map(([k, v]) => `${`${k}:`.padEnd(13)}${v}`), 'Files:', ...files].join('\n');
}

function describeVariant(variant: ModelStatus['variants'][number]): string {
  const state = !variant.complete ? 'incomplete' : variant.verified ? 'complete, verified' : 'complete';
  return `${variant.variant} ${state}`;
}

function describeFile(file: ModelFileStatus): string {
  const source = file.hashSource ? ` (${file.hashSource === 'manifest' ? 'manifest hash' : 'recorded hash'})` : '';
  const optional = file.optional && file.check === 'missing' ? ' (optional)' : '';
  return `${CHECK_WORDS[file.check]}${file.check === 'verified' ? source : ''}${optional}`;
}

function mark(file: ModelFileStatus): string {
  if (file.check === 'verified') return '✓';
  if (file.check === 'mismatch' || file.check === 'wrong-size') return '✗';
  return file.check === 'missing' ? '·' : '?';
}

function size(file: ModelFileStatus): string {
  return file.bytes === null ? '—' : formatBytes(file.bytes);
}
