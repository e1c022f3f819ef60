import type { FileCheck, ModelJob, ModelStatus, Precision } from '../../../shared';
import type { ModelAction } from '../pages/models/use-model-status';
import { catalog } from './catalog';
import { formatNumber } from './format';

/** The Models page and its panels (reused by the first-run guide). */
const en = {
  title: 'Models',
  lead: 'Jina Embeddings v3 on this machine: where it is, whether its files are intact.',
  licenceNote:
    'The licence governs using the model. Downloading it, pointing Polyseek at a copy and checking its files’ hashes work before you accept it; running it (fingerprints, quantizing, semantic search) waits for the licence.',
  reading: 'Reading the model folder…',
  readingContext: 'Reading the model status',
  actions: {
    'model.download': 'Starting the download',
    'model.cancel': 'Cancelling',
    'model.locate': 'Locating the folder',
    'model.verify': 'Starting verification',
    'model.quantize': 'Starting quantization',
  } satisfies Record<ModelAction, string>,

  jobTitles: {
    download: 'Download',
    locate: 'Locate',
    verify: 'Verification',
    quantize: 'Quantization',
  } satisfies Record<ModelJob['kind'], string>,
  jobStates: {
    running: 'running',
    done: 'done',
    failed: 'failed',
    cancelled: 'cancelled',
  } satisfies Record<ModelJob['state'], string>,
  /** "Download (fp32): running" — also the job panel's accessible name. */
  jobTitle: (kind: string, variant: Precision | null, state: string) =>
    `${kind}${variant ? ` (${variant})` : ''}: ${state}`,
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  fileProgress: (path: string) => `File ${path}`,
  overall: 'Overall',
  ofTotal: (done: string, total: string | null) => (total ? `${done} of ${total}` : done),
  perSecond: (bytes: string) => `${bytes}/s`,

  variants: {
    title: 'Variants',
    variant: 'Variant',
    state: 'State',
    size: 'Size',
    actions: 'Actions',
    about: {
      fp32: 'The reference weights (model.onnx + model.onnx_data).',
      fp16: 'Half the size; for GPUs that run fp16.',
      int8: 'Made here from fp32 (Quantize to int8); about 2.4× faster on CPU.',
    } satisfies Record<Precision, string>,
    download: (variant: Precision) => `Download ${variant}`,
    downloadAgain: (variant: Precision) => `Download ${variant} again`,
    inUse: 'In use',
    selectedIncomplete: 'Selected, not complete',
    inUseTitle: 'encoder.precision in Settings',
    use: (variant: Precision) => `Use ${variant}`,
    notComplete: 'Not complete',
    verified: 'Complete, verified',
    notVerified: 'Complete, not verified',
  },

  checks: {
    title: 'Checks',
    intro:
      'Verify hashes every file against the manifest (or the hash recorded at its first verified download). With the licence accepted it also embeds probe texts in five scripts and compares them with the fingerprint taken when the model was first loaded, so a damaged or different model shows.',
    fingerprint: (variant: Precision) => `Fingerprint (${variant})`,
    fingerprintStates: {
      recorded: 'Recorded as the reference',
      matches: 'Matches the reference',
      mismatch: 'Does not match: damaged or a different model',
      'needs-licence': 'Not checked: it runs the model, which needs the licence',
      'not-complete': 'Not checked: the variant is not complete',
    } satisfies Record<ModelStatus['fingerprints'][number]['state'], string>,
    lowestCosine: (cosine: number) => ` · lowest cosine ${formatNumber(cosine, { maximumFractionDigits: 6 })}`,
    int8AgainstFp32: 'int8 against fp32',
    int8Result: (mean: number, min: number, passed: boolean, threshold: number) =>
      `mean cosine ${formatNumber(mean, { maximumFractionDigits: 6 })}, lowest ${formatNumber(min, { maximumFractionDigits: 6 })} (${passed ? 'passed' : 'failed'}, needs ${formatNumber(threshold)})`,
    notMade: 'Not made yet',
    verify: 'Verify',
    quantize: 'Quantize to int8',
    quantizeNeedsLicenceTitle: 'Needs the licence: quantizing runs the model to check the result',
    quantizeNeedsLicence: 'Quantizing needs the licence.',
    quantizeNeedsFp32: 'Quantizing needs the complete fp32 variant.',
  },

  locate: {
    title: 'Use a folder you already have',
    formLabel: 'Locate a model folder',
    folder: 'Folder',
    placeholder: '/media/usb/jina-embeddings-v3 or ~/.cache/huggingface/hub/models--jinaai--jina-embeddings-v3',
    hint: 'An absolute path to a copy in the Hugging Face layout, or a Hugging Face cache folder. Every file is checked before it is used.',
    how: 'How to use it',
    useInPlace: 'Use in place',
    copy: 'Copy into the profile',
    submit: 'Locate',
  },

  folder: {
    title: 'Where the model is',
    synthetic: (preset: string) =>
      `This folder holds the project’s synthetic stand-in (${preset}), not the real model: it has the same inputs and outputs but random weights.`,
    model: 'Model',
    folder: 'Folder',
    chosenBy: 'Chosen by',
    sources: {
      profile: 'the profile (downloads and copies land here)',
      settings: 'a folder used in place (located)',
      option: 'set when Polyseek was started (--model-dir)',
    } satisfies Record<ModelStatus['dirSource'], string>,
    hfCache: '; a Hugging Face cache, never written',
    downloadsFrom: 'Downloads from',
    token: 'Access token',
    tokenSet: 'HF_TOKEN is set (sent to that endpoint only)',
    tokenUnset: 'None (set HF_TOKEN for a gated mirror)',
    proxy: 'Proxy',
    direct: 'None (direct connection)',
  },

  files: {
    title: 'Files',
    file: 'File',
    size: 'Size',
    integrity: 'Integrity',
    shared: 'shared',
    optional: ' · optional',
    why: 'Why',
    checks: {
      missing: 'Missing',
      unchecked: 'Present, not checked yet',
      verified: 'Verified',
      'hash-unknown': 'Hash unknown — recorded at the first verified download',
      mismatch: 'Checksum mismatch',
      'wrong-size': 'Wrong size',
    } satisfies Record<FileCheck, string>,
    sources: {
      manifest: 'hash from the manifest',
      madeHere: 'hash recorded when it was made here',
      recorded: 'hash recorded at the first verified download',
      none: 'no reference hash yet',
    },
  },
};

export type ModelsText = typeof en;
export const MODELS_TEXT: ModelsText = catalog({ en });
