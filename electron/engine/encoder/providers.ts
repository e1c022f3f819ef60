import { cpus } from 'node:os';

import { errorMessage, type ProviderPreference } from '../../../shared';
import { cosine } from './vectors';

/** GPU providers to try under `auto`, per platform, best first; cpu always ends the list. */
const AUTO_ORDER: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  linux: ['cuda', 'webgpu'],
  win32: ['cuda', 'dml', 'webgpu'],
  darwin: ['coreml', 'webgpu'],
};

/** A GPU result must match CPU this closely on every probe text to be trusted (DESIGN.md). */
export const MIN_PROBE_COSINE = 0.999;

export interface ProviderAttempt {
  readonly provider: string;
  readonly outcome: 'used' | 'failed' | 'rejected' | 'skipped';
  readonly reason: string | null;
}

export interface ProviderReport {
  readonly provider: string;
  readonly device: string | null;
  /** True when a GPU provider's output was checked against CPU; CPU itself is the reference. */
  readonly verified: boolean;
  /** Why the preferred provider is not the one in use, or null. */
  readonly fallbackReason: string | null;
  readonly attempts: readonly ProviderAttempt[];
}

/** Providers to try, in order, and those skipped because this onnxruntime-node build lacks them. */
export function providerCandidates(
  preference: ProviderPreference,
  available: readonly string[],
  platform: NodeJS.Platform = process.platform,
): { candidates: string[]; skipped: ProviderAttempt[] } {
  if (preference === 'cpu') return { candidates: ['cpu'], skipped: [] };
  const wanted = preference === 'auto' ? [...(AUTO_ORDER[platform] ?? ['webgpu'])] : [preference];
  const skipped: ProviderAttempt[] = [];
  const candidates = wanted.filter((provider) => {
    if (available.includes(provider)) return true;
    skipped.push({
      provider,
      outcome: 'skipped',
      reason: `${provider} is not installed in this onnxruntime-node (usable here: ${available.join(', ')})`,
    });
    return false;
  });
  return { candidates: [...candidates, 'cpu'], skipped };
}

export interface Candidate<S> {
  readonly session: S;
  release(): Promise<void>;
}

export interface SelectProviderOptions<S> {
  readonly preference: ProviderPreference;
  readonly available: readonly string[];
  readonly platform?: NodeJS.Platform;
  /** Opens a session on one provider; throws when the provider cannot run here. */
  readonly open: (provider: string) => Promise<Candidate<S>>;
  /** Embeds the probe texts; used to verify a GPU provider against CPU. */
  readonly probe: (session: S) => Promise<Float32Array[]>;
  /** Time one probe run in ms (after a warm-up); under `auto` a verified GPU slower than CPU is dropped. */
  readonly time?: (session: S) => Promise<number>;
}

/**
 * Picks the execution provider: each candidate is opened in order; a GPU session is trusted only after
 * its probe embeddings match CPU's (cosine ≥ 0.999), and under `auto` only if it is also faster (a
 * software adapter such as Mesa's lavapipe passes the check but runs slower than ORT's CPU kernels).
 * Every failure is recorded, and the reason reaches `gpu.status`.
 */
export async function selectProvider<S>(
  options: SelectProviderOptions<S>,
): Promise<{ session: S; report: ProviderReport }> {
  const { candidates, skipped } = providerCandidates(options.preference, options.available, options.platform);
  const attempts: ProviderAttempt[] = [...skipped];
  const cpu = await options.open('cpu'); // the reference, and the fallback; a model that fails here is broken
  for (const provider of candidates.filter((p) => p !== 'cpu')) {
    let gpu: Candidate<S>;
    try {
      gpu = await options.open(provider);
    } catch (error) {
      attempts.push({ provider, outcome: 'failed', reason: `${provider} failed to start: ${errorMessage(error)}` });
      continue;
    }
    const rejection = await checkAgainstCpu(options, gpu.session, cpu.session).catch(
      (error: unknown) => `failed while verifying: ${errorMessage(error)}`,
    );
    if (rejection !== null) {
      await gpu.release();
      attempts.push({ provider, outcome: 'rejected', reason: `${provider} ${rejection}` });
      continue;
    }
    await cpu.release();
    attempts.push({ provider, outcome: 'used', reason: null });
    return { session: gpu.session, report: { provider, device: null, verified: true, fallbackReason: null, attempts } };
  }
  attempts.push({ provider: 'cpu', outcome: 'used', reason: null });
  const reasons = attempts.filter((a) => a.reason !== null).map((a) => a.reason);
  return {
    session: cpu.session,
    report: {
      provider: 'cpu',
      device: cpus()[0]?.model.trim() ?? null,
      verified: false,
      fallbackReason: options.preference === 'cpu' || reasons.length === 0 ? null : reasons.join('; '),
      attempts,
    },
  };
}

async function checkAgainstCpu<S>(options: SelectProviderOptions<S>, gpu: S, cpu: S): Promise<string | null> {
  const [fromGpu, fromCpu] = [await options.probe(gpu), await options.probe(cpu)];
  for (let i = 0; i < fromCpu.length; i += 1) {
    const a = fromGpu[i];
    const b = fromCpu[i];
    const similarity = a && b && a.length === b.length ? cosine(a, b) : 0;
    if (!(similarity >= MIN_PROBE_COSINE)) {
      return `gives probe ${i} unlike CPU (cosine ${similarity.toFixed(6)} < ${MIN_PROBE_COSINE})`;
    }
  }
  if (options.preference === 'auto' && options.time) {
    const [gpuMs, cpuMs] = [await options.time(gpu), await options.time(cpu)];
    if (gpuMs > cpuMs)
      return `is correct but slower than CPU (${gpuMs.toFixed(1)} ms vs ${cpuMs.toFixed(1)} ms per probe)`;
  }
  return null;
}
