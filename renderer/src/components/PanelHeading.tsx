import { useContext, type ReactNode } from 'react';

import { HeadingLevelContext } from './heading-level';

/** A panel's or empty state's heading, at the level its context gives (h2 on a page, h3 in a guide step). */
export function PanelHeading({ id, children }: { readonly id?: string; readonly children: ReactNode }) {
  return useContext(HeadingLevelContext) === 3 ? <h3 id={id}>{children}</h3> : <h2 id={id}>{children}</h2>;
}
