import {
  PolyseekError,
  commands,
  err,
  errorMessage,
  isCommandName,
  parseUnknown,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type Result,
} from '../../shared';
import type { CommandContext, Handler, Handlers } from './handlers';

export type Dispatch = (name: unknown, input: unknown, context?: CommandContext) => Promise<Result<unknown>>;

const MAX_NAME_IN_MESSAGE = 64;

/**
 * Turns a handler table into the one entry point every host uses: unknown names and invalid input are
 * refused with typed errors, outputs are checked against their schema, and no exception escapes.
 */
export function createDispatcher(handlers: Handlers, onUnexpected?: (name: string, error: unknown) => void): Dispatch {
  return async (name, input, context = {}) => {
    if (!isCommandName(name)) {
      const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, MAX_NAME_IN_MESSAGE)) : typeof name;
      return err('UNKNOWN_COMMAND', `unknown command ${shown}`);
    }
    const parsed = parseUnknown(commands[name].input, input);
    if (!parsed.ok) return err('INVALID_INPUT', `${name}: ${parsed.error.message}`);
    try {
      const handler = handlers[name] as Handler<CommandName>;
      const value = await handler(parsed.value, context);
      const checked = parseUnknown(commands[name].output, value, 'INVALID_OUTPUT');
      if (!checked.ok) onUnexpected?.(name, new Error(checked.error.message));
      return checked.ok
        ? checked
        : err('INVALID_OUTPUT', `${name} returned an invalid result: ${checked.error.message}`);
    } catch (error) {
      if (error instanceof PolyseekError) return err(error.code, error.message);
      onUnexpected?.(name, error);
      return err('INTERNAL', `${name}: ${errorMessage(error)}`);
    }
  };
}

/** A dispatcher typed by the contract, for in-process callers (the CLI, tests). */
export type Invoke = <K extends CommandName>(
  name: K,
  input: CommandInput<K>,
  context?: CommandContext,
) => Promise<Result<CommandOutput<K>>>;

/** Safe because the dispatcher validates every output against the command's own schema. */
export function typedInvoke(dispatch: Dispatch): Invoke {
  return <K extends CommandName>(name: K, input: CommandInput<K>, context?: CommandContext) =>
    dispatch(name, input, context) as Promise<Result<CommandOutput<K>>>;
}
