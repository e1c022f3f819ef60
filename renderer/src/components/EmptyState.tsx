import type { ReactNode } from 'react';

import { PanelHeading } from './PanelHeading';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
}

/** What a page will hold and what it needs first, instead of made-up data. */
export function EmptyState({ title, children }: Props) {
  return (
    <div className="empty-state">
      <PanelHeading>{title}</PanelHeading>
      {children}
    </div>
  );
}
