import { useAppState } from '../app/app-state';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { AddFolderPanel } from './folders/AddFolderPanel';
import { IndexErrorsPanel } from './folders/IndexErrorsPanel';
import { IndexFactsPanel } from './folders/IndexFactsPanel';
import { IndexJobPanel } from './folders/IndexJobPanel';
import { RootsPanel } from './folders/RootsPanel';
import { useIndex, type IndexAction } from './folders/use-index';

const ACTION_WORDS: Readonly<Record<IndexAction, string>> = {
  'roots.add': 'Adding the folder',
  'roots.update': 'Saving the folder options',
  'roots.remove': 'Removing the folder',
  'index.start': 'Starting indexing',
  'index.pause': 'Pausing',
  'index.resume': 'Resuming',
  'index.cancel': 'Cancelling',
  'index.retry': 'Retrying',
};

/** The folders Polyseek indexes, the indexing job, the files it could not read, and the index itself. */
export function FoldersPage() {
  const { settings, reloadSettings } = useAppState();
  const { status, job, errors, run, refusal, pending, reload } = useIndex();
  const roots = settings.status === 'ready' ? settings.value.settings.roots : [];
  const indexStatus = status.status === 'ready' ? status.value : null;
  const busy = pending !== null;

  const add = async (path: string) => (await run('roots.add', { path })) && (await run('index.start', {}));

  return (
    <>
      <PageHeader title="Folders">
        The folders Polyseek indexes. Files stay where they are; only text, positions and vectors go into the index.
      </PageHeader>
      {settings.status === 'failed' && (
        <ErrorNotice error={settings.error} context="Reading settings" onRetry={reloadSettings} />
      )}
      {refusal && <ErrorNotice error={refusal.error} context={ACTION_WORDS[refusal.action]} />}
      {status.status === 'failed' && <ErrorNotice error={status.error} context="Reading the index" onRetry={reload} />}
      <AddFolderPanel busy={busy} onAdd={add} />
      {roots.length > 0 ? (
        <RootsPanel
          roots={roots}
          status={indexStatus}
          busy={busy}
          onUpdate={(input) => void run('roots.update', input)}
          onRemove={(path) => void run('roots.remove', { path })}
        />
      ) : (
        <EmptyState title="No folders yet">
          <p>
            Add a folder above. Polyseek crawls it, extracts and chunks the text, makes it keyword-searchable at once
            and adds vectors when the model is ready.
          </p>
        </EmptyState>
      )}
      <IndexJobPanel
        job={job}
        watching={indexStatus?.watching ?? false}
        busy={busy}
        hasRoots={roots.length > 0}
        onStart={(watch) => void run('index.start', watch ? { watch } : {})}
        onPause={() => void run('index.pause', {})}
        onResume={() => void run('index.resume', {})}
        onCancel={() => void run('index.cancel', {})}
      />
      {errors.status === 'ready' && errors.value.total > 0 && (
        <IndexErrorsPanel
          errors={errors.value}
          busy={busy}
          onRetry={(paths) => void run('index.retry', paths ? { paths } : {})}
        />
      )}
      {indexStatus && <IndexFactsPanel status={indexStatus} />}
    </>
  );
}
