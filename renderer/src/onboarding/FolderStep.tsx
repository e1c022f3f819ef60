import { useAppState } from '../app/app-state';
import { ErrorNotice } from '../components/ErrorNotice';
import { AddFolderPanel } from '../pages/folders/AddFolderPanel';
import { IndexJobPanel } from '../pages/folders/IndexJobPanel';
import { useIndex } from '../pages/folders/use-index';
import { ONBOARDING_TEXT } from '../text/onboarding';
import type { ModelSituation } from './setup-steps';

interface Props {
  readonly situation: ModelSituation;
}

/** Step 3: the Folders page's add form; adding starts indexing, whose progress shows here. */
export function FolderStep({ situation }: Props) {
  const text = ONBOARDING_TEXT.folder;
  const { settings, licence } = useAppState();
  const { status, job, run, refusal, pending } = useIndex();
  const roots = settings.status === 'ready' ? settings.value.settings.roots : [];
  const indexStatus = status.status === 'ready' ? status.value : null;
  const busy = pending !== null;
  const add = async (path: string) => (await run('roots.add', { path })) && (await run('index.start', {}));
  const vectorsLater = !licence.accepted || situation.kind !== 'ready';

  return (
    <>
      <p className="lead">{text.lead}</p>
      {vectorsLater && <p className="hint">{text.keywordFirst}</p>}
      {refusal && (
        <ErrorNotice error={refusal.error} context={refusal.action === 'roots.add' ? text.adding : text.starting} />
      )}
      {roots.length > 0 && (
        <div className="setup-roots">
          <h3>{text.yourFolders}</h3>
          <ul className="plain-list">
            {roots.map((root) => (
              <li key={root.path}>
                <code className="path">{root.path}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <AddFolderPanel busy={busy} onAdd={add} />
      {(roots.length > 0 || job) && (
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
      )}
      {job?.state === 'done' && <p className="notice notice-ok">{text.indexed}</p>}
    </>
  );
}
