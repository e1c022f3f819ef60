import { PRECISIONS, type ModelStatus, type Precision } from '../../../../shared';

/** Which variants the Settings page offers, and which it lists as not offered (with what to do). */
export interface VariantChoice {
  readonly offered: readonly Precision[];
  readonly missing: readonly Precision[];
}

/**
 * Variants whose files are all in the model folder (`model.status`), plus the saved one so the form
 * never shows a value other than the truth. The project's synthetic stand-in keeps its weights inside
 * the graph file below the full preset, so model.status lists its `.onnx_data` as missing although the
 * encoder loads: for a synthetic folder the graph file alone counts.
 */
export function variantChoice(status: ModelStatus | null, saved: Precision, editing: Precision): VariantChoice {
  if (!status) return { offered: PRECISIONS, missing: [] };
  const present = new Set(status.files.filter((f) => f.bytes !== null).map((f) => f.path));
  const usable = PRECISIONS.filter((precision) => {
    const variant = status.variants.find((v) => v.variant === precision);
    if (!variant) return false;
    if (variant.complete) return true;
    const graph = variant.files.find((path) => path.endsWith('.onnx'));
    return status.synthetic !== null && graph !== undefined && present.has(graph);
  });
  return {
    offered: PRECISIONS.filter((p) => usable.includes(p) || p === saved || p === editing),
    missing: PRECISIONS.filter((p) => !usable.includes(p)),
  };
}
