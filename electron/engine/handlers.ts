import type { CommandName, CommandOutput, ParsedInput, PolyseekEvent } from '../../shared';

export interface CommandContext {
  /** Aborted when the caller goes away or cancels. */
  readonly signal?: AbortSignal;
}

export type Handler<K extends CommandName> = (
  input: ParsedInput<K>,
  context: CommandContext,
) => Promise<CommandOutput<K>>;

/** One handler per command; a host must supply all of them, or forward the rest. */
export type Handlers = { [K in CommandName]: Handler<K> };

export type EventSink = (event: PolyseekEvent) => void;
