import { z } from 'zod';

import { MODEL_ID } from './model';

export const LICENSE_ID = 'CC-BY-NC-4.0';

/** What a person must see before any model feature is enabled. Shown by the UI and the CLI alike. */
export const LICENSE_TERMS = {
  modelId: MODEL_ID,
  licenseId: LICENSE_ID,
  title: 'Jina Embeddings v3 is licensed CC BY-NC 4.0',
  url: 'https://creativecommons.org/licenses/by-nc/4.0/',
  summary: [
    'You may use, share and adapt the model for non-commercial purposes only.',
    'Commercial use (selling, paid services, use inside a business for profit) needs a separate licence from Jina AI.',
    'You must give appropriate credit to Jina AI and indicate if changes were made.',
    'The model is provided as is, without warranties.',
    'Polyseek itself runs offline: your documents never leave this machine.',
  ],
  acknowledgment: 'I will use Jina Embeddings v3 for non-commercial purposes only.',
} as const;

/** Recorded in settings when the person accepts; the engine refuses to load the model without it. */
export const LicenseAcceptanceSchema = z.strictObject({
  licenseId: z.literal(LICENSE_ID),
  modelId: z.literal(MODEL_ID),
  nonCommercialOnly: z.literal(true),
  acceptedAt: z.iso.datetime(),
});
export type LicenseAcceptance = z.infer<typeof LicenseAcceptanceSchema>;

export const LicenseStatusSchema = z.strictObject({
  accepted: z.boolean(),
  licenseId: z.literal(LICENSE_ID),
  modelId: z.literal(MODEL_ID),
  acceptedAt: z.iso.datetime().nullable(),
});
export type LicenseStatus = z.infer<typeof LicenseStatusSchema>;
