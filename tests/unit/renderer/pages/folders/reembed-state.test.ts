import { describe, expect, it } from 'vitest';

import { provenanceChanges, reembedState } from '../../../../../renderer/src/pages/folders/reembed-state';
import {
  DEFAULT_SETTINGS,
  MODEL_ID,
  type IndexJob,
  type IndexProvenance,
  type IndexStatus,
} from '../../../../../shared';

const SERVING: IndexProvenance = {
  modelId: MODEL_ID,
  modelChecksum: 'synthetic-tiny:bytes:1',
  precision: 'fp32',
  task: 'retrieval.passage',
  prefix: true,
  dims: 32,
  chunkerVersion: 3,
};
const MAKING: IndexProvenance = { ...SERVING, task: 'text-matching' };

function status(change: Partial<IndexStatus>): IndexStatus {
  return {
    job: null,
    watching: false,
    roots: [],
    totals: { files: 25, indexed: 20, failed: 3, skipped: 2, pending: 0, chunks: 400, bytesOnDisk: 1_000_000 },
    filesAwaitingVectors: 0,
    modelProblem: null,
    activeProvenance: SERVING,
    currentProvenance: SERVING,
    vectorSets: [],
    dir: '/profile/index',
    ...change,
  };
}

const embedding = {
  id: 'index-2',
  state: 'running',
  phase: 'embedding',
  kind: 'vectors',
  filesAwaitingVectors: 6,
  vectorFilesTotal: 20,
  modelProblem: null,
} as const;

function job(change: Partial<IndexJob>): IndexJob {
  return {
    ...embedding,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    filesSeen: 0,
    filesTotal: 0,
    filesDone: 0,
    filesFailed: 0,
    filesSkipped: 0,
    filesUnchanged: 0,
    filesRemoved: 0,
    chunks: 0,
    chunksEncoded: 280,
    tokens: 0,
    tokensPerSecond: null,
    etaSeconds: null,
    currentFile: null,
    message: null,
    error: null,
    ...change,
  };
}

describe('reembedState', () => {
  it('is none when the serving vectors are the ones made now, or none exist', () => {
    expect(reembedState(status({}), null, DEFAULT_SETTINGS)).toEqual({ kind: 'none' });
    expect(reembedState(status({ activeProvenance: null }), null, DEFAULT_SETTINGS)).toEqual({ kind: 'none' });
  });

  it('follows a running re-embed: old vectors serve, new ones are made, files left of the job’s total', () => {
    expect(reembedState(status({ currentProvenance: MAKING, filesAwaitingVectors: 9 }), job({}), null)).toEqual({
      kind: 'reembedding',
      serving: SERVING,
      making: MAKING,
      changed: ['task'],
      left: 6,
      total: 20,
      job: 'running',
      why: null,
    });
  });

  it('says when it is paused, stopped, or waiting for the model', () => {
    const pending = status({ currentProvenance: MAKING, filesAwaitingVectors: 9 });
    expect(reembedState(pending, job({ state: 'paused' }), null)).toMatchObject({ job: 'paused' });
    expect(reembedState(pending, job({ state: 'cancelled' }), null)).toMatchObject({
      job: 'stopped',
      left: 9,
      total: 20,
    });
    expect(
      reembedState(
        status({ currentProvenance: null, filesAwaitingVectors: 20, modelProblem: 'licence not accepted' }),
        null,
        {
          ...DEFAULT_SETTINGS,
          encoder: { ...DEFAULT_SETTINGS.encoder, precision: 'int8' },
        },
      ),
    ).toMatchObject({
      kind: 'reembedding',
      making: null,
      changed: ['precision'],
      job: 'waiting',
      why: 'licence not accepted',
    });
  });

  it('before the encoder loads, compares the saved adapter, prefix and variant, not the dims', () => {
    const before = status({ currentProvenance: null });
    expect(reembedState(before, null, DEFAULT_SETTINGS)).toEqual({ kind: 'none' });
    const prefixOff = { ...DEFAULT_SETTINGS, encoder: { ...DEFAULT_SETTINGS.encoder, instructionPrefix: false } };
    expect(reembedState(before, null, prefixOff)).toMatchObject({ changed: ['prefix'] });
  });
});

describe('provenanceChanges', () => {
  it('names what differs, adapter first', () => {
    expect(provenanceChanges(SERVING, { ...SERVING, dims: 16, task: 'separation' })).toEqual(['task', 'dims']);
    expect(provenanceChanges(SERVING, SERVING)).toEqual([]);
  });
});
