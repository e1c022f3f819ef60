import { formatBytes, type IndexStatus, type VectorSet } from '../../../../shared';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';
import { FOLDERS_TEXT } from '../../text/folders';
import { formatNumber } from '../../text/format';

interface Props {
  readonly status: IndexStatus;
  /** New vectors are being made after a settings change (the files awaiting them are still searched). */
  readonly reembedding: boolean;
}

/** The index as a whole: size, counts, vectors and what made them. */
export function IndexFactsPanel({ status, reembedding }: Props) {
  const text = FOLDERS_TEXT.facts;
  const t = status.totals;
  const p = status.activeProvenance;
  const active = status.vectorSets.find((set) => set.active);
  // Kept beside the searched set: another adapter's, or wider dims a smaller set was derived from.
  const others = status.vectorSets.filter((set) => !set.active);
  return (
    <Panel title={text.title}>
      <Facts
        rows={[
          [text.size, formatBytes(t.bytesOnDisk)],
          [text.files, text.fileCounts(t.indexed, t.failed, t.skipped, t.pending)],
          [text.chunks, formatNumber(t.chunks)],
          [
            text.vectors,
            status.filesAwaitingVectors === 0
              ? text.allVectors
              : reembedding
                ? text.awaitingNew(status.filesAwaitingVectors)
                : text.awaiting(status.filesAwaitingVectors, status.modelProblem),
          ],
          [text.provenance, p ? FOLDERS_TEXT.provenance(p) : text.noVectors],
          ...(active ? [[text.searched, describeSet(active)] as const] : []),
          ...(others.length > 0
            ? [
                [
                  text.alsoStored,
                  <ul key="others" className="plain-list">
                    {others.map((set) => (
                      <li key={JSON.stringify(set.provenance)}>
                        {text.otherSet(set.provenance.task, describeSet(set))}
                      </li>
                    ))}
                  </ul>,
                ] as const,
              ]
            : []),
          [text.location, <code key="dir">{status.dir}</code>],
        ]}
      />
    </Panel>
  );
}

function describeSet(set: VectorSet): string {
  return FOLDERS_TEXT.facts.set(
    set.rows,
    set.provenance.dims,
    formatBytes(set.floatBytes),
    formatBytes(set.binaryBytes),
    set.index === 'ann',
  );
}
