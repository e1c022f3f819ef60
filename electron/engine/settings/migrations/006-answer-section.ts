import { DEFAULT_ANSWER_SETTINGS } from '../../../../shared';
import type { Migration } from './index';

/**
 * Version 6 adds the `answer` section: the OpenAI-compatible chat endpoint and model (none until the
 * person sets one), the context budget, answer length, temperature and timeout. The API key is never a
 * setting. Everything else is carried over untouched.
 */
export const migrateV5ToV6: Migration = {
  from: 5,
  describe: 'add the answer section (chat endpoint, model, context budget)',
  migrate(v5) {
    return { ...v5, version: 6, answer: structuredClone(DEFAULT_ANSWER_SETTINGS) };
  },
};
