import { useSyncExternalStore } from 'react';

import { routeFromHash, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The page selected by `location.hash`; no router dependency. */
export function useHashRoute(): Route {
  return routeFromHash(useSyncExternalStore(subscribe, readHash));
}
