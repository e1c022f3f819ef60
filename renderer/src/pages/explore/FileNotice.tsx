import { ErrorNotice } from '../../components/ErrorNotice';
import { BlockedTabNotice } from '../search/BlockedTabNotice';
import type { FileActions } from '../search/use-file-actions';

/** What the last Open did: said in a status line, a failure as it came, or the blocked tab's retry. */
export function FileNotice({ actions }: { readonly actions: FileActions }) {
  const { notice } = actions;
  return (
    <>
      <p className={notice?.kind === 'done' ? 'explore-opened' : 'visually-hidden'} role="status">
        {notice?.kind === 'done' ? notice.text : ''}
      </p>
      {notice?.kind === 'failed' && <ErrorNotice error={notice.error} context={notice.context} />}
      <BlockedTabNotice actions={actions} />
    </>
  );
}
