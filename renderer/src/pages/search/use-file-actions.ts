import { useCallback, useState } from 'react';

import type { ResultError, SearchFileHit } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { opened, revealed } from '../../text/search';
import { openInTab, servedFileUrl } from './open-in-tab';

export type FileTarget = Pick<SearchFileHit, 'path' | 'name'>;

/** What the last Open / Show in folder did, for the line under the search box. */
export type FileActionNotice =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly context: string; readonly error: ResultError }
  /** The browser blocked the new tab: the person clicks again, which is a fresh gesture. */
  | { readonly kind: 'blocked'; readonly file: FileTarget; readonly page: number | null };

export interface FileActions {
  readonly open: (file: FileTarget, page: number | null) => void;
  readonly reveal: (file: FileTarget) => void;
  readonly notice: FileActionNotice | null;
  readonly dismiss: () => void;
}

/**
 * `file.open` / `file.reveal` for a result. The host opens the file itself when it runs where the person
 * is; a server bound to the network answers with a URL instead, opened here in a new tab.
 */
export function useFileActions(): FileActions {
  const client = useClient();
  const [notice, setNotice] = useState<FileActionNotice | null>(null);

  const open = useCallback(
    (file: FileTarget, page: number | null) => {
      void (async () => {
        setNotice(null);
        const result = await client.invoke(
          'file.open',
          page === null ? { path: file.path } : { path: file.path, page },
        );
        const context = `Opening ${file.name}`;
        if (!result.ok) return setNotice({ kind: 'failed', context, error: result.error });
        if (result.value.url !== null) {
          const url = servedFileUrl(result.value.url, window.location.href);
          if (!url) {
            const message = `the server answered with a URL on another origin (${result.value.url.slice(0, 200)})`;
            return setNotice({ kind: 'failed', context, error: { code: 'FORBIDDEN', message } });
          }
          return setNotice(
            openInTab(url) ? { kind: 'done', text: opened(file.name, page, 'tab') } : { kind: 'blocked', file, page },
          );
        }
        if (!result.value.opened) {
          const message = 'the host could not open it and offered no other way';
          return setNotice({ kind: 'failed', context, error: { code: 'INTERNAL', message } });
        }
        setNotice({ kind: 'done', text: opened(file.name, page, 'app') });
      })();
    },
    [client],
  );

  const reveal = useCallback(
    (file: FileTarget) => {
      void (async () => {
        setNotice(null);
        const result = await client.invoke('file.reveal', { path: file.path });
        if (!result.ok) return setNotice({ kind: 'failed', context: `Showing ${file.name}`, error: result.error });
        if (!result.value.opened) {
          const message = 'this server runs on another machine, so it cannot show the file in a folder here; use Open';
          return setNotice({ kind: 'failed', context: `Showing ${file.name}`, error: { code: 'FORBIDDEN', message } });
        }
        setNotice({ kind: 'done', text: revealed(file.name) });
      })();
    },
    [client],
  );

  const dismiss = useCallback(() => setNotice(null), []);
  return { open, reveal, notice, dismiss };
}
