import { useCallback, useEffect, useState } from 'react';

import type { ResultError } from '../../../shared';
import { ErrorNotice } from '../components/ErrorNotice';
import { APP_TEXT } from '../text/app';
import { TokenScreen } from '../token/TokenScreen';
import { useConnection } from './connection-context';
import { Session } from './Session';
import { StartupScreen } from './StartupScreen';

type Access = 'checking' | 'needs-token' | 'open' | { readonly error: ResultError };

/** Asks the HTTP server whether a token is needed before anything else; Electron needs none. */
export function App() {
  const { auth } = useConnection();
  const [access, setAccess] = useState<Access>(auth ? 'checking' : 'open');
  const [attempt, setAttempt] = useState(0);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!auth) return undefined;
    let live = true;
    void auth.authRequired().then((required) => {
      if (!live) return;
      if (!required.ok) setAccess({ error: required.error });
      else setAccess(required.value && !auth.hasToken() ? 'needs-token' : 'open');
    });
    const stopWatching = auth.onUnauthorized((refusedToken) => {
      setRefused(refusedToken);
      setAccess('needs-token');
    });
    return () => {
      live = false;
      stopWatching();
    };
  }, [auth, attempt]);

  const retry = useCallback(() => {
    setAccess('checking');
    setAttempt((n) => n + 1);
  }, []);

  if (access === 'checking') return <StartupScreen message={APP_TEXT.connectingServer} />;
  if (typeof access === 'object') {
    return (
      <StartupScreen message={APP_TEXT.serverUnreachable}>
        <ErrorNotice error={access.error} onRetry={retry} />
      </StartupScreen>
    );
  }
  if (access === 'needs-token' && auth) {
    return (
      <TokenScreen
        refused={refused}
        onSubmit={(token) => {
          auth.setToken(token);
          setRefused(false);
          setAccess('open');
        }}
      />
    );
  }
  return <Session />;
}
