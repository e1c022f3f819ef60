import { SEARCH_TEXT } from '../../text/search';
import type { FileActions } from './use-file-actions';

/** The browser blocked the tab Open asked for: a button to open it again (a click is a fresh gesture). */
export function BlockedTabNotice({ actions }: { readonly actions: FileActions }) {
  const { notice } = actions;
  if (notice?.kind !== 'blocked') return null;
  return (
    <div className="notice notice-warning" role="alert">
      <p>{SEARCH_TEXT.popupBlocked}</p>
      <button type="button" className="button" onClick={() => actions.open(notice.file, notice.page)}>
        {SEARCH_TEXT.openAgain(notice.file.name)}
      </button>
    </div>
  );
}
