import type { TopicCluster } from '../../../../shared';
import { EXPLORE_TEXT } from '../../text/explore';
import { languageName } from '../../text/search';

interface Props {
  readonly clusters: readonly TopicCluster[];
  readonly colours: readonly string[];
  /** The cluster whose documents are selected, if a cluster is what selected them. */
  readonly selected: number | null;
  /** Selecting needs every point (a cluster's files): off until the map has them all. */
  readonly canSelect: boolean;
  readonly onSelect: (cluster: number) => void;
}

/**
 * The map's clusters as a list — what a keyboard or a screen reader uses instead of the canvas: each
 * cluster's colour, size and most distinctive words (overall and per language), and a button that
 * selects its documents for searching within.
 */
export function ClusterLegend({ clusters, colours, selected, canSelect, onSelect }: Props) {
  const text = EXPLORE_TEXT.topics;
  return (
    <ol className="topic-legend" aria-label={text.legendLabel}>
      {clusters.map((cluster) => {
        const chosen = selected === cluster.id;
        return (
          <li key={cluster.id} className="topic-cluster" data-chosen={chosen || undefined}>
            <div className="topic-cluster-head">
              <span className="topic-swatch" style={{ background: colours[cluster.id] }} aria-hidden="true" />
              <h4 className="topic-cluster-name">{text.cluster(cluster.id)}</h4>
              <span className="hint">{text.legendSize(cluster.size)}</span>
              <button
                type="button"
                className="button button-small topic-cluster-select"
                aria-label={text.selectLabel(cluster.id)}
                aria-pressed={chosen}
                disabled={!canSelect}
                onClick={() => onSelect(cluster.id)}
              >
                {text.select}
              </button>
            </div>
            <p className="topic-terms" dir="auto">
              {cluster.terms.length > 0 ? cluster.terms.join(', ') : text.noTerms}
            </p>
            {cluster.byLanguage.length > 0 && (
              <dl className="topic-languages" aria-label={`${text.byLanguage}, ${text.cluster(cluster.id)}`}>
                {cluster.byLanguage.map((entry) => (
                  <div key={entry.language} className="topic-language">
                    <dt>{text.languageTerms(languageName(entry.language), entry.passages)}</dt>
                    <dd dir="auto" lang={entry.language === 'und' ? undefined : entry.language}>
                      {entry.terms.length > 0 ? entry.terms.join(', ') : text.noTerms}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
