import { useId, type ReactNode } from 'react';

import { PanelHeading } from './PanelHeading';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
  readonly aside?: ReactNode;
  /** Content is still loading (announced with aria-busy). */
  readonly busy?: boolean;
  /** An element id, for links that scroll to the panel. */
  readonly id?: string;
}

/** A titled section of a page (a landmark named by its heading). */
export function Panel({ title, children, aside, busy, id }: Props) {
  const headingId = useId();
  return (
    <section id={id} className="panel" aria-labelledby={headingId} aria-busy={busy || undefined}>
      <div className="panel-title">
        <PanelHeading id={headingId}>{title}</PanelHeading>
        {aside}
      </div>
      {children}
    </section>
  );
}
