import { useEffect, useId, useRef, useState } from 'react';

import type { DiffSegment, ExplorePair } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { EXPLORE_TEXT } from '../../text/explore';
import { languageName } from '../../text/search';
import { baseName } from './map-points';
import { usePair } from './use-pair';

interface Props {
  readonly jobId: string;
  readonly a: string;
  readonly b: string;
  readonly onClose: () => void;
  readonly onOpen: (path: string) => void;
}

/**
 * Two files of a duplicates job side by side: each matched passage of the first beside its best match in
 * the second, one table row per match, with the words the other side lacks highlighted.
 */
export function PairView({ jobId, a, b, onClose, onOpen }: Props) {
  const text = EXPLORE_TEXT.pair;
  const pair = usePair(jobId, a, b);
  const box = useRef<HTMLDivElement>(null);
  const [nameA, nameB] = [baseName(a), baseName(b)];

  // Brought into view when chosen: the pair list may be far above.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start', behavior: 'auto' });
  }, [a, b]);

  const close = (
    <button type="button" className="button button-small" onClick={onClose}>
      {text.close}
    </button>
  );
  return (
    <div ref={box} className="explore-compare">
      <Panel title={text.title(nameA, nameB)} aside={close} busy={pair.status === 'loading'}>
        {pair.status === 'loading' && <p className="muted">{text.loading}</p>}
        {pair.status === 'failed' && <ErrorNotice error={pair.error} context={text.reading} />}
        {pair.status === 'ready' && <PairBody pair={pair.value} onOpen={onOpen} />}
      </Panel>
    </div>
  );
}

function PairBody({ pair, onOpen }: { readonly pair: ExplorePair; readonly onOpen: (path: string) => void }) {
  const text = EXPLORE_TEXT.pair;
  const dupes = EXPLORE_TEXT.dupes;
  const id = useId();
  const sides = [pair.a, pair.b] as const;
  const [onlyChanged, setOnlyChanged] = useState(true);
  const changed = pair.passages.filter(hasChanges);
  // Identical passages hide only when some differ: otherwise there would be nothing to see.
  const filtering = onlyChanged && changed.length > 0 && !pair.crossLanguage;
  const shown = filtering ? changed : pair.passages;
  return (
    <div className="explore-pair-body">
      <p className="hint">{dupes.pairFacts(pair.pair)}</p>
      <p className={pair.crossLanguage ? 'notice notice-info' : 'hint'}>
        {pair.crossLanguage ? text.crossLanguage : text.changedKey}
      </p>
      {!pair.crossLanguage && changed.length > 0 && changed.length < pair.passages.length && (
        <div className="checkbox-row">
          <input
            id={`${id}-only`}
            type="checkbox"
            checked={onlyChanged}
            onChange={(event) => setOnlyChanged(event.target.checked)}
          />
          <label htmlFor={`${id}-only`}>
            {text.onlyChanged} <span className="hint">({text.shownCount(changed.length, pair.passages.length)})</span>
          </label>
        </div>
      )}
      {shown.length === 0 ? (
        <p className="muted">{text.none}</p>
      ) : (
        <div className="explore-table-scroll">
          <table className="explore-diff">
            <caption className="visually-hidden">{text.passagesLabel}</caption>
            <thead>
              <tr>
                {sides.map((file, index) => (
                  <th key={file.path} scope="col" className={index === 0 ? 'explore-diff-a' : 'explore-diff-b'}>
                    <span dir="auto">{baseName(file.path)}</span>
                    {file.language && file.language !== 'und' && (
                      <span className="hint"> · {languageName(file.language)}</span>
                    )}{' '}
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-label={dupes.openLabel(baseName(file.path))}
                      onClick={() => onOpen(file.path)}
                    >
                      {dupes.open}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((match) => (
                <tr key={`${match.a.chunkId}-${match.b.chunkId}`}>
                  {[match.a, match.b].map((passage, index) => (
                    <td key={index} className={index === 0 ? 'explore-diff-a' : 'explore-diff-b'}>
                      <p className="passage-location">
                        {text.passage(passage.ordinal, passage.location)}
                        {index === 1 && (
                          <span className="explore-diff-score"> · {text.similarity(match.similarity)}</span>
                        )}
                      </p>
                      <p className="explore-diff-text" dir="auto" lang={langAttribute(sides[index]?.language ?? null)}>
                        <Segments segments={passage.segments} />
                      </p>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Segments({ segments }: { readonly segments: readonly DiffSegment[] }) {
  return segments.map((segment, index) =>
    segment.changed ? (
      <mark key={index} className="diff-changed">
        {segment.text}
      </mark>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}

/** A detected language as an HTML lang attribute; none when it was not detected. */
function langAttribute(language: string | null): string | undefined {
  return language && language !== 'und' ? language : undefined;
}

function hasChanges(match: ExplorePair['passages'][number]): boolean {
  return match.a.segments.some((s) => s.changed) || match.b.segments.some((s) => s.changed);
}
