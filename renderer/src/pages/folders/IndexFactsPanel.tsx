import type { IndexStatus } from '../../../../shared';
import { formatBytes } from '../../../../shared';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';

/** The index as a whole: size, counts, vectors and what made them. */
export function IndexFactsPanel({ status }: { readonly status: IndexStatus }) {
  const t = status.totals;
  const p = status.activeProvenance;
  return (
    <Panel title="Index">
      <Facts
        rows={[
          ['Size on disk', formatBytes(t.bytesOnDisk)],
          ['Files', `${t.indexed} indexed · ${t.failed} failed · ${t.skipped} skipped · ${t.pending} pending`],
          ['Chunks', t.chunks.toLocaleString()],
          [
            'Vectors',
            status.filesAwaitingVectors === 0
              ? 'Every indexed file has them'
              : `${status.filesAwaitingVectors} files await vectors${status.modelProblem ? ` — ${status.modelProblem}` : ''}`,
          ],
          [
            'Provenance',
            p
              ? `${p.modelId} · ${p.precision} · ${p.task} · ${p.dims} dims · prefix ${p.prefix ? 'on' : 'off'} · chunker v${p.chunkerVersion}`
              : 'No vectors yet',
          ],
          ...status.vectorSets.map((set): [string, string] => [
            set.active ? 'Searched vectors' : `Vectors at ${set.provenance.dims} dims`,
            `${set.rows.toLocaleString()} × ${set.provenance.dims} dims · ${formatBytes(set.floatBytes)} float + ${formatBytes(set.binaryBytes)} binary codes · ${set.index === 'ann' ? 'ANN index' : 'exact search'}`,
          ]),
          ['Location', <code key="dir">{status.dir}</code>],
        ]}
      />
    </Panel>
  );
}
