import { describe, expect, it } from 'vitest';

import {
  cellCount,
  draftProblems,
  initialDraft,
  offeredDims,
  toggledValue,
  toRunInput,
  type GridDraft,
  type RunDraft,
} from '../../../../../renderer/src/pages/evaluate/run-draft';
import { DEFAULT_SETTINGS, MATRYOSHKA_DIMS, TASKS } from '../../../../../shared';

const GRID: GridDraft = {
  modes: ['hybrid', 'semantic', 'keyword'],
  queryTasks: ['retrieval.query'],
  passageTasks: ['retrieval.passage'],
  dims: [256],
  precisions: ['fp32'],
  prefixes: [true],
};

const draft = (over: Partial<RunDraft> = {}): RunDraft => ({
  source: 'beir',
  folder: '/data/scifact',
  split: '',
  testSet: '',
  grid: GRID,
  bootstrap: '1000',
  label: '',
  ...over,
});

describe('the grid cell count', () => {
  it('counts keyword once and every combination of the vector axes per vector mode', () => {
    expect(cellCount(GRID)).toBe(3);
    // 2 vector modes × (2 query × 1 passage × 3 dims × 2 precisions × 2 prefixes) + keyword
    const grid: GridDraft = {
      ...GRID,
      queryTasks: ['retrieval.query', 'text-matching'],
      dims: [64, 256, 1024],
      precisions: ['fp32', 'int8'],
      prefixes: [true, false],
    };
    expect(cellCount(grid)).toBe(2 * 2 * 3 * 2 * 2 + 1);
    expect(cellCount({ ...grid, modes: ['keyword'] })).toBe(1);
    expect(cellCount({ ...grid, modes: ['semantic'] })).toBe(24);
    expect(cellCount({ ...grid, modes: [] })).toBe(0);
  });

  it('ignores duplicates the way the engine does', () => {
    expect(cellCount({ ...GRID, dims: [256, 256], modes: ['semantic', 'semantic'] })).toBe(1);
  });

  it('refuses a grid over 400 cells and names the limit, and an empty axis by name', () => {
    const everything: GridDraft = {
      modes: ['hybrid', 'semantic', 'keyword'],
      queryTasks: TASKS,
      passageTasks: TASKS,
      dims: MATRYOSHKA_DIMS,
      precisions: ['fp32', 'fp16', 'int8'],
      prefixes: [true, false],
    };
    expect(cellCount(everything)).toBe(2 * 5 * 5 * 7 * 3 * 2 + 1);
    expect(draftProblems(draft({ grid: everything })).grid).toBe(
      '2,101 cells: at most 400 run at once. Untick some settings, or split the study into several runs.',
    );
    expect(toRunInput(draft({ grid: everything }))).toBeNull();
    expect(draftProblems(draft({ grid: { ...GRID, dims: [], precisions: [] } })).grid).toBe(
      'Choose at least one: Dimensions, Precisions.',
    );
    // Keyword alone needs no vector axis.
    expect(draftProblems(draft({ grid: { ...GRID, modes: ['keyword'], dims: [] } })).grid).toBeUndefined();
  });
});

describe('the run draft', () => {
  it('starts from the saved settings in all three modes, at a size the model offers', () => {
    const encoder = { ...DEFAULT_SETTINGS.encoder, dims: 256 as const, queryTask: 'text-matching' as const };
    expect(initialDraft(encoder, MATRYOSHKA_DIMS).grid).toEqual({
      modes: ['hybrid', 'semantic', 'keyword'],
      queryTasks: ['text-matching'],
      passageTasks: [encoder.passageTask],
      dims: [256],
      precisions: [encoder.precision],
      prefixes: [encoder.instructionPrefix],
    });
    // The tiny synthetic model is 32 wide: its one size, not the saved 256.
    expect(initialDraft(encoder, offeredDims([32])).grid.dims).toEqual([32]);
  });

  it('offers the sizes the model lists, or all when they are unknown', () => {
    expect(offeredDims([32])).toEqual([32]);
    expect(offeredDims([32, 64, 128, 100])).toEqual([32, 64, 128]);
    expect(offeredDims(null)).toEqual(MATRYOSHKA_DIMS);
    expect(offeredDims([])).toEqual(MATRYOSHKA_DIMS);
  });

  it('keeps ticked values in the order of the axis', () => {
    expect(toggledValue(['fp32'], 'int8', true, ['fp32', 'fp16', 'int8'])).toEqual(['fp32', 'int8']);
    expect(toggledValue(['int8', 'fp32'], 'fp16', true, ['fp32', 'fp16', 'int8'])).toEqual(['fp32', 'fp16', 'int8']);
    expect(toggledValue(['fp32', 'int8'], 'fp32', false, ['fp32', 'fp16', 'int8'])).toEqual(['int8']);
  });

  it('names what is wrong with each field', () => {
    expect(draftProblems(draft())).toEqual({});
    expect(draftProblems(draft({ folder: 'datasets/scifact', bootstrap: '1.5', label: 'x'.repeat(201) }))).toEqual({
      folder: 'An absolute folder path, such as /home/you/datasets/scifact.',
      bootstrap: 'A whole number from 0 to 10,000.',
      label: 'At most 200 characters.',
    });
    expect(draftProblems(draft({ bootstrap: '' })).bootstrap).toBeDefined();
    expect(draftProblems(draft({ bootstrap: '10001' })).bootstrap).toBeDefined();
    expect(draftProblems(draft({ source: 'testset', testSet: '' })).testSet).toBe('Choose a test set.');
  });

  it('becomes the eval.run input: trimmed, with optional parts left out and keyword-only runs without vector axes', () => {
    expect(toRunInput(draft({ folder: ' /data/scifact ', split: ' dev ', label: ' first ' }))).toEqual({
      dataset: { kind: 'beir', dir: '/data/scifact', split: 'dev' },
      grid: { ...GRID, modes: ['hybrid', 'semantic', 'keyword'] },
      bootstrap: 1000,
      label: 'first',
    });
    expect(
      toRunInput(draft({ source: 'testset', testSet: 'mine', bootstrap: '0', grid: { ...GRID, modes: ['keyword'] } })),
    ).toEqual({
      dataset: { kind: 'testset', name: 'mine' },
      grid: { modes: ['keyword'] },
      bootstrap: 0,
    });
  });
});
