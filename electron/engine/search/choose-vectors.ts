import { PolyseekError, type Task } from '../../../shared';
import type { Provenance } from '../store/types';

export interface VectorChoice {
  /** The stored vectors to search (or to derive from). */
  readonly source: Provenance;
  /** Dims to search at: `source.dims`, or fewer (derived by truncation). */
  readonly dims: number;
}

const describe = (p: Provenance) => `${p.task}, ${p.dims} dims, ${p.precision}${p.prefix ? '' : ', no prefix'}`;

const REEMBED =
  'Re-embed to search them: change the setting and index again (Folders → Index now, or `polyseek index start`); keyword search works meanwhile.';

/**
 * Which stored vectors a search uses. Without an explicit passage adapter: the active provenance (after
 * a settings change the old vectors keep serving until the new ones cover every file). A table is only
 * ever searched with a query of the same model weights and variant (checked by the caller, which loads
 * the encoder); here: the adapter and the dims. A sibling table (same everything but dims) serves a
 * dims request the active one cannot.
 */
export function chooseVectors(
  tables: readonly Provenance[],
  active: Provenance | null,
  want: { readonly passageTask?: Task; readonly dims?: number },
): VectorChoice {
  if (!active || tables.length === 0) {
    throw new PolyseekError(
      'NO_VECTORS',
      'The index has no vectors yet (no model was ready when it was built, or embedding is still running): semantic search cannot see any file yet. Keyword search works.',
    );
  }
  const task = want.passageTask ?? active.task;
  let base: Provenance | undefined = active.task === task ? active : undefined;
  base ??= tables.filter((p) => p.task === task && p.modelId === active.modelId).sort((a, b) => b.dims - a.dims)[0];
  if (!base) {
    throw new PolyseekError(
      'PROVENANCE_MISMATCH',
      `The index's vectors were made with the ${active.task} adapter (${describe(active)}); there are none made with ${task}. ${REEMBED.replace('the setting', `the passage adapter to ${task} in Settings`)}`,
    );
  }
  const dims = want.dims ?? base.dims;
  if (dims <= base.dims) return { source: base, dims };
  // More dims than the active vectors hold: a sibling made with more (before a dims reduction) serves.
  const sibling = tables.filter((p) => p.dims >= dims && sameExceptDims(p, base)).sort((a, b) => a.dims - b.dims)[0];
  if (sibling) return { source: sibling, dims };
  throw new PolyseekError(
    'PROVENANCE_MISMATCH',
    `The index stores ${base.dims}-dimensional vectors (${describe(base)}); searching at ${dims} dims needs vectors with at least ${dims}, and truncation can only remove dims. ${REEMBED.replace('the setting', `dims to ${dims} or more in Settings`)}`,
  );
}

export function sameExceptDims(a: Provenance, b: Provenance): boolean {
  return (
    a.modelId === b.modelId &&
    a.modelChecksum === b.modelChecksum &&
    a.precision === b.precision &&
    a.task === b.task &&
    a.prefix === b.prefix &&
    a.chunkerVersion === b.chunkerVersion
  );
}

/** The query's encoder must be the weights that made the vectors: else refuse, naming both. */
export function checkWeights(source: Provenance, loadedChecksum: string, modelDir: string): void {
  if (loadedChecksum === source.modelChecksum) return;
  throw new PolyseekError(
    'PROVENANCE_MISMATCH',
    `The index's vectors were made with other model weights (${source.precision}, ${source.modelChecksum}) than the ${source.precision} weights now in ${modelDir} (${loadedChecksum}); a query embedded with different weights would be compared with incompatible vectors. ${REEMBED.replace('change the setting and index', 'index')}`,
  );
}
