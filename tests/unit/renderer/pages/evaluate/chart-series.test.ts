import { describe, expect, it } from 'vitest';

import { dimsChart, recallChart, seriesKey } from '../../../../../renderer/src/pages/evaluate/chart-series';
import { config, done, KEYWORD, notDone, report } from './eval-fixtures';

describe('the nDCG@10-by-dimensions chart', () => {
  const cells = [
    done('s-256', config({ dims: 256 }), 0.5),
    done('s-64', config({ dims: 64 }), 0.3),
    done('h-256', config({ mode: 'hybrid', dims: 256 }), 0.6),
    done('s-q-64', config({ queryTask: 'text-matching', dims: 64 }), 0.2),
    notDone('h-64', config({ mode: 'hybrid', dims: 64 }), 'failed', 'out of memory'),
    done('k', KEYWORD, 0.45),
  ];
  const chart = dimsChart(report(cells));

  it('has one x label per size a finished cell searched at, ascending', () => {
    expect(chart.labels).toEqual(['64', '256']);
  });

  it('draws one line per mode × adapters × precision × prefix, hybrid first, gaps where a cell did not finish', () => {
    expect(chart.series.map((s) => [s.key, s.points])).toEqual([
      ['hybrid|retrieval.query|retrieval.passage|fp32|prefix', [null, 0.6]],
      ['semantic|retrieval.query|retrieval.passage|fp32|prefix', [0.3, 0.5]],
      ['semantic|text-matching|retrieval.passage|fp32|prefix', [0.2, null]],
      ['keyword', [0.45, 0.45]],
    ]);
    expect(chart.series[0]?.label).toBe('hybrid · retrieval.query → retrieval.passage · fp32 · prefix');
    expect(chart.series[3]?.label).toBe('keyword (no vectors)');
  });

  it('keys series by everything but dims', () => {
    expect(seriesKey(config({ dims: 32 }))).toBe(seriesKey(config({ dims: 1024 })));
    expect(seriesKey(config({ prefix: false }))).not.toBe(seriesKey(config()));
  });

  it('sums the picture up in words for screen readers', () => {
    expect(chart.summary).toBe(
      'Line chart of nDCG@10 against dimensions: 4 lines, 2 sizes. Highest: hybrid · retrieval.query → retrieval.passage · fp32 · prefix at 256 dimensions, 0.600. The table below lists every value.',
    );
  });

  it('draws nothing against dimensions when only keyword cells finished', () => {
    const only = dimsChart(report([done('k', KEYWORD, 0.4), notDone('s', config(), 'running')]));
    expect(only.labels).toEqual([]);
    expect(only.series).toEqual([]);
  });
});

describe('the recall curves', () => {
  const cells = [done('a', config(), 0.5), done('b', KEYWORD, 0.2), notDone('c', config({ dims: 64 }), 'pending')];

  it('has k = 1…100 and one curve per chosen finished cell, in the order chosen', () => {
    const chart = recallChart(report(cells), ['b', 'c', 'a', 'missing']);
    expect(chart.labels).toHaveLength(100);
    expect(chart.labels[0]).toBe('1');
    expect(chart.labels[99]).toBe('100');
    expect(chart.series.map((s) => s.key)).toEqual(['b', 'a']);
    expect(chart.series[1]?.points).toHaveLength(100);
    expect(chart.series[1]?.points[9]).toBeCloseTo(0.15);
  });

  it('draws a cell in the colour and marker of its line in the dims chart, sizes of one setting dashed apart', () => {
    const both = [
      done('s-256', config({ dims: 256 }), 0.5),
      done('s-64', config({ dims: 64 }), 0.3),
      done('h-256', config({ mode: 'hybrid', dims: 256 }), 0.6),
      done('k', KEYWORD, 0.4),
    ];
    const dims = dimsChart(report(both));
    const styleOf = new Map(dims.series.map((s) => [s.key, s.style]));
    expect([...styleOf.values()]).toEqual([0, 1, 2]);
    const recall = recallChart(report(both), ['k', 's-64', 's-256', 'h-256']);
    expect(recall.series.map((s) => [s.key, s.style, s.dash])).toEqual([
      ['k', styleOf.get('keyword'), 0],
      ['s-64', styleOf.get('semantic|retrieval.query|retrieval.passage|fp32|prefix'), 0],
      ['s-256', styleOf.get('semantic|retrieval.query|retrieval.passage|fp32|prefix'), 1],
      ['h-256', styleOf.get('hybrid|retrieval.query|retrieval.passage|fp32|prefix'), 1],
    ]);
  });

  it('reads Recall@10 and Recall@100 of each curve in its summary', () => {
    expect(recallChart(report(cells), ['a']).summary).toBe(
      'Line chart of Recall@k for k from 1 to 100. semantic · retrieval.query → retrieval.passage · 256 dims · fp32 · prefix: 0.150 at k = 10, 1.000 at k = 100. The table below lists Recall@10 and Recall@100 of every cell.',
    );
  });
});
