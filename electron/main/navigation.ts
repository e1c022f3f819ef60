import { shell, type WebContents } from 'electron';

import { isAppUrl } from './protocol';

type Log = (message: string) => void;

const MAX_URL_IN_LOG = 200;

/** The only URLs handed to the OS: http(s), re-serialised by the URL parser. Everything else is refused. */
export function externalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Opens web links in the person's browser; `file:`, `javascript:`, custom schemes and garbage are logged. */
export function openExternally(raw: string, log: Log): void {
  const url = externalUrl(raw);
  if (url === null) return log(`refused to open ${JSON.stringify(raw.slice(0, MAX_URL_IN_LOG))} outside the app`);
  shell.openExternal(url).catch((error: unknown) => log(`opening ${url}: ${String(error)}`));
}

/**
 * Applied to every webContents the app ever creates: no popups, no navigation away from the app's own
 * origin, no <webview>. A link the person clicks opens in their browser instead.
 */
export function hardenWebContents(contents: WebContents, log: Log = console.warn): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, log);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternally(event.url, log);
  });
  // A redirect was not the person's click, so it is only blocked, never opened.
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`blocked a redirect to ${JSON.stringify(event.url.slice(0, MAX_URL_IN_LOG))}`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
