import { z } from 'zod';

import { ProviderPreferenceSchema } from './model';

export const OrtBackendSchema = z.strictObject({ name: z.string(), bundled: z.boolean() });

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
  fallbackReason: z.string().nullable(),
  /** Chromium's GPU feature status, when running inside Electron. */
  electronGpu: z.record(z.string(), z.string()).nullable(),
});
export type GpuStatus = z.infer<typeof GpuStatusSchema>;
