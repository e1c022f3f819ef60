export { paddingWaste, planBatches, type Batch, type BatchPlanOptions } from './batching';
export { Encoder, type EmbedOptions, type Embedding, type EncoderOptions } from './encoder';
export { readModelConfig, storedDims, type ModelConfig } from './model-config';
export { ONNX_FILES, locateModelFiles } from './model-files';
export { MIN_PROBE_COSINE, providerCandidates, selectProvider, type ProviderReport } from './providers';
export { binaryCode, cosine, meanPool, truncateAndNormalize } from './vectors';
