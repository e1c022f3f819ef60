import type { TopicCluster, TopicPoint } from '../../../shared';
import { clusterDocuments } from './cluster';
import { projectDocuments } from './project';
import { clusterLabels } from './topics-labels';
import { readDocumentVectors } from './topics-vectors';
import type { ExploreWork, TopicsOutcome, TopicsSettings } from './work';

/**
 * The topic map of the scope, from `separation` vectors the runner has stored for each file's first
 * `passagesPerFile` passages: one vector per document (their mean, Matryoshka-truncated to 128 dims),
 * k-means with k chosen by silhouette unless given (cluster.ts), UMAP to 2-D (project.ts), and c-TF-IDF
 * labels per cluster and language (labels.ts). Every random choice derives from `settings.seed`: the
 * same index and settings give the same clusters and coordinates. Cancelled through `work.signal`
 * (the abort reason is thrown) at any phase; progress is reported per phase.
 */
export async function runTopics(work: ExploreWork, settings: TopicsSettings): Promise<TopicsOutcome> {
  const { seed } = settings;
  const documents = await readDocumentVectors(work, settings.passagesPerFile);
  const { vectors, files } = documents;
  const clustering = await clusterDocuments(vectors, {
    k: settings.k,
    seed,
    signal: work.signal,
    progress: work.progress,
  });
  const xy = await projectDocuments(vectors, {
    seed,
    signal: work.signal,
    labels: clustering.labels,
    progress: work.progress,
  });
  const labels = await clusterLabels(work, files, clustering.labels, documents.languages, {
    k: clustering.k,
    passagesPerFile: settings.passagesPerFile,
    terms: settings.terms,
    seed,
  });

  const points: TopicPoint[] = files.map((file, i) => ({
    path: file.path,
    title: file.title,
    x: xy[2 * i] ?? 0,
    y: xy[2 * i + 1] ?? 0,
    cluster: clustering.labels[i] ?? 0,
  }));
  const sums = Array.from({ length: clustering.k }, () => ({ size: 0, x: 0, y: 0 }));
  for (const point of points) {
    const sum = sums[point.cluster];
    if (!sum) continue;
    sum.size += 1;
    sum.x += point.x;
    sum.y += point.y;
  }
  const clusters: TopicCluster[] = sums.map((sum, id) => ({
    id,
    size: sum.size,
    terms: labels.terms[id] ?? [],
    byLanguage: labels.byLanguage[id] ?? [],
    x: sum.size > 0 ? sum.x / sum.size : 0,
    y: sum.size > 0 ? sum.y / sum.size : 0,
  }));
  work.progress(1, 1, `mapped ${points.length} documents into ${clustering.k} topics`);
  return {
    report: {
      seed,
      k: clustering.k,
      autoK: clustering.autoK,
      silhouette: clustering.silhouette,
      documents: points.length,
      dims: Math.max(1, vectors.dims),
      clusters,
      bounds: bounds(points),
    },
    points,
  };
}

function bounds(points: readonly TopicPoint[]): { minX: number; maxX: number; minY: number; maxY: number } {
  if (points.length === 0) return { minX: 0, maxX: 0, minY: 0, maxY: 0 };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { minX, maxX, minY, maxY };
}
