import { createContext, useContext } from 'react';

import type { Connection, PolyseekClient } from '../client';

export const ConnectionContext = createContext<Connection | null>(null);

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection() outside <ConnectionContext value={…}>');
  return connection;
}

export function useClient(): PolyseekClient {
  return useConnection().client;
}
