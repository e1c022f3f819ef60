import { describe, expect, it } from 'vitest';

import { exportFileName, exportText, slug } from '../../../../../renderer/src/pages/evaluate/downloads';
import { config, done, report, summary } from './eval-fixtures';

describe('export file names', () => {
  it('say the product, the run and what the file holds', () => {
    const run = summary();
    expect(exportFileName(run, 'cells')).toBe('polyseek-eval-scifact-20260304091500-a1b2c3.csv');
    expect(exportFileName(run, 'queries')).toBe('polyseek-eval-scifact-20260304091500-a1b2c3-queries.csv');
    expect(exportFileName(run, 'json')).toBe('polyseek-eval-scifact-20260304091500-a1b2c3.json');
  });

  it('take the label over the dataset name, made safe for any file system', () => {
    expect(exportFileName(summary({ label: 'Adapters: query vs. passage / 2026' }), 'cells')).toBe(
      'polyseek-eval-adapters-query-vs-passage-2026-20260304091500-a1b2c3.csv',
    );
    expect(slug('Ünïcode 日本語 テスト')).toBe('ünïcode-日本語-テスト');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('***')).toBe('run');
    expect(slug('a'.repeat(30) + ' ' + 'b'.repeat(30))).toBe(`${'a'.repeat(30)}-${'b'.repeat(9)}`);
  });
});

describe('export contents', () => {
  const r = report([done('semantic|x', config(), 0.5)], { bestCellId: 'semantic|x' });

  it('use the contract’s CSV writers and the report as JSON', () => {
    const csv = exportText(r, 'cells');
    expect(csv.split('\r\n')[0]).toMatch(/^cell,mode,query_task,/);
    expect(csv).toContain('semantic|x,semantic,retrieval.query,retrieval.passage,256,fp32,true,done,8,0.5,');
    expect(exportText(r, 'queries').split('\r\n')[0]).toBe(
      'query_id,query,relevant,cell,ndcg10,recall10,recall100,mrr10,map',
    );
    expect(JSON.parse(exportText(r, 'json'))).toEqual(r);
  });
});
