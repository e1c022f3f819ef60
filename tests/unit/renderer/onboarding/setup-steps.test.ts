import { describe, expect, it } from 'vitest';

import {
  firstOpenStep,
  modelSituation,
  setupSteps,
  stepAfter,
  stepsLeft,
  type SetupStep,
} from '../../../../renderer/src/onboarding/setup-steps';
import type { ModelFileStatus, ModelJob, ModelStatus, ModelVariantStatus } from '../../../../shared';

const file = (path: string, over: Partial<ModelFileStatus> = {}): ModelFileStatus => ({
  path,
  variants: [],
  optional: false,
  bytes: 100,
  expectedBytes: 100,
  expectedSha256: null,
  hashSource: 'manifest',
  note: '',
  check: 'verified',
  sha256: null,
  checkedAt: null,
  ...over,
});

const variant = (name: ModelVariantStatus['variant'], complete: boolean): ModelVariantStatus => ({
  variant: name,
  files: [],
  complete,
  verified: complete,
  origin: name === 'int8' ? 'local' : 'hub',
  expectedBytes: null,
});

const job = (over: Partial<ModelJob>): ModelJob => ({
  id: 'j',
  kind: 'download',
  state: 'running',
  variant: 'fp32',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  file: null,
  bytes: 0,
  total: null,
  bytesPerSecond: null,
  etaSeconds: null,
  message: null,
  error: null,
  ...over,
});

/** A profile with the fp32 model complete and verified, nothing else. */
function status(over: Partial<ModelStatus> = {}): ModelStatus {
  return {
    modelId: 'jinaai/jina-embeddings-v3',
    revision: 'abc',
    license: { id: 'CC-BY-NC-4.0', url: 'u', accepted: true },
    dir: '/data/models/jina',
    dirSource: 'profile',
    hfCacheSnapshot: false,
    synthetic: null,
    endpoint: 'https://huggingface.co',
    token: false,
    proxy: null,
    precision: 'fp32',
    files: [
      file('tokenizer.json'),
      file('special_tokens_map.json', { optional: true, bytes: null, check: 'missing' }),
      file('onnx/model.onnx', { variants: ['fp32'] }),
      file('onnx/model_int8.onnx', { variants: ['int8'], bytes: null, check: 'missing' }),
    ],
    variants: [variant('fp32', true), variant('fp16', false), variant('int8', false)],
    job: null,
    fingerprints: [],
    int8: null,
    ...over,
  };
}

/** Every file of the profile gone (or never there). */
const empty = (over: Partial<ModelStatus> = {}): ModelStatus =>
  status({
    files: status().files.map((f) => ({ ...f, bytes: null, check: 'missing' })),
    variants: [variant('fp32', false), variant('fp16', false), variant('int8', false)],
    ...over,
  });

describe('modelSituation', () => {
  it('is unknown until model.status answers, ready once the selected variant is complete', () => {
    expect(modelSituation(null)).toEqual({ kind: 'unknown' });
    expect(modelSituation(status())).toEqual({ kind: 'ready', variant: 'fp32', verified: true });
  });

  it('calls a first setup absent, and a model that was here before gone', () => {
    expect(modelSituation(empty())).toEqual({ kind: 'absent' });
    const fingerprint = {
      variant: 'fp32' as const,
      state: 'recorded' as const,
      minCosine: null,
      recordedAt: null,
      checkedAt: '2026-01-01T00:00:00.000Z',
      message: '',
    };
    expect(modelSituation(empty({ fingerprints: [fingerprint] }))).toEqual({
      kind: 'gone',
      dir: '/data/models/jina',
      dirSource: 'profile',
    });
    // A folder located (settings) or given at start-up was there when chosen, even if never loaded.
    expect(modelSituation(empty({ dirSource: 'settings', dir: '/media/usb/jina' }))).toMatchObject({
      kind: 'gone',
      dir: '/media/usb/jina',
    });
  });

  it('says an interrupted download is partial, counting only the files the variant needs', () => {
    const partial = empty();
    const files = partial.files.map((f) =>
      f.path === 'tokenizer.json' ? { ...f, bytes: 10, check: 'unchecked' as const } : f,
    );
    expect(modelSituation({ ...partial, files })).toEqual({ kind: 'partial', variant: 'fp32', present: 1, needed: 2 });
  });

  it('names damaged files before anything else, and a fingerprint mismatch on intact files', () => {
    const files = status().files.map((f) => (f.path === 'onnx/model.onnx' ? { ...f, check: 'mismatch' as const } : f));
    expect(modelSituation(status({ files }))).toEqual({ kind: 'damaged', variant: 'fp32', files: ['onnx/model.onnx'] });
    const fingerprints = [
      {
        variant: 'fp32' as const,
        state: 'mismatch' as const,
        minCosine: 0.2,
        recordedAt: null,
        checkedAt: '2026-01-01T00:00:00.000Z',
        message: '',
      },
    ];
    expect(modelSituation(status({ fingerprints }))).toEqual({ kind: 'fingerprint', variant: 'fp32' });
  });

  it('offers the complete variant when the selected one was deleted', () => {
    expect(modelSituation(status({ precision: 'int8' }))).toEqual({
      kind: 'other-variant',
      selected: 'int8',
      available: 'fp32',
    });
  });

  it('is working while a download, locate or quantize job runs, not while a verification does', () => {
    const download = job({});
    expect(modelSituation(empty({ job: download }))).toEqual({ kind: 'working', job: download });
    expect(modelSituation(status({ job: job({ kind: 'verify' }) }))).toMatchObject({ kind: 'ready' });
    expect(modelSituation(empty({ job: job({ state: 'failed' }) }))).toEqual({ kind: 'absent' });
  });
});

describe('setupSteps', () => {
  const fresh = setupSteps({ licenceAccepted: false, model: { kind: 'absent' }, rootCount: 0 });

  it('derives every step from state: a new profile has three left', () => {
    expect(fresh.map((s) => s.state)).toEqual(['todo', 'todo', 'todo']);
    expect(stepsLeft(fresh)).toBe(3);
    expect(firstOpenStep(fresh)).toBe('licence');
  });

  it('counts a running job as left, and a state that could not be read as neither done nor left', () => {
    const steps = setupSteps({
      licenceAccepted: true,
      model: { kind: 'working', job: job({}) },
      rootCount: null,
    });
    expect(steps.map((s) => s.state)).toEqual(['done', 'working', 'unknown']);
    expect(stepsLeft(steps)).toBe(1);
    // The guide still opens the unknown step, to show why it could not be read.
    expect(firstOpenStep(steps, new Set(['model']))).toBe('folder');
  });

  it('has nothing left for a returning user with everything in place', () => {
    const done = setupSteps({
      licenceAccepted: true,
      model: { kind: 'ready', variant: 'fp32', verified: true },
      rootCount: 2,
    });
    expect(stepsLeft(done)).toBe(0);
    expect(firstOpenStep(done)).toBeNull();
  });

  it('reopens only the model step for a returning user whose model was deleted', () => {
    const steps = setupSteps({
      licenceAccepted: true,
      model: { kind: 'gone', dir: '/x', dirSource: 'settings' },
      rootCount: 1,
    });
    expect(stepsLeft(steps)).toBe(1);
    expect(firstOpenStep(steps)).toBe('model');
  });

  it('skips what the person skipped in this visit, and moves past done steps', () => {
    expect(firstOpenStep(fresh, new Set(['licence']))).toBe('model');
    expect(firstOpenStep(fresh, new Set(['licence', 'model', 'folder']))).toBeNull();
    const steps: readonly SetupStep[] = [
      { id: 'licence', state: 'todo' },
      { id: 'model', state: 'done' },
      { id: 'folder', state: 'todo' },
    ];
    expect(stepAfter('licence', steps)).toBe('folder');
    expect(stepAfter('folder', steps)).toBeNull();
  });
});
