import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { tokenCounterFor, type TokenCounter } from '../../../../electron/engine/chunk';
import { loadTokenizer } from '../../../../electron/engine/encoder/tokenizer';
import { GENERATED_DIR } from '../../../fixtures/synthetic-model/tokenizer';

/** The synthetic model's tokenizer (real tokenizer.json format, 4 K Unigram vocabulary) as a counter. */
export async function syntheticCounter(): Promise<TokenCounter> {
  const tokenizer = await loadTokenizer(GENERATED_DIR, join(tmpdir(), 'polyseek-transformers-cache'));
  return tokenCounterFor(tokenizer);
}
