import type { Migration } from './index';

/**
 * Version 1 (the first layout) kept everything flat:
 * `{ version: 1, adapter, dims, provider, threads, roots: string[], licenseAcceptedAt?: string }`.
 * Version 2 splits the query and passage adapters, groups encoder and compute options, records when each
 * root was added, and stores the licence acknowledgment with the model it applies to.
 */
export const migrateV1ToV2: Migration = {
  from: 1,
  describe: 'group encoder/compute options, per-root records, licence record',
  migrate(v1) {
    const adapter = typeof v1['adapter'] === 'string' ? v1['adapter'] : 'retrieval.passage';
    const now = new Date().toISOString();
    const roots = Array.isArray(v1['roots']) ? v1['roots'] : [];
    const acceptedAt = v1['licenseAcceptedAt'];
    return {
      version: 2,
      encoder: {
        queryTask: 'retrieval.query',
        // v1 used one adapter for both sides; keep it for passages so the existing index stays valid.
        passageTask: adapter,
        instructionPrefix: true,
        dims: v1['dims'] ?? 1024,
        precision: 'fp32',
      },
      compute: { provider: v1['provider'] ?? 'auto', threads: v1['threads'] ?? 0 },
      roots: roots.map((path: unknown) => ({ path, addedAt: now })),
      license:
        typeof acceptedAt === 'string'
          ? {
              licenseId: 'CC-BY-NC-4.0',
              modelId: 'jinaai/jina-embeddings-v3',
              nonCommercialOnly: true,
              acceptedAt,
            }
          : null,
    };
  },
};
