import { z } from 'zod';

import { ProviderPreferenceSchema } from './model';

export const OrtBackendSchema = z.strictObject({
  name: z.string(),
  /** Shipped inside onnxruntime-node (cpu, webgpu). */
  bundled: z.boolean(),
  /** Its libraries are present, so it can be tried (e.g. CUDA after `npm rebuild`). */
  installed: z.boolean(),
});

export const ProviderAttemptSchema = z.strictObject({
  provider: z.string(),
  outcome: z.enum(['used', 'failed', 'rejected', 'skipped']),
  reason: z.string().nullable(),
});

/**
 * What is known about compute. `active` stays null until an encoder session exists; the reason for any
 * fallback is always reported.
 */
export const GpuStatusSchema = z.strictObject({
  preference: ProviderPreferenceSchema,
  /** onnxruntime-node's backends on this machine (`listSupportedBackends()`); null if ORT failed to load. */
  ortBackends: z.array(OrtBackendSchema).nullable(),
  /** Why the backend list is missing, when it is. */
  ortError: z.string().nullable(),
  active: z.strictObject({ provider: z.string(), device: z.string().nullable(), verified: z.boolean() }).nullable(),
  /** Every provider tried for the current encoder session, in order, with why it was not used. */
  attempts: z.array(ProviderAttemptSchema),
  fallbackReason: z.string().nullable(),
  /** Chromium's GPU feature status, when running inside Electron. */
  electronGpu: z.record(z.string(), z.string()).nullable(),
});
export type GpuStatus = z.infer<typeof GpuStatusSchema>;
