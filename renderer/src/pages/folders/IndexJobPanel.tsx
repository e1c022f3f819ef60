import type { IndexJob, IndexPhase } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { formatEta } from '../models/model-format';
import { ProgressBar } from '../models/ProgressBar';

interface Props {
  readonly job: IndexJob | null;
  readonly watching: boolean;
  readonly busy: boolean;
  readonly hasRoots: boolean;
  readonly onStart: (watch: boolean) => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onCancel: () => void;
}

const PHASE_WORDS: Readonly<Record<IndexPhase, string>> = {
  recovering: 'Recovering',
  crawling: 'Looking for changes',
  indexing: 'Indexing',
  embedding: 'Adding vectors',
  optimizing: 'Optimizing',
};

/** The running (or last) indexing job with its controls; starting and watching when idle. */
export function IndexJobPanel({ job, watching, busy, hasRoots, onStart, onPause, onResume, onCancel }: Props) {
  const active = job?.state === 'running' || job?.state === 'paused';
  const title = !job
    ? 'Indexing'
    : active
      ? `${PHASE_WORDS[job.phase]}${job.state === 'paused' ? ' (paused)' : ''}`
      : `Indexing: ${job.state}`;
  const controls = active ? (
    <div className="actions">
      {job.state === 'paused' ? (
        <button type="button" className="button" onClick={onResume} disabled={busy}>
          Resume
        </button>
      ) : (
        <button type="button" className="button" onClick={onPause} disabled={busy}>
          Pause
        </button>
      )}
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  ) : (
    <div className="actions">
      <button type="button" className="button" onClick={() => onStart(false)} disabled={busy || !hasRoots}>
        Index now
      </button>
      {watching ? (
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Stop watching
        </button>
      ) : (
        <button type="button" className="button" onClick={() => onStart(true)} disabled={busy || !hasRoots}>
          Watch for changes
        </button>
      )}
    </div>
  );
  return (
    <Panel title={title} aside={controls}>
      {watching && <p className="text-ok">Watching the folders: changes are indexed within seconds.</p>}
      {job?.message && <p className={job.state === 'done' ? 'text-ok' : undefined}>{job.message}</p>}
      {job && active && <JobProgress job={job} />}
      {job?.modelProblem && (
        <p className="notice notice-warning">
          Keyword search works now; vectors wait for the model: {job.modelProblem}
        </p>
      )}
      {job?.error && job.state === 'failed' && <ErrorNotice error={job.error} context="Indexing" />}
      {!job && <p className="muted">Nothing has run in this session yet.</p>}
    </Panel>
  );
}

function JobProgress({ job }: { readonly job: IndexJob }) {
  const share = job.phase === 'indexing' && job.filesTotal > 0 ? job.filesDone / job.filesTotal : null;
  return (
    <div className="job-progress">
      <ProgressBar
        label="Files"
        share={share}
        detail={[
          job.phase === 'crawling' ? `${job.filesSeen} found` : `${job.filesDone} of ${job.filesTotal}`,
          `${job.filesUnchanged} unchanged`,
          job.filesFailed > 0 ? `${job.filesFailed} failed` : null,
          job.etaSeconds !== null ? `${formatEta(job.etaSeconds)} left` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <p className="hint">
        {job.chunks.toLocaleString()} chunks written · {job.chunksEncoded.toLocaleString()} encoded
        {job.tokensPerSecond !== null && ` · ${Math.round(job.tokensPerSecond)} tokens/s`}
        {job.filesAwaitingVectors > 0 && ` · ${job.filesAwaitingVectors} files await vectors`}
      </p>
      {job.currentFile && (
        <p className="hint">
          Now: <code>{job.currentFile}</code>
        </p>
      )}
    </div>
  );
}
