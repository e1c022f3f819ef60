/**
 * The served URL of a file (`file.open` from a server bound to the network answers with one, relative,
 * carrying a short-lived ticket instead of the token), resolved against this page; refused unless it
 * is on the page's own origin — anything else would be a host bug.
 */
export function servedFileUrl(url: string, page: string): URL | null {
  try {
    const resolved = new URL(url, page);
    return resolved.origin === new URL(page).origin ? resolved : null;
  } catch {
    return null;
  }
}

/**
 * Opens a served file in a new tab, cut off from this page (`opener` cleared: the file's tab cannot
 * script the app). It runs right after the host answers, while the click still counts as the person's
 * gesture; false when the browser blocked the tab anyway.
 */
export function openInTab(url: URL): boolean {
  const tab = window.open('about:blank', '_blank');
  if (!tab) return false;
  tab.opener = null;
  tab.location.href = url.href;
  return true;
}
