import { access } from 'node:fs/promises';
import { join } from 'node:path';

import { PolyseekError, type Precision } from '../../../shared';

/** ONNX file of each precision, in the Hugging Face repository's layout. int8 is made locally. */
export const ONNX_FILES: Readonly<Record<Precision, string>> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  int8: 'onnx/model_int8.onnx',
};

export const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'] as const;

export interface ModelFiles {
  readonly dir: string;
  readonly onnxPath: string;
}

/** Checks that a model folder has everything the encoder needs, naming every missing file at once. */
export async function locateModelFiles(dir: string, precision: Precision): Promise<ModelFiles> {
  const needed = [ONNX_FILES[precision], 'config.json', ...TOKENIZER_FILES];
  const missing: string[] = [];
  for (const file of needed) {
    try {
      await access(join(dir, file));
    } catch {
      missing.push(file);
    }
  }
  if (missing.length > 0) {
    throw new PolyseekError('MODEL_NOT_FOUND', `model folder ${dir} lacks ${missing.join(', ')} (${precision})`);
  }
  return { dir, onnxPath: join(dir, ONNX_FILES[precision]) };
}
