import type { ModelStatus, Precision } from '../../../shared';
import type { StepId, StepState } from '../onboarding/setup-steps';
import { catalog } from './catalog';
import { formatList, plural } from './format';

/** The first-run guide: licence, model, first folder. */
const en = {
  title: 'Set up Polyseek',
  lead: 'Three steps, each of which you can skip and come back to from “Finish setting up” in the navigation.',
  progressLabel: 'Setup steps',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  /** On the licence screen before the app opens. */
  firstRunStep: (n: number, total: number) => `Setting up Polyseek · step ${n} of ${total}`,
  steps: {
    licence: 'Accept the licence',
    model: 'Get the model',
    folder: 'Add your first folder',
  } satisfies Record<StepId, string>,
  states: {
    done: 'Done',
    todo: 'To do',
    working: 'Under way',
    unknown: 'Unknown',
  } satisfies Record<StepState, string>,
  skipped: 'Skipped for now',
  continue: 'Continue',
  skip: 'Skip for now',
  goSearch: 'Go to Search',
  loading: 'Reading what is set up…',

  licence: {
    lead: 'Polyseek searches your documents by meaning with the Jina Embeddings v3 model. Its licence allows non-commercial use only.',
    accepted: (when: string) => `You accepted the licence on ${when}.`,
    declineEffect:
      'Without it, Polyseek still indexes your folders and finds exact words (keyword search); searching by meaning and evaluation stay off.',
  },

  model: {
    lead: 'The model turns text into vectors on this machine; nothing is sent anywhere. Download it once, or point Polyseek at a copy you already have.',
    needsLicence:
      'The licence is not accepted yet: getting the files works now, and searching by meaning starts once you accept it.',
    ready: (variant: Precision, verified: boolean, dir: string) =>
      `The model is ready: ${variant}${verified ? ', every file verified' : ''}, in ${dir}.`,
    gone: (dir: string, source: ModelStatus['dirSource']) =>
      source === 'option'
        ? `Polyseek was started with the model folder ${dir}, which has no model files now. Locate the folder where the model is, or download it.`
        : `The model’s files are no longer in ${dir}: the folder was moved, deleted or is on a drive that is not connected. Locate it again, or download it.`,
    partial: (variant: Precision, present: number, needed: number) =>
      `Part of the ${variant} model is here (${present} of ${plural(needed, { one: '# file', other: '# files' })}): downloading again resumes where it stopped.`,
    damaged: (files: readonly string[]) =>
      `${formatList(files)} ${files.length === 1 ? 'fails its' : 'fail their'} check: the file is damaged or from another model. Download the model again or locate a good copy.`,
    fingerprint:
      'The model answers differently from when it was first loaded here: it is damaged or a different model. Download it again or locate a good copy.',
    otherVariant: (selected: Precision, available: Precision) =>
      `Settings select the ${selected} variant, which is not here; ${available} is.`,
    useVariant: (variant: Precision) => `Use ${variant}`,
    downloadTitle: 'Download it',
    downloadHint: (endpoint: string) =>
      `From ${endpoint}, checked file by file; a download that stops resumes where it left off.`,
    fasterTitle: 'Make it faster (optional)',
    fasterHint:
      'Quantizing makes an int8 copy from fp32 on this machine, about 2.4× faster on a CPU, and checks it against fp32 before offering it.',
    int8InUse: 'int8 is in use.',
  },

  folder: {
    lead: 'Pick a folder of documents. Polyseek reads it where it is: only text, positions and vectors go into its index.',
    keywordFirst:
      'Keyword search works as soon as the files are read; vectors for searching by meaning follow once the model is ready.',
    adding: 'Adding the folder',
    starting: 'Starting indexing',
    yourFolders: 'Folders Polyseek indexes',
    indexed: 'Indexing finished: your documents are ready to search.',
  },

  finished: {
    title: 'Polyseek is set up',
    laterTitle: 'The rest can wait',
    body: 'The licence is accepted, the model is ready and your folder is indexed. Search in any language: the results show the passages that match.',
    someSkipped:
      'Some steps are still open; “Finish setting up” in the navigation brings you back here whenever you like.',
  },
};

export type OnboardingText = typeof en;
export const ONBOARDING_TEXT: OnboardingText = catalog({ en });
