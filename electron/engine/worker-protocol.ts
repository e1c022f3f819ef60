import { z } from 'zod';

import {
  AnswerSetKeyInputSchema,
  AnswerStatusSchema,
  KeySourceSchema,
  MAX_PATH_LENGTH,
  ResultErrorSchema,
  SettingsSchema,
  parseEvent,
  parseUnknown,
  type PolyseekEvent,
  type Result,
} from '../../shared';

/**
 * Messages between a host that owns the settings (Electron main) and the engine process (the Electron
 * utilityProcess, or a Node child in tests). Both sides validate everything they receive: a process
 * boundary is a trust boundary too, and a malformed message must be dropped, not half-applied.
 */

/** Request ids are small positive integers chosen by the parent; the worker echoes them back. */
const RequestId = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
/** Generous, but bounds what a confused parent can make the worker log or echo. */
const MAX_COMMAND_NAME_LENGTH = 200;

const InitMessageSchema = z.strictObject({
  type: z.literal('init'),
  /** Profile folder for indexes, models and caches. */
  dataDir: z.string().min(1),
  settings: SettingsSchema,
});
const SettingsMessageSchema = z.strictObject({ type: z.literal('settings'), settings: SettingsSchema });
const RequestMessageSchema = z.strictObject({
  type: z.literal('request'),
  id: RequestId,
  name: z.string().max(MAX_COMMAND_NAME_LENGTH),
  input: z.unknown(),
});
/** The parent stopped waiting (timeout); the worker aborts the command's signal. */
const CancelMessageSchema = z.strictObject({ type: z.literal('cancel'), id: RequestId });
/** Dispose the engine and exit 0; the parent kills the process if this takes too long. */
const ShutdownMessageSchema = z.strictObject({ type: z.literal('shutdown') });
/**
 * The answer to the worker's `set-model-dir`: sent after the new settings (so the worker already uses the
 * folder when its job goes on), with the error if the settings file could not be written.
 */
const SetModelDirDoneSchema = z.strictObject({
  type: z.literal('set-model-dir-done'),
  id: RequestId,
  error: ResultErrorSchema.nullable(),
});

/**
 * The chat endpoint's API key as main holds it (decrypted from the OS keychain, or kept for the session),
 * sent after every (re)start's `ready` and whenever it changes; null: none stored, the worker falls back to
 * POLYSEEK_ANSWER_API_KEY. The only message that carries a secret: never log or echo its contents.
 */
const AnswerKeyMessageSchema = z
  .strictObject({
    type: z.literal('answer-key'),
    apiKey: AnswerSetKeyInputSchema.shape.apiKey,
    /** Where main keeps it: `keychain` (encrypted file) or `session` (memory); null with no key. */
    source: KeySourceSchema.nullable(),
    keychain: AnswerStatusSchema.shape.keychain,
  })
  .refine((m) => (m.apiKey === null) === (m.source === null), 'a key comes with its source, no key with none');
export type AnswerKeyMessage = z.infer<typeof AnswerKeyMessageSchema>;

export const ParentMessageSchema = z.discriminatedUnion('type', [
  InitMessageSchema,
  SettingsMessageSchema,
  RequestMessageSchema,
  CancelMessageSchema,
  ShutdownMessageSchema,
  SetModelDirDoneSchema,
  AnswerKeyMessageSchema,
]);
export type ParentMessage = z.infer<typeof ParentMessageSchema>;

const ResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ResultErrorSchema }),
]);

/** Events are checked against the contract's own event schemas, not a copy of them. */
const EventSchema = z.unknown().transform((value, context): PolyseekEvent => {
  const parsed = parseEvent(value);
  if (parsed.ok) return parsed.value;
  context.addIssue({ code: 'custom', message: parsed.error.message });
  return z.NEVER;
});

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  /** Sent once after `init`, when the engine can take requests. */
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('response'), id: RequestId, result: ResultSchema }),
  z.strictObject({ type: z.literal('event'), event: EventSchema }),
  /** Sent just before the worker exits on an error it cannot recover from, so the parent can say why. */
  z.strictObject({ type: z.literal('fatal'), message: z.string() }),
  /**
   * The engine cannot write settings (the parent owns the file): after `model.locate` it asks the parent to
   * record settings `model.dir` (null: the profile's folder). A path, as every setting, not file access.
   */
  z.strictObject({
    type: z.literal('set-model-dir'),
    id: RequestId,
    dir: z.string().min(1).max(MAX_PATH_LENGTH).nullable(),
  }),
]);
/** What the worker posts and, after validation, what the parent receives. */
export type WorkerMessage = z.output<typeof WorkerMessageSchema>;

export function parseParentMessage(value: unknown): Result<ParentMessage> {
  return parseUnknown(ParentMessageSchema, value);
}

export function parseWorkerMessage(value: unknown): Result<WorkerMessage> {
  return parseUnknown(WorkerMessageSchema, value);
}
