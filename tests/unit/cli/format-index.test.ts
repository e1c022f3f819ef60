import { describe, expect, it } from 'vitest';

import { formatIndexStatus } from '../../../electron/cli/format-index';
import type { IndexStatus } from '../../../shared';

const provenance = {
  modelId: 'jinaai/jina-embeddings-v3',
  modelChecksum: 'sha256:abc',
  precision: 'int8' as const,
  task: 'retrieval.passage' as const,
  prefix: true,
  dims: 1024,
  chunkerVersion: 1,
};

const status: IndexStatus = {
  job: null,
  watching: false,
  roots: [{ path: '/docs', exists: true, files: 3, indexed: 2, failed: 1, skipped: 0, pending: 0, chunks: 40 }],
  totals: { files: 3, indexed: 2, failed: 1, skipped: 0, pending: 0, chunks: 40, bytesOnDisk: 2_000_000 },
  filesAwaitingVectors: 0,
  modelProblem: null,
  activeProvenance: provenance,
  currentProvenance: provenance,
  vectorSets: [
    { provenance, rows: 40, floatBytes: 163_840, binaryBytes: 5_120, index: 'exact', active: true },
    {
      provenance: { ...provenance, dims: 256 },
      rows: 40,
      floatBytes: 40_960,
      binaryBytes: 1_280,
      index: 'ann',
      active: false,
    },
  ],
  dir: '/profile/index',
};

describe('formatIndexStatus', () => {
  it('lists every vector set with its float and binary sizes and how it is searched', () => {
    const text = formatIndexStatus(status);
    expect(text).toContain('vector set (searched): retrieval.passage, 1024 dims, int8 — 40 rows');
    expect(text).toContain('163.8 KB float + 5.12 KB binary codes, exact search');
    expect(text).toContain('vector set: retrieval.passage, 256 dims, int8 — 40 rows');
    expect(text).toContain('ANN index');
  });
});
