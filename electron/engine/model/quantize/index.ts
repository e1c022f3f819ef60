/** On-device int8 quantization of the fp32 jina-v3 export (issue 4, item 4). */
export { quantizeToInt8, type QuantizeOptions, type QuantizeProgress, type QuantizeResult } from './quantize-to-int8';
