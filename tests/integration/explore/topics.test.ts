import { describe, expect, it } from 'vitest';

import { runTopics } from '../../../electron/engine/explore/topics';
import type { ExploreWork, TopicsSettings } from '../../../electron/engine/explore/work';
import { chunkId, IndexStore, sqlStartsWith, type FileRecord, type Provenance } from '../../../electron/engine/store';
import { clusteredVectors, purity } from '../../fixtures/clustered-vectors';
import { useTempDirs } from '../../fixtures/temp-dir';
import { chunks, fileRecord, PROVENANCE } from '../store/support';

const tempDir = useTempDirs();
const DIMS = 32;
const provenance: Provenance = { ...PROVENANCE, task: 'separation', prefix: false, dims: DIMS };
const TOPICS = [
  { en: 'volcano lava eruption magma crater', ja: '火山 噴火 溶岩' },
  { en: 'invoice payment refund ledger tax', ja: '請求 支払 税金' },
  { en: 'violin orchestra symphony concerto melody', ja: '音楽 交響曲 演奏' },
];
const SETTINGS: TopicsSettings = { k: null, seed: 1, passagesPerFile: 3, terms: 4 };

/**
 * 36 files in three planted topics (their text speaks of the topic; every fourth file is Japanese), three
 * passages each sharing their file's vector, and a fourth passage with another topic's vector, which
 * `passagesPerFile: 3` must leave out. One more file has chunks but no vectors.
 */
async function seed(store: IndexStore): Promise<Int32Array> {
  const points = clusteredVectors({ dims: DIMS, clusters: 3, noise: 0.6, centroidSeed: 11 }, 12).labelled(36);
  const entries = Array.from({ length: 36 }, (_, i) => {
    const topic = TOPICS[points.labels[i] ?? 0] ?? TOPICS[0];
    const language = i % 4 === 3 ? 'ja' : 'en';
    const text = language === 'ja' ? `${topic?.ja ?? ''}について` : `notes about the ${topic?.en ?? ''}`;
    const folder = i % 2 === 0 ? 'a' : 'b';
    return {
      file: fileRecord(`/root/${folder}/doc-${i}.txt`, { hash: `h${i}`, title: `Doc ${i}` }),
      chunks: chunks([text, `${text} again`, `more ${text}`, 'an unrelated tail passage'], language),
    };
  });
  entries.push({ file: fileRecord('/root/a/unencoded.txt', { hash: 'hx' }), chunks: chunks(['no vector here']) });
  await store.commitFiles(entries);
  const other = clusteredVectors({ dims: DIMS, clusters: 3, noise: 0.6, centroidSeed: 11 }, 13);
  const rows = entries.slice(0, 36).flatMap(({ file }, i) => [
    ...[0, 1, 2].map((ordinal) => ({
      id: chunkId(file.path, file.hash, ordinal),
      vector: points.vectors.slice(i * DIMS, (i + 1) * DIMS),
    })),
    { id: chunkId(file.path, file.hash, 3), vector: other.next() },
  ]);
  await store.addVectors(provenance, rows);
  return points.labels;
}

function work(store: IndexStore, files: FileRecord[], overrides: Partial<ExploreWork> = {}): ExploreWork {
  return {
    store,
    provenance,
    files,
    where: undefined,
    signal: new AbortController().signal,
    progress: () => undefined,
    ...overrides,
  };
}

describe('runTopics', () => {
  it('maps the documents of an index into their planted topics, labelled per language, deterministically', async () => {
    const store = await IndexStore.open(await tempDir());
    try {
      const planted = await seed(store);
      const files = await store.listFiles();
      const activities: string[] = [];
      const outcome = await runTopics(
        work(store, files, { progress: (_d, _t, activity) => activities.push(activity) }),
        SETTINGS,
      );
      const { report, points } = outcome;
      expect(report).toMatchObject({ seed: 1, k: 3, autoK: true, documents: 36, dims: DIMS });
      expect(report.silhouette).toBeGreaterThan(0.3);
      expect(points.map((point) => point.path)).not.toContain('/root/a/unencoded.txt');
      const byPath = new Map(points.map((point) => [point.path, point.cluster]));
      const found = Array.from(
        { length: 36 },
        (_, i) => byPath.get(`/root/${i % 2 === 0 ? 'a' : 'b'}/doc-${i}.txt`) ?? -1,
      );
      expect(purity(found, planted)).toBe(1);
      expect(points[0]?.title).toMatch(/^Doc /);
      for (const cluster of report.clusters) {
        const topic = TOPICS.find((t) => t.en.split(' ').includes(cluster.terms[0] ?? ''));
        expect(topic, `labels ${cluster.terms.join(', ')}`).toBeDefined();
        expect(cluster.byLanguage.map((entry) => entry.language)).toEqual(['en', 'ja']);
        const ja = cluster.byLanguage.find((entry) => entry.language === 'ja');
        expect(topic?.ja.split(' ')).toEqual(expect.arrayContaining(ja?.terms.slice(0, 3) ?? []));
        expect(cluster.size).toBe(points.filter((point) => point.cluster === cluster.id).length);
      }
      for (const point of points) {
        expect(point.x).toBeGreaterThanOrEqual(report.bounds.minX);
        expect(point.y).toBeLessThanOrEqual(report.bounds.maxY);
      }
      expect(activities.some((line) => line.startsWith('reading passage vectors'))).toBe(true);
      expect(activities.some((line) => line.startsWith('labelling topics'))).toBe(true);

      const again = await runTopics(work(store, files), SETTINGS);
      expect(again).toEqual(outcome);
      const given = await runTopics(work(store, files), { ...SETTINGS, k: 2, seed: 4 });
      expect(given.report).toMatchObject({ k: 2, autoK: false, seed: 4 });
    } finally {
      await store.close();
    }
  });

  it('keeps to the scope, and stops when cancelled', async () => {
    const store = await IndexStore.open(await tempDir());
    try {
      await seed(store);
      const inA = (await store.listFiles()).filter((file) => file.path.startsWith('/root/a/'));
      const scoped = await runTopics(work(store, inA, { where: sqlStartsWith('path', '/root/a/') }), SETTINGS);
      expect(scoped.report.documents).toBe(18);
      expect(scoped.points.every((point) => point.path.startsWith('/root/a/'))).toBe(true);

      const controller = new AbortController();
      const cancelled = runTopics(
        work(store, inA, {
          signal: controller.signal,
          progress: (_d, _t, activity) => {
            if (activity.startsWith('choosing')) controller.abort(new Error('cancelled by the test'));
          },
        }),
        SETTINGS,
      );
      await expect(cancelled).rejects.toThrow('cancelled by the test');
      const empty = await runTopics(work(store, []), SETTINGS);
      expect(empty.report).toMatchObject({ k: 0, documents: 0, clusters: [], silhouette: null });
      expect(empty.points).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
