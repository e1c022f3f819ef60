import type { ExploreReport } from '../../../../shared';
import type { PolyseekClient } from '../../client';
import { useReport, type ReportState } from '../../hooks/use-report';

const readReport = (client: PolyseekClient, jobId: string) => client.invoke('explore.report', { jobId });

/** `explore.report` for the shown job, fetched again when `version` changes (the job's state moved on). */
export function useExploreReport(jobId: string | null, version: string): ReportState<ExploreReport> {
  return useReport(jobId, version, readReport);
}
