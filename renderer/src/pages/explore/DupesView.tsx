import { useState } from 'react';

import type { DupePair, DupesReport } from '../../../../shared';
import { EXPLORE_TEXT } from '../../text/explore';
import { DupeFiles } from './DupeFiles';
import { PairList } from './PairList';
import { PairView } from './PairView';
import { ResultsPanel } from './ResultsPanel';

interface Props {
  readonly jobId: string;
  readonly name: string;
  readonly report: DupesReport;
  readonly onOpen: (path: string) => void;
}

/**
 * A duplicates job's results: exact copies (same bytes) first, then near-duplicate groups with their
 * pairs, then pairs that only share passages; Compare opens a pair side by side below.
 */
export function DupesView({ jobId, name, report, onOpen }: Props) {
  const text = EXPLORE_TEXT.dupes;
  const [chosen, setChosen] = useState<DupePair | null>(null);
  const compare = (pair: DupePair) => setChosen(pair);
  return (
    <ResultsPanel jobId={jobId} title={text.title(name)} facts={text.facts(report)} synthetic={report.synthetic}>
      {!report.autoThreshold && report.chance !== null && report.threshold < report.chance && (
        <p className="notice notice-warning" role="note">
          {text.belowChance(report.threshold, report.chance)}
        </p>
      )}
      {report.nearProblem ? (
        <p className="notice notice-warning" role="note">
          {text.nearUnavailable(report.nearProblem.message)}
        </p>
      ) : (
        <p className="notice notice-info">{text.translations}</p>
      )}

      <section className="explore-section" aria-labelledby={`${jobId}-exact`}>
        <h3 id={`${jobId}-exact`}>{text.exactTitle}</h3>
        <p className="hint">{report.exact.length > 0 ? text.exactHint : text.exactNone}</p>
        <ol className="explore-groups">
          {report.exact.map((group) => {
            const label = text.exactGroup(group.files.length, group.size);
            return (
              <li key={group.hash} className="explore-group">
                <h4 className="explore-group-title">{label}</h4>
                <DupeFiles files={group.files} label={text.groupFiles(label)} onOpen={onOpen} />
              </li>
            );
          })}
        </ol>
      </section>

      <section className="explore-section" aria-labelledby={`${jobId}-near`}>
        <h3 id={`${jobId}-near`}>{text.nearTitle}</h3>
        <p className="hint">{report.groups.length > 0 ? text.nearHint : text.nearNone}</p>
        <ol className="explore-groups">
          {report.groups.map((group, index) => {
            const label = text.nearGroup(index, group.files.length);
            return (
              <li key={group.id} className="explore-group">
                <h4 className="explore-group-title">{label}</h4>
                <DupeFiles files={group.files} label={text.groupFiles(label)} onOpen={onOpen} />
                <PairList pairs={group.pairs} label={text.pairsLabel(label)} chosen={chosen} onCompare={compare} />
              </li>
            );
          })}
        </ol>
      </section>

      <section className="explore-section" aria-labelledby={`${jobId}-shared`}>
        <h3 id={`${jobId}-shared`}>{text.sharedTitle}</h3>
        <p className="hint">{report.shared.length > 0 ? text.sharedHint : text.sharedNone}</p>
        {report.shared.length > 0 && (
          <PairList pairs={report.shared} label={text.sharedTitle} chosen={chosen} onCompare={compare} />
        )}
      </section>

      {chosen && (
        <PairView
          key={`${chosen.a}\u0000${chosen.b}`}
          jobId={jobId}
          a={chosen.a}
          b={chosen.b}
          onClose={() => setChosen(null)}
          onOpen={onOpen}
        />
      )}
    </ResultsPanel>
  );
}
