import { LICENSE_TERMS } from '../../../shared';
import { catalog } from './catalog';

/**
 * The model licence in plain words. The English terms come from the contract (the CLI shows the same);
 * a translation gives its own sentences but keeps the meaning: they are what a person agrees to.
 */
const en = {
  title: LICENSE_TERMS.title,
  summary: [...LICENSE_TERMS.summary] as readonly string[],
  acknowledgment: LICENSE_TERMS.acknowledgment as string,
  modelAndLicence: 'Model',
  licenceLabel: 'licence',
  fullText: 'Read the full licence (creativecommons.org)',
  screenLead:
    'Polyseek searches your documents by meaning with the Jina Embeddings v3 model. Before the model can be used, please read its licence.',
  accept: 'Accept and continue',
  recording: 'Recording…',
  recordingContext: 'Recording the acknowledgment',
  continueWithout: 'Continue without the model',
  withoutHint:
    'Without the model, Polyseek indexes your folders and finds exact words (keyword search); semantic search and evaluation stay off. You can accept the licence later in Settings.',
};

export type LicenceText = typeof en;
export const LICENCE_TEXT: LicenceText = catalog({ en });
