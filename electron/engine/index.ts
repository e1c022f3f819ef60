export { createDispatcher, typedInvoke, type Dispatch, type Invoke } from './dispatch';
export { ENGINE_COMMANDS, Engine, type EngineCommand, type EngineOptions } from './engine';
export type { CommandContext, EventSink, Handler, Handlers } from './handlers';
export { defaultDataDir, settingsPath } from './paths';
export * from './settings';
