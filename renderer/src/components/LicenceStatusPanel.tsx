import type { ReactNode } from 'react';

import { LICENSE_TERMS } from '../../../shared';
import { useAppState } from '../app/app-state';
import { COMPONENTS_TEXT } from '../text/components';
import { Facts } from './Facts';
import { Panel } from './Panel';

/** Whether the CC BY-NC 4.0 acknowledgment is recorded, and when. */
export function LicenceStatusPanel({ children }: { readonly children?: ReactNode }) {
  const { licence } = useAppState();
  const text = COMPONENTS_TEXT.licencePanel;
  return (
    <Panel title={text.title}>
      <Facts
        rows={[
          [text.model, <code key="m">{licence.modelId}</code>],
          [
            text.licence,
            <a key="l" href={LICENSE_TERMS.url} target="_blank" rel="noreferrer">
              {licence.licenseId}
            </a>,
          ],
          [
            text.status,
            licence.accepted ? (
              <span className="text-ok">
                {licence.acceptedAt ? text.acceptedOn(licence.acceptedAt) : text.accepted}
              </span>
            ) : (
              <span className="text-warning">{text.notAccepted}</span>
            ),
          ],
        ]}
      />
      {children}
    </Panel>
  );
}
