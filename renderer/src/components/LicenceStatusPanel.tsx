import type { ReactNode } from 'react';

import { LICENSE_TERMS } from '../../../shared';
import { useAppState } from '../app/app-state';
import { Facts } from './Facts';
import { Panel } from './Panel';

/** Whether the CC BY-NC 4.0 acknowledgment is recorded, and when. */
export function LicenceStatusPanel({ children }: { readonly children?: ReactNode }) {
  const { licence } = useAppState();
  return (
    <Panel title="Model licence">
      <Facts
        rows={[
          ['Model', <code key="m">{licence.modelId}</code>],
          [
            'Licence',
            <a key="l" href={LICENSE_TERMS.url} target="_blank" rel="noreferrer">
              {licence.licenseId}
            </a>,
          ],
          [
            'Status',
            licence.accepted ? (
              <span className="text-ok">Accepted{licence.acceptedAt && ` on ${formatDate(licence.acceptedAt)}`}</span>
            ) : (
              <span className="text-warning">Not accepted</span>
            ),
          ],
        ]}
      />
      {children}
    </Panel>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
