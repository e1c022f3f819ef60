import { z } from 'zod';

import { DimsSchema, PrecisionSchema, TaskSchema } from './model';

/** One request embeds at most this many texts; larger jobs belong to the indexer. */
export const MAX_EMBED_TEXTS = 256;
/** About 8192 tokens of dense text is ~40k characters; longer input is cut by the model anyway. */
export const MAX_EMBED_TEXT_CHARS = 200_000;

export const EmbedInputSchema = z.strictObject({
  texts: z.array(z.string().max(MAX_EMBED_TEXT_CHARS)).min(1).max(MAX_EMBED_TEXTS),
  /** The LoRA adapter. */
  task: TaskSchema,
  /** Matryoshka dimension; default the settings' dims when the model offers it, else its full size. */
  dims: DimsSchema.optional(),
  /** Weights to use; default the settings' precision. */
  precision: PrecisionSchema.optional(),
  /** Prepend the task instruction; default the settings' `instructionPrefix`. */
  prefix: z.boolean().optional(),
  /** Also return sign-bit codes (base64, 8 dims per byte, most significant bit first). */
  binary: z.boolean().optional(),
});
export type EmbedInput = z.infer<typeof EmbedInputSchema>;

export const EmbeddingSchema = z.strictObject({
  vector: z.array(z.number()),
  binary: z.base64().nullable(),
  /** Tokens the model saw, specials included. */
  tokens: z.int().min(0),
  /** Cut at the model's 8192-token limit (keeping `</s>`). */
  truncated: z.boolean(),
});

export const EmbedResultSchema = z.strictObject({
  model: z.strictObject({
    dir: z.string(),
    precision: PrecisionSchema,
    /** Preset of the project's synthetic stand-in, or null for real weights. */
    synthetic: z.string().nullable(),
  }),
  provider: z.string(),
  task: TaskSchema,
  dims: z.int().positive(),
  prefix: z.boolean(),
  embeddings: z.array(EmbeddingSchema),
});
export type EmbedResult = z.infer<typeof EmbedResultSchema>;
