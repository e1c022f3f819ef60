import { useId, useState } from 'react';

import type { EvalRunSummary } from '../../../shared';
import { useAppState } from '../app/app-state';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { valueOf } from '../hooks/loadable';
import { useCommand } from '../hooks/use-command';
import { EVALUATE_TEXT } from '../text/evaluate';
import { ReportView } from './evaluate/ReportView';
import { initialDraft, offeredDims, type RunDraft } from './evaluate/run-draft';
import { reportVersion } from './evaluate/run-list';
import { RunForm } from './evaluate/RunForm';
import { RunList } from './evaluate/RunList';
import { useEvalRuns } from './evaluate/use-eval-runs';
import { useModelDims } from './evaluate/use-model-dims';
import { useReport } from './evaluate/use-report';
import './evaluate/evaluate.css';

/**
 * The evaluation lab: start a run over a grid of settings, follow it live, and read its report (charts,
 * a table with the best cell, per-query results, exports). Chart.js loads only once a chart is drawn.
 */
export function EvaluatePage() {
  const text = EVALUATE_TEXT;
  const { settings, licence } = useAppState();
  const encoder = valueOf(settings)?.settings.encoder ?? null;
  const modelDims = useModelDims();
  const dims = offeredDims(modelDims);
  const testSets = valueOf(useCommand('eval.testsets').state)?.testSets ?? [];
  const { runs, put, act, refusal, pending, cancelling, reload } = useEvalRuns();
  const list = valueOf(runs) ?? [];
  const [edited, setEdited] = useState<RunDraft | null>(null);
  const draft = edited ?? initialDraft(encoder, dims);
  const [formOpen, setFormOpen] = useState<boolean | null>(null);
  const open = formOpen ?? (runs.status === 'ready' && list.length === 0);
  const [picked, setPicked] = useState<string | null>(null);
  const shown = list.find((run) => run.runId === picked) ?? list[0] ?? null;
  const report = useReport(shown?.runId ?? null, shown ? reportVersion(shown) : '');
  const formId = useId();

  const started = (summary: EvalRunSummary) => {
    put(summary);
    setPicked(summary.runId);
    setFormOpen(false);
  };

  const toggle = (
    <button
      type="button"
      className="button button-small"
      aria-expanded={open}
      aria-controls={formId}
      onClick={() => setFormOpen(!open)}
    >
      {open ? text.form.close : text.form.open}
    </button>
  );

  return (
    <div className="eval-page">
      <PageHeader title={text.title}>{text.lead}</PageHeader>
      {!licence.accepted && <p className="notice notice-info">{text.licenceNote}</p>}
      <Panel title={text.form.title} aside={toggle}>
        <div id={formId} hidden={!open}>
          {open && (
            <RunForm
              draft={draft}
              onDraft={setEdited}
              testSets={testSets}
              dims={dims}
              width={modelDims && modelDims.length > 0 ? Math.max(...modelDims) : null}
              onStarted={started}
            />
          )}
        </div>
      </Panel>
      {runs.status === 'failed' && <ErrorNotice error={runs.error} context={text.runs.reading} onRetry={reload} />}
      {refusal && <ErrorNotice error={refusal.error} context={text.runs.actions[refusal.action]} />}
      {runs.status === 'ready' && list.length === 0 && (
        <EmptyState title={text.runs.emptyTitle}>
          <p>{text.runs.empty}</p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <Panel title={text.runs.title} busy={runs.status === 'loading'}>
          <RunList
            runs={list}
            shownId={shown?.runId ?? null}
            pending={pending}
            cancelling={cancelling}
            onShow={setPicked}
            onAct={(action, runId) => void act(action, runId)}
          />
        </Panel>
      )}
      {shown && report.status === 'failed' && <ErrorNotice error={report.error} context={text.report.reading} />}
      {shown && report.status === 'loading' && (
        <p className="muted" aria-busy="true">
          {text.report.loading}
        </p>
      )}
      {shown && report.status === 'ready' && <ReportView key={shown.runId} report={report.report} live={shown} />}
    </div>
  );
}
