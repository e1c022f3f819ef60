import type { Migration } from './index';

/**
 * Version 3 adds the `model` section: `dir` (a model folder used in place, set by `model.locate`) and
 * `endpoint` (a Hugging Face mirror for `model.download`). Both start as null, which keeps version 2's
 * behaviour: the model lives in the profile and downloads come from `HF_ENDPOINT` or huggingface.co.
 * Everything else is carried over untouched, unknown fields included, so validation (not this step)
 * decides what a damaged file loses.
 */
export const migrateV2ToV3: Migration = {
  from: 2,
  describe: 'add the model section (located folder, download endpoint)',
  migrate(v2) {
    return { ...v2, version: 3, model: { dir: null, endpoint: null } };
  },
};
