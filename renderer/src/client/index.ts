export { connect } from './connect';
export type { ClientAuth, Connection, PolyseekClient, TransportKind } from './polyseek-client';
