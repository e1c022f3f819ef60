import { useMemo, useState } from 'react';

import type { ExploreJobSummary, TopicsReport } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EXPLORE_TEXT } from '../../text/explore';
import { ClusterLegend } from './ClusterLegend';
import { clusterMembers } from './map-points';
import { ResultsPanel } from './ResultsPanel';
import { clusterSlots, selectedPaths, selectionMask, type MapSelection } from './selection';
import { SelectionSearch } from './SelectionSearch';
import { TopicMap } from './TopicMap';
import { useMapPoints } from './use-map-points';
import { useMapColours } from './use-map-theme';

interface Props {
  readonly jobId: string;
  readonly name: string;
  readonly report: TopicsReport;
  readonly onOpen: (path: string) => void;
  /** Another Explore job is running; `onStarted` takes one started from the selection. */
  readonly busy: boolean;
  readonly onStarted: (summary: ExploreJobSummary) => void;
}

/**
 * A topic map's results: the facts, the map drawn page by page as its points arrive, the cluster list
 * (the keyboard's way in), and a search within what the lasso or a cluster selected.
 */
export function TopicsView({ jobId, name, report, onOpen, busy, onStarted }: Props) {
  const text = EXPLORE_TEXT.topics;
  const { points, done, error } = useMapPoints(jobId);
  const colours = useMapColours(clusterSlots(report.clusters.map((cluster) => cluster.id)));
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const mask = useMemo(() => selectionMask(selection, points?.count ?? 0), [selection, points?.count]);
  const paths = useMemo(() => selectedPaths(selection, points), [selection, points]);
  const select = (indices: readonly number[], from: MapSelection['from']) =>
    setSelection((current) => (indices.length === 0 ? null : { indices, from, serial: (current?.serial ?? 0) + 1 }));

  return (
    <ResultsPanel jobId={jobId} title={text.title(name)} facts={text.facts(report)} synthetic={report.synthetic}>
      {error && <ErrorNotice error={error} context={text.pointsFailed} />}
      {!done && (
        <p className="muted" aria-busy="true">
          {text.loadingPoints(points?.count ?? 0, points?.total ?? report.documents)}
        </p>
      )}
      {points && (
        <TopicMap
          points={points}
          report={report}
          colours={colours.clusters}
          theme={colours.theme}
          selected={mask}
          onOpen={onOpen}
          onLasso={(indices) => select(indices, 'lasso')}
        />
      )}
      {selection && (
        <SelectionSearch
          key={selection.serial}
          paths={paths}
          from={
            selection.from === 'lasso'
              ? EXPLORE_TEXT.selection.from.lasso
              : EXPLORE_TEXT.selection.from.cluster(selection.from)
          }
          busy={busy}
          onStarted={onStarted}
          onClear={() => setSelection(null)}
          onOpen={onOpen}
        />
      )}
      {!selection && points && <p className="hint">{EXPLORE_TEXT.selection.empty}</p>}
      <h3 className="topic-legend-title">{text.legendTitle}</h3>
      <ClusterLegend
        clusters={report.clusters}
        colours={colours.clusters}
        selected={typeof selection?.from === 'number' ? selection.from : null}
        canSelect={done && points !== null}
        onSelect={(cluster) => {
          if (selection?.from === cluster) setSelection(null);
          else if (points) select(clusterMembers(points, cluster), cluster);
        }}
      />
    </ResultsPanel>
  );
}
