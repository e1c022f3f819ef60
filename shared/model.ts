import { z } from 'zod';

/** jina-embeddings-v3 LoRA adapters; the array order is the model's `task_id`. */
export const TASKS = ['retrieval.query', 'retrieval.passage', 'separation', 'classification', 'text-matching'] as const;
export const TaskSchema = z.enum(TASKS);
export type Task = z.infer<typeof TaskSchema>;

/** Matryoshka dimensions jina-v3 was trained to truncate to. */
export const MATRYOSHKA_DIMS = [32, 64, 128, 256, 512, 768, 1024] as const;
export const DimsSchema = z.literal(MATRYOSHKA_DIMS);
export type Dims = z.infer<typeof DimsSchema>;

export const PRECISIONS = ['fp32', 'fp16', 'int8'] as const;
export const PrecisionSchema = z.enum(PRECISIONS);
export type Precision = z.infer<typeof PrecisionSchema>;

/** `auto` tries the platform's GPU providers in order and falls back to CPU. */
export const PROVIDER_PREFERENCES = ['auto', 'cpu', 'webgpu', 'cuda', 'dml', 'coreml'] as const;
export const ProviderPreferenceSchema = z.enum(PROVIDER_PREFERENCES);
export type ProviderPreference = z.infer<typeof ProviderPreferenceSchema>;

export const MODEL_ID = 'jinaai/jina-embeddings-v3';
