import { useState } from 'react';

import type { ExploreJobSummary } from '../../../shared';
import { useAppState } from '../app/app-state';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { valueOf } from '../hooks/loadable';
import { useCommand } from '../hooks/use-command';
import { EXPLORE_TEXT } from '../text/explore';
import { DupesForm } from './explore/DupesForm';
import { FileNotice } from './explore/FileNotice';
import { isActive, shownJob } from './explore/job-list';
import { JobList } from './explore/JobList';
import { JobReport } from './explore/JobReport';
import { baseName } from './explore/map-points';
import { TopicsForm } from './explore/TopicsForm';
import { useExploreJobs } from './explore/use-explore-jobs';
import { useFileActions } from './search/use-file-actions';
import './explore/explore.css';
import './explore/topic-map.css';

/**
 * Explore: duplicates (same bytes, then passages that say the same thing, compared side by side) and a
 * topic map (zoom, hover, open, lasso, search within), each a job with live progress kept in a list.
 */
export function ExplorePage() {
  const text = EXPLORE_TEXT;
  const { licence } = useAppState();
  const roots = valueOf(useCommand('roots.list').state)?.roots ?? [];
  const { jobs, put, cancel, refusal, pending, reload } = useExploreJobs();
  const list = valueOf(jobs) ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const shown = shownJob(list, picked);
  const actions = useFileActions();
  const open = (path: string) => actions.open({ path, name: baseName(path) }, null);
  const busy = list.some(isActive);

  const started = (summary: ExploreJobSummary) => {
    put(summary);
    setPicked(summary.jobId);
  };

  return (
    <div className="explore-page">
      <PageHeader title={text.title}>{text.lead}</PageHeader>
      {!licence.accepted && <p className="notice notice-info">{text.licenceNote}</p>}
      <div className="explore-forms">
        <DupesForm roots={roots} busy={busy} onStarted={started} />
        <TopicsForm roots={roots} busy={busy} onStarted={started} />
      </div>
      {jobs.status === 'failed' && <ErrorNotice error={jobs.error} context={text.jobs.reading} onRetry={reload} />}
      {refusal && <ErrorNotice error={refusal} context={text.jobs.cancelContext} />}
      {jobs.status === 'ready' && list.length === 0 && (
        <EmptyState title={text.jobs.emptyTitle}>
          <p>{text.jobs.empty}</p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <Panel title={text.jobs.title} busy={jobs.status === 'loading'}>
          <JobList
            jobs={list}
            shownId={shown?.jobId ?? null}
            pending={pending}
            onShow={setPicked}
            onCancel={(jobId) => void cancel(jobId)}
          />
        </Panel>
      )}
      <FileNotice actions={actions} />
      {shown && <JobReport key={shown.jobId} job={shown} onOpen={open} busy={busy} onStarted={started} />}
    </div>
  );
}
