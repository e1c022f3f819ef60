import { z } from 'zod';

import { AnswerProgressSchema } from './answer';
import { EvalProgressSchema } from './eval';
import { ExploreProgressSchema } from './explore';
import { IndexJobSchema } from './indexing';
import { LicenseStatusSchema } from './license';
import { ModelJobSchema } from './model-management';
import { parseUnknown } from './parse';
import { err, ok, type Result } from './result';
import { SettingsViewSchema } from './settings';

export const ENGINE_STATES = ['starting', 'ready', 'restarting', 'failed', 'stopped'] as const;

export const EngineStateSchema = z.strictObject({
  state: z.enum(ENGINE_STATES),
  /** Restarts since the host started. */
  restarts: z.int().min(0),
  /** Why the engine is not ready, in words. */
  message: z.string().nullable(),
});
export type EngineState = z.infer<typeof EngineStateSchema>;

/** Events pushed from hosts to clients. Adding an event is one entry here. */
export const events = {
  'engine.state': EngineStateSchema,
  'settings.changed': SettingsViewSchema,
  'license.changed': LicenseStatusSchema,
  /** A model job started, progressed, or ended (download, locate, verify, quantize). */
  'model.progress': ModelJobSchema,
  /** An indexing job started, progressed (at most a few times a second), paused or ended. */
  'index.progress': IndexJobSchema,
  /** A running `answer.ask`: phase changes, its context pack, answer text as it streams, the end. */
  'answer.progress': AnswerProgressSchema,
  /** An evaluation run started, progressed (at most 4 times a second), finished, failed or was cancelled. */
  'eval.progress': EvalProgressSchema,
  /** An Explore job (duplicates, topics) started, progressed (at most 4 times a second) or ended. */
  'explore.progress': ExploreProgressSchema,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export type PolyseekEvent = { [K in EventName]: { readonly name: K; readonly payload: EventPayload<K> } }[EventName];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Validates an event envelope `{ name, payload }` received from another process. */
export function parseEvent(value: unknown): Result<PolyseekEvent> {
  if (typeof value !== 'object' || value === null) return err('INVALID_INPUT', 'event: expected an object');
  const { name, payload } = value as { name?: unknown; payload?: unknown };
  if (!isEventName(name)) return err('INVALID_INPUT', `event: unknown name ${JSON.stringify(name)}`);
  const parsed = parseUnknown(events[name], payload);
  return parsed.ok ? ok({ name, payload: parsed.value } as PolyseekEvent) : parsed;
}
