import { useId, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
  readonly aside?: ReactNode;
  /** Content is still loading (announced with aria-busy). */
  readonly busy?: boolean;
}

/** A titled section of a page (a landmark named by its h2). */
export function Panel({ title, children, aside, busy }: Props) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId} aria-busy={busy || undefined}>
      <div className="panel-title">
        <h2 id={headingId}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
