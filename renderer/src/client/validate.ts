import {
  ResultErrorSchema,
  commands,
  err,
  parseEvent,
  parseUnknown,
  type CommandName,
  type CommandOutput,
  type PolyseekEvent,
  type Result,
} from '../../../shared';

/** Is `value` shaped like a Result envelope (whatever its value)? */
export function isResultEnvelope(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Checks a Result received from another process: a failure must carry a known code, a success value
 * must match the command's output schema.
 */
export function checkResult<K extends CommandName>(name: K, raw: unknown): Result<CommandOutput<K>> {
  if (!isResultEnvelope(raw)) return err('INVALID_OUTPUT', `${name}: the host answered something that is not a Result`);
  const envelope = raw as { ok: boolean; value?: unknown; error?: unknown };
  if (!envelope.ok) {
    const error = parseUnknown(ResultErrorSchema, envelope.error, 'INVALID_OUTPUT');
    if (!error.ok) return err('INVALID_OUTPUT', `${name}: malformed error from the host: ${error.error.message}`);
    return { ok: false, error: error.value };
  }
  const checked = parseUnknown(commands[name].output, envelope.value, 'INVALID_OUTPUT');
  if (!checked.ok) return err('INVALID_OUTPUT', `${name} returned an invalid result: ${checked.error.message}`);
  return { ok: true, value: checked.value as CommandOutput<K> };
}

/** Validates an event; invalid ones are reported on the console and dropped. */
export function checkEvent(raw: unknown): PolyseekEvent | null {
  const parsed = parseEvent(raw);
  if (parsed.ok) return parsed.value;
  console.warn(`polyseek: dropped an invalid event: ${parsed.error.message}`);
  return null;
}
