export { loadBeirDataset, type Dataset, type DatasetDocument, type DatasetQuery } from './dataset';
export {
  evaluateRun,
  meanOf,
  queryMetrics,
  rankDocuments,
  METRIC_NAMES,
  type Qrels,
  type QueryMetrics,
  type Run,
} from './metrics';
