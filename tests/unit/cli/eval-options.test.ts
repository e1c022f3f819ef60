import { describe, expect, it } from 'vitest';

import { evalRunInput, parseGrid, parseJudgment } from '../../../electron/cli/eval-options';

describe('polyseek eval options', () => {
  it('reads --grid as axis=a,b;axis=c or as the contract JSON', () => {
    expect(parseGrid('dims=64,256; modes=hybrid ;prefix=on,off;query-tasks=text-matching')).toEqual({
      dims: [64, 256],
      modes: ['hybrid'],
      prefixes: [true, false],
      queryTasks: ['text-matching'],
    });
    expect(parseGrid('{"precisions":["int8"],"passageTasks":["retrieval.passage"]}')).toEqual({
      precisions: ['int8'],
      passageTasks: ['retrieval.passage'],
    });
  });

  it('refuses unknown axes, values the contract refuses and broken JSON, saying which', () => {
    expect(() => parseGrid('sizes=64')).toThrow(/"sizes=64": expected AXIS=a,b/u);
    expect(() => parseGrid('dims=33')).toThrow(/dims/u);
    expect(() => parseGrid('modes=fuzzy')).toThrow(/modes/u);
    expect(() => parseGrid('prefix=maybe')).toThrow(/prefixes/u);
    expect(() => parseGrid('{"dims": [64,')).toThrow(/not JSON/u);
  });

  it('lets a single-axis flag override the same axis of --grid', () => {
    const input = evalRunInput('/data/scifact', { grid: { dims: [64, 256], modes: ['semantic'] }, dims: [1024] });
    expect(input).toMatchObject({
      dataset: { kind: 'beir', dir: '/data/scifact' },
      grid: { dims: [1024], modes: ['semantic'] },
    });
  });

  it('reads judgments, with - to remove one', () => {
    expect(parseJudgment('/docs/a=b.pdf=2')).toEqual({ path: '/docs/a=b.pdf', grade: 2 });
    expect(parseJudgment('/docs/a.pdf=-')).toEqual({ path: '/docs/a.pdf', grade: null });
    expect(parseJudgment('/docs/a.pdf=7')).toMatch(/0, 1, 2 or 3/u);
  });
});
