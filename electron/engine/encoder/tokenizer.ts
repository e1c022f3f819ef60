import { mkdir } from 'node:fs/promises';

import { PolyseekError, errorMessage } from '../../../shared';
import { truncateKeepingEos } from './truncate';

export interface TokenizedText {
  readonly ids: number[];
  readonly truncated: boolean;
}

export interface TextTokenizer {
  /** `<s> … </s>` ids, cut to `maxTokens` keeping `</s>`. */
  encode(text: string, maxTokens: number): TokenizedText;
  /** Tokens of each text alone, without `<s> </s>` and never truncated (the chunker's measure). */
  count(texts: readonly string[]): number[];
  readonly padId: number;
}

/**
 * Loads tokenizer.json + tokenizer_config.json with transformers.js, strictly offline: remote loading
 * is off for the whole process, and its cache (unused offline, but it must be writable — the default is
 * inside the package, read-only in an asar) points into the profile.
 */
export async function loadTokenizer(modelDir: string, cacheDir: string): Promise<TextTokenizer> {
  const { AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  await mkdir(cacheDir, { recursive: true });
  env.cacheDir = cacheDir;
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  try {
    // An absolute path is not a hub id, so transformers.js reads the files from it directly.
    tokenizer = await AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
  } catch (error) {
    throw new PolyseekError('MODEL_INVALID', `loading the tokenizer from ${modelDir}: ${errorMessage(error)}`);
  }
  const eosId = tokenizer.sep_token_id ?? tokenizer.get_vocab().get('</s>');
  const padId = tokenizer.pad_token_id ?? tokenizer.get_vocab().get('<pad>');
  if (eosId === undefined || padId === undefined) {
    throw new PolyseekError('MODEL_INVALID', `the tokenizer in ${modelDir} has no </s> or <pad> token`);
  }
  return {
    padId,
    encode(text, maxTokens) {
      // transformers.js's own truncation drops `</s>`; tokenize in full and cut here instead.
      const ids = tokenizer.encode(text, { add_special_tokens: true });
      return truncateKeepingEos(ids, maxTokens, eosId);
    },
    count(texts) {
      return texts.map((text) => tokenizer.encode(text, { add_special_tokens: false }).length);
    },
  };
}
