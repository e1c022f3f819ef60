import { useAppState } from '../app/app-state';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';

/** Lists the folders recorded in settings; adding and indexing arrive with the indexer. */
export function FoldersPage() {
  const { settings, reloadSettings } = useAppState();
  return (
    <>
      <PageHeader title="Folders">
        The folders Polyseek indexes. Files stay where they are; only text, positions and vectors go into the index.
      </PageHeader>
      {settings.status === 'failed' && (
        <ErrorNotice error={settings.error} context="Reading settings" onRetry={reloadSettings} />
      )}
      {settings.status === 'ready' && settings.value.settings.roots.length > 0 ? (
        <Panel title="Indexed folders">
          <ul className="plain-list">
            {settings.value.settings.roots.map((root) => (
              <li key={root.path}>
                <code>{root.path}</code>
              </li>
            ))}
          </ul>
        </Panel>
      ) : (
        <EmptyState title="No folders yet">
          <p>
            Adding folders arrives with the indexer. You will add a folder to index here; Polyseek will crawl it,
            extract and chunk the text, make it keyword-searchable at once and add vectors when the model is ready.
          </p>
          <button type="button" className="button" disabled title="Folder indexing arrives with the indexer">
            Add folder…
          </button>
        </EmptyState>
      )}
    </>
  );
}
