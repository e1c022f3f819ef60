export {
  detectFormat,
  DETECT_HEAD_BYTES,
  extensionOf,
  SUPPORTED_FORMATS,
  type DetectedFormat,
  type DocumentFormat,
} from './detect-format';
export { decodeBytes, type DecodedText, type DecodeOptions } from './decode';
export { extractBytes, extractFile, type ExtractFileOptions } from './extract-file';
export { DEFAULT_MAX_FILE_BYTES } from './limits';
export { createExtractorPool, type ExtractorPoolOptions } from './pool';
export { MAX_SEGMENT_CHARS } from './segments';
export {
  EXTRACT_ERROR_CODES,
  ExtractError,
  type ExtractErrorCode,
  type Extracted,
  type ExtractOptions,
  type ExtractorPool,
  type Segment,
  type SegmentKind,
  type SegmentLocation,
} from './types';
