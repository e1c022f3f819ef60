import type { GpuStatus } from '../../../shared';
import { catalog } from './catalog';
import { formatDateTime } from './format';

/** Building blocks used on several pages: error notices, the licence and compute panels, the logo. */
const en = {
  logo: 'Polyseek',
  error: {
    failed: (context: string) => `${context} failed: `,
    retry: 'Try again',
  },
  licencePanel: {
    title: 'Model licence',
    model: 'Model',
    licence: 'Licence',
    status: 'Status',
    accepted: 'Accepted',
    acceptedOn: (iso: string) => `Accepted on ${formatDateTime(iso)}`,
    notAccepted: 'Not accepted',
  },
  gpu: {
    title: 'Compute status',
    reading: 'Reading compute status…',
    readingContext: 'Reading compute status',
    preference: 'Preference',
    active: 'Active provider',
    activeOn: (provider: string, device: string | null) => (device ? `${provider} on ${device}` : provider),
    cpuReference: ' (the reference)',
    verified: ' (verified against CPU)',
    notVerified: ' (not verified)',
    noSession: 'No encoder session yet',
    fallback: 'Fallback',
    none: 'None',
    backends: 'ONNX Runtime backends',
    bundled: 'bundled',
    installed: 'installed',
    notInstalled: 'not installed',
    unavailable: (why: string | null) => `Unavailable: ${why ?? 'onnxruntime-node did not load'}`,
    attempts: 'Providers tried',
    outcomes: {
      used: 'used',
      failed: 'failed',
      rejected: 'rejected',
      skipped: 'skipped',
    } satisfies Record<GpuStatus['attempts'][number]['outcome'], string>,
    chromium: 'Chromium GPU features (the window, not the encoder)',
  },
};

export type ComponentsText = typeof en;
export const COMPONENTS_TEXT: ComponentsText = catalog({ en });
