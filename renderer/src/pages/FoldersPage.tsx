import { useAppState } from '../app/app-state';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { FOLDERS_TEXT } from '../text/folders';
import { AddFolderPanel } from './folders/AddFolderPanel';
import { IndexErrorsPanel } from './folders/IndexErrorsPanel';
import { IndexFactsPanel } from './folders/IndexFactsPanel';
import { IndexJobPanel } from './folders/IndexJobPanel';
import { reembedState } from './folders/reembed-state';
import { ReembedPanel } from './folders/ReembedPanel';
import { RootsPanel } from './folders/RootsPanel';
import { useIndex } from './folders/use-index';
import './folders/folders.css';

/**
 * The folders Polyseek indexes, the indexing job, a re-embed under way (which vectors serve meanwhile),
 * the files it could not read, and the index itself.
 */
export function FoldersPage() {
  const text = FOLDERS_TEXT;
  const { settings, reloadSettings } = useAppState();
  const { status, job, errors, run, refusal, pending, reload } = useIndex();
  const saved = settings.status === 'ready' ? settings.value.settings : null;
  const roots = saved?.roots ?? [];
  const indexStatus = status.status === 'ready' ? status.value : null;
  const reembed = indexStatus ? reembedState(indexStatus, job, saved) : null;
  const busy = pending !== null;

  const add = async (path: string) => (await run('roots.add', { path })) && (await run('index.start', {}));

  return (
    <>
      <PageHeader title={text.title}>{text.lead}</PageHeader>
      {settings.status === 'failed' && (
        <ErrorNotice error={settings.error} context={text.readingSettings} onRetry={reloadSettings} />
      )}
      {refusal && <ErrorNotice error={refusal.error} context={text.actions[refusal.action]} />}
      {status.status === 'failed' && <ErrorNotice error={status.error} context={text.readingIndex} onRetry={reload} />}
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
        <EmptyState title={text.empty.title}>
          <p>{text.empty.body}</p>
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
      {reembed?.kind === 'reembedding' && <ReembedPanel state={reembed} />}
      {errors.status === 'ready' && errors.value.total > 0 && (
        <IndexErrorsPanel
          errors={errors.value}
          busy={busy}
          onRetry={(paths) => void run('index.retry', paths ? { paths } : {})}
        />
      )}
      {indexStatus && <IndexFactsPanel status={indexStatus} reembedding={reembed?.kind === 'reembedding'} />}
    </>
  );
}
