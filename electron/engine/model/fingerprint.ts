import { TASKS, type Task } from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import { cosine } from '../encoder/vectors';
import type { Fingerprint } from './model-record';

/**
 * Fixed probe texts in five scripts. A damaged or different model moves their embeddings; the same model
 * reproduces them (up to provider rounding). Never change them: recorded fingerprints depend on them.
 */
export const PROBE_TEXTS = [
  'The committee approved the budget for the new library after a long debate.',
  'Комитет одобрил бюджет новой библиотеки после долгих споров.',
  '委员会经过长时间的辩论，批准了新图书馆的预算。',
  'وافقت اللجنة على ميزانية المكتبة الجديدة بعد نقاش طويل.',
  'लंबी बहस के बाद समिति ने नए पुस्तकालय के बजट को मंजूरी दी।',
] as const;

/** Stored dims per probe: plenty to tell models apart, small enough for a JSON record (25 × 128 numbers). */
const FINGERPRINT_DIMS = 128;

/**
 * Same model, same precision: ≥ 0.99999 on one provider. A verified GPU provider may differ from CPU by up
 * to 1 − 0.999 per vector (providers.ts), so a model checked on another provider than it was recorded on
 * still passes; a different or damaged model lands far below.
 */
export const MIN_FINGERPRINT_COSINE = 0.995;

/** Embeds every probe text with every task (prefix on), truncated to at most 128 dims. */
export async function takeFingerprint(
  encoder: Encoder,
  signal?: AbortSignal,
): Promise<Pick<Fingerprint, 'dims' | 'probes'>> {
  const offered = encoder.config.dims.filter((d) => d <= FINGERPRINT_DIMS);
  const dims = offered.length > 0 ? Math.max(...offered) : Math.min(FINGERPRINT_DIMS, encoder.config.hiddenSize);
  const probes: Fingerprint['probes'] = [];
  for (const task of TASKS) {
    const embeddings = await encoder.embed(PROBE_TEXTS, { task, dims, prefix: true, ...(signal ? { signal } : {}) });
    embeddings.forEach((embedding, index) => {
      probes.push({ task, text: PROBE_TEXTS[index] ?? '', vector: Array.from(embedding.vector, round) });
    });
  }
  return { dims, probes };
}

export interface FingerprintComparison {
  readonly minCosine: number;
  /** The probe that moved most. */
  readonly worst: { readonly task: Task; readonly text: string } | null;
  readonly matches: boolean;
}

/** Cosine per probe between a reference and a new fingerprint; a changed probe set or size never matches. */
export function compareFingerprints(
  reference: Pick<Fingerprint, 'dims' | 'probes'>,
  current: Pick<Fingerprint, 'dims' | 'probes'>,
): FingerprintComparison {
  if (reference.dims !== current.dims || reference.probes.length !== current.probes.length) {
    return { minCosine: 0, worst: null, matches: false };
  }
  let minCosine = 1;
  let worst: FingerprintComparison['worst'] = null;
  reference.probes.forEach((probe, index) => {
    const other = current.probes[index];
    const similarity =
      other && other.task === probe.task && other.text === probe.text && other.vector.length === probe.vector.length
        ? cosine(Float32Array.from(probe.vector), Float32Array.from(other.vector))
        : 0;
    if (similarity < minCosine) {
      minCosine = similarity;
      worst = { task: probe.task, text: probe.text };
    }
  });
  return { minCosine, worst, matches: minCosine >= MIN_FINGERPRINT_COSINE };
}

/** Seven significant digits: a float32's precision, without JSON's 17-digit noise. */
function round(value: number): number {
  return Number(value.toPrecision(7));
}
