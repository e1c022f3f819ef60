import { useState } from 'react';

import type { DupePair } from '../../../../shared';
import { EXPLORE_TEXT } from '../../text/explore';
import { baseName } from './map-points';

interface Props {
  readonly pairs: readonly DupePair[];
  readonly label: string;
  /** The pair whose comparison is open (`a` + `b`). */
  readonly chosen: DupePair | null;
  readonly onCompare: (pair: DupePair) => void;
}

/** Pairs listed before "Show all". */
const FIRST_PAIRS = 12;

export function samePair(x: DupePair | null, y: DupePair): boolean {
  return x !== null && x.a === y.a && x.b === y.b;
}

/** Pairs of files: both names, how they relate (near, contained, shares passages; translation), numbers, Compare. */
export function PairList({ pairs, label, chosen, onCompare }: Props) {
  const text = EXPLORE_TEXT.dupes;
  const [all, setAll] = useState(false);
  // A group of n files can hold n(n−1)/2 pairs: the first few, the rest on request.
  const shown = all ? pairs : pairs.slice(0, FIRST_PAIRS);
  return (
    <>
      <ul className="explore-pairs" aria-label={label}>
        {shown.map((pair) => {
          const [a, b] = [baseName(pair.a), baseName(pair.b)];
          const open = samePair(chosen, pair);
          return (
            <li key={`${pair.a}\u0000${pair.b}`} className="explore-pair" data-chosen={open || undefined}>
              <div className="explore-pair-head">
                <span className="explore-pair-names" dir="auto">
                  <span title={pair.a}>{a}</span>
                  <span aria-hidden="true"> ↔ </span>
                  <span className="visually-hidden"> and </span>
                  <span title={pair.b}>{b}</span>
                </span>
                <ul className="badges" aria-label={`About ${a} and ${b}`}>
                  <li className={`badge explore-relation-${pair.relation}`}>{text.relation[pair.relation]}</li>
                  {pair.crossLanguage && (
                    <li className="badge badge-translation" title={text.translationHint}>
                      {text.translation}
                    </li>
                  )}
                </ul>
              </div>
              <p className="hint explore-pair-facts">{text.pairFacts(pair)}</p>
              <button
                type="button"
                className="button button-small"
                aria-label={text.compareLabel(a, b)}
                aria-pressed={open}
                onClick={() => onCompare(pair)}
              >
                {text.compare}
              </button>
            </li>
          );
        })}
      </ul>
      {pairs.length > FIRST_PAIRS && (
        <button
          type="button"
          className="button button-small button-quiet explore-more"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? text.fewerPairs : text.allPairs(pairs.length)}
        </button>
      )}
    </>
  );
}
