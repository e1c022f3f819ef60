import type { EvalReport } from '../../../../shared';
import type { PolyseekClient } from '../../client';
import { useReport as useReportOf, type ReportState } from '../../hooks/use-report';

const readReport = (client: PolyseekClient, runId: string) => client.invoke('eval.report', { runId });

/** `eval.report` for the shown run, fetched again whenever `version` changes (a cell finished, the run ended). */
export function useReport(runId: string | null, version: string): ReportState<EvalReport> {
  return useReportOf(runId, version, readReport);
}
