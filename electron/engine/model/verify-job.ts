import {
  PolyseekError,
  errorMessage,
  type FingerprintCheck,
  type ModelVerifyInput,
  type Precision,
} from '../../../shared';
import { describeFailures, hashFiles, recordChecks } from './check-files';
import type { ModelContext } from './context';
import { fileStatuses, variantStatuses } from './file-status';
import { compareFingerprints, takeFingerprint } from './fingerprint';
import type { JobBody } from './jobs';
import { variantFiles } from './manifest';

export interface VerifyPlan {
  readonly dir: string;
  readonly paths: readonly string[];
  /** The variant whose fingerprint is checked, or null when none is complete. */
  readonly fingerprintVariant: Precision | null;
  readonly resetFingerprint: boolean;
}

/** Which files to hash (a variant's, or every file present) and which variant to fingerprint. */
export async function planVerify(context: ModelContext, input: ModelVerifyInput): Promise<VerifyPlan> {
  const { dir } = context.modelDir();
  const files = await fileStatuses({ manifest: context.manifest, record: await context.records.read(), dir });
  const variants = variantStatuses(context.manifest, files);
  const present = files.filter((file) => file.check !== 'missing').map((file) => file.path);
  if (present.length === 0) throw new PolyseekError('MODEL_NOT_FOUND', `no model files in ${dir}`);
  const wanted = input.variant ? new Set(variantFiles(context.manifest, input.variant)) : null;
  const chosen = input.variant ?? context.getSettings().encoder.precision;
  const complete = variants.find((v) => v.variant === chosen)?.complete ?? false;
  if (input.variant && !complete) {
    const missing = files.filter((f) => wanted?.has(f.path) && f.check === 'missing' && !f.optional).map((f) => f.path);
    throw new PolyseekError(
      'MODEL_NOT_FOUND',
      `${input.variant} is not complete in ${dir}: ${missing.join(', ')} missing`,
    );
  }
  return {
    dir,
    paths: wanted ? present.filter((path) => wanted.has(path)) : present,
    fingerprintVariant: complete ? chosen : null,
    resetFingerprint: input.resetFingerprint ?? false,
  };
}

/**
 * Hashes the files (no licence needed), records each result, then, with the licence, compares the
 * model's embeddings of the probe texts with those recorded at its first load. Fails with
 * CHECKSUM_MISMATCH or FINGERPRINT_MISMATCH, after recording what it found.
 */
export function runVerify(context: ModelContext, plan: VerifyPlan): JobBody {
  return async (job) => {
    const checked = await hashFiles({ context, job, dir: plan.dir, paths: plan.paths });
    await recordChecks(context, plan.dir, checked);
    const failed = checked.filter((file) => file.check === 'mismatch' || file.check === 'wrong-size');
    if (failed.length > 0) {
      const record = await context.records.read();
      throw new PolyseekError(
        'CHECKSUM_MISMATCH',
        `${plan.dir}: ${describeFailures(context, record, plan.dir, failed)}`,
      );
    }
    const verified = checked.filter((file) => file.check === 'verified').length;
    const unknown = checked.length - verified;
    const hashes = `${verified} file(s) match their reference hash${unknown > 0 ? `, ${unknown} have none yet` : ''}`;
    if (plan.fingerprintVariant === null) return `${hashes}; no complete variant to fingerprint`;
    job.update({ file: null, message: `fingerprinting ${plan.fingerprintVariant}` });
    const check = await checkFingerprint(context, plan, plan.fingerprintVariant, job.signal);
    await context.records.update((record) => {
      record.fingerprintChecks[check.variant] = check;
    });
    if (check.state === 'mismatch') throw new PolyseekError('FINGERPRINT_MISMATCH', check.message);
    return `${hashes}; ${check.message}`;
  };
}

async function checkFingerprint(
  context: ModelContext,
  plan: VerifyPlan,
  variant: Precision,
  signal: AbortSignal,
): Promise<FingerprintCheck> {
  const checkedAt = new Date().toISOString();
  const base = { variant, checkedAt, minCosine: null, recordedAt: null };
  if (context.getSettings().license === null) {
    return {
      ...base,
      state: 'needs-licence',
      message: 'fingerprint not checked: it runs the model, which needs the licence',
    };
  }
  // Load from disk afresh: a session opened before the files changed would describe the old files.
  await context.releaseEncoders(plan.dir);
  const reference = plan.resetFingerprint ? undefined : (await context.records.read()).fingerprints[variant];
  const encoder = await context.encoder(variant).catch((error: unknown) => {
    throw new PolyseekError('MODEL_INVALID', `loading ${variant} for its fingerprint: ${errorMessage(error)}`);
  });
  // Loading records a first fingerprint when there is none; that one is then the reference.
  await context.firstLoadsSettled();
  const current = await takeFingerprint(encoder, signal);
  if (!reference) {
    const stored = plan.resetFingerprint ? undefined : (await context.records.read()).fingerprints[variant];
    const recordedAt = stored?.recordedAt ?? new Date().toISOString();
    if (!stored) {
      await context.records.update((record) => {
        record.fingerprints[variant] = { recordedAt, dir: plan.dir, ...current };
      });
    }
    return { ...base, state: 'recorded', recordedAt, message: `${variant} fingerprint recorded as the reference` };
  }
  const comparison = compareFingerprints(reference, current);
  const minCosine = Number(comparison.minCosine.toFixed(6));
  const when = `recorded ${reference.recordedAt} from ${reference.dir}`;
  if (comparison.matches) {
    return {
      ...base,
      state: 'matches',
      minCosine,
      recordedAt: reference.recordedAt,
      message: `${variant} fingerprint matches (lowest cosine ${minCosine}; ${when})`,
    };
  }
  const worst = comparison.worst ? ` (worst: ${comparison.worst.task}, "${comparison.worst.text.slice(0, 40)}")` : '';
  return {
    ...base,
    state: 'mismatch',
    minCosine,
    recordedAt: reference.recordedAt,
    message: `${variant} embeddings differ from the fingerprint ${when}: lowest cosine ${minCosine}${worst}. The model is damaged or a different one; if you replaced it on purpose, verify with resetFingerprint.`,
  };
}
