import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { MATRYOSHKA_DIMS, PolyseekError, TASKS, describeIssues, errorMessage, type Task } from '../../../shared';

/** The fields of jina-v3's config.json the encoder relies on; everything else is ignored. */
const ConfigSchema = z.looseObject({
  hidden_size: z.int().positive(),
  lora_adaptations: z.array(z.string()).min(1),
  task_instructions: z.record(z.string(), z.string()).optional(),
  matryoshka_dimensions: z.array(z.int().positive()).optional(),
  max_position_embeddings: z.int().positive().optional(),
  polyseek_synthetic: z.looseObject({ preset: z.string(), seed: z.number() }).optional(),
});

export interface ModelConfig {
  readonly hiddenSize: number;
  /** task → the model's `task_id` (its position in `lora_adaptations`). */
  readonly taskIds: ReadonlyMap<Task, number>;
  /** task → instruction prefix from `task_instructions` ("" when the task has none). */
  readonly instructions: ReadonlyMap<Task, string>;
  /** Matryoshka dimensions the model supports, capped at its hidden size. */
  readonly dims: readonly number[];
  /** Longest input in tokens, `<s>` and `</s>` included (8192 for jina-v3). */
  readonly maxTokens: number;
  /** Set for the project's synthetic stand-in, null for real weights. */
  readonly synthetic: { readonly preset: string; readonly seed: number } | null;
}

/** jina-v3 positions 8194 minus the two specials XLM-R reserves; inputs are capped at 8192 tokens. */
const MAX_TOKENS = 8192;

/**
 * The dimension vectors get for a Matryoshka setting: the setting where the model offers it (a small
 * synthetic model may not), else the model's full width. Shared by the encoder and the re-embed plan.
 */
export function storedDims(config: Pick<ModelConfig, 'dims' | 'hiddenSize'>, wanted: number): number {
  return config.dims.includes(wanted) ? wanted : config.hiddenSize;
}

export async function readModelConfig(modelDir: string): Promise<ModelConfig> {
  const path = join(modelDir, 'config.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PolyseekError(missing ? 'MODEL_NOT_FOUND' : 'MODEL_INVALID', `reading ${path}: ${errorMessage(error)}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new PolyseekError('MODEL_INVALID', `${path}: ${describeIssues(parsed.error.issues)}`);
  const config = parsed.data;

  const taskIds = new Map<Task, number>();
  const instructions = new Map<Task, string>();
  for (const task of TASKS) {
    const id = config.lora_adaptations.indexOf(task);
    if (id < 0) throw new PolyseekError('MODEL_INVALID', `${path}: lora_adaptations lacks the ${task} adapter`);
    taskIds.set(task, id);
    instructions.set(task, config.task_instructions?.[task] ?? '');
  }
  const declared = config.matryoshka_dimensions ?? [...MATRYOSHKA_DIMS];
  return {
    hiddenSize: config.hidden_size,
    taskIds,
    instructions,
    dims: declared.filter((d) => d <= config.hidden_size),
    maxTokens: Math.min(MAX_TOKENS, (config.max_position_embeddings ?? MAX_TOKENS + 2) - 2),
    synthetic: config.polyseek_synthetic
      ? { preset: config.polyseek_synthetic.preset, seed: config.polyseek_synthetic.seed }
      : null,
  };
}
