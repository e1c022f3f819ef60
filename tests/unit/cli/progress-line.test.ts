import { describe, expect, it } from 'vitest';

import { describeProgress, formatDuration } from '../../../electron/cli/progress-line';
import type { ModelJob } from '../../../shared';

const job: ModelJob = {
  id: 'download-1',
  kind: 'download',
  state: 'running',
  variant: 'fp32',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  file: { path: 'onnx/model.onnx_data', bytes: 1_030_000_000, total: 2_291_339_168, etaSeconds: 102 },
  bytes: 1_030_000_000,
  total: 2_291_339_168,
  bytesPerSecond: 12_400_000,
  etaSeconds: 102,
  message: 'downloading onnx/model.onnx_data',
  error: null,
};

describe('the CLI progress line', () => {
  it('shows what, a bar, share, bytes, rate and ETA', () => {
    expect(describeProgress(job)).toBe(
      'downloading onnx/model.onnx_data  [##########--------------]  44%  1.03 GB/2.29 GB  12.4 MB/s  ETA 1m42s',
    );
  });

  it('leaves out what it does not know yet', () => {
    expect(describeProgress({ ...job, total: null, bytesPerSecond: null, etaSeconds: null, bytes: 0 })).toBe(
      'downloading onnx/model.onnx_data',
    );
  });

  it('formats durations for people', () => {
    expect([formatDuration(5), formatDuration(102), formatDuration(7300)]).toEqual(['5s', '1m42s', '2h01m']);
  });
});
