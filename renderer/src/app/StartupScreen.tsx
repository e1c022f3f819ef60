import type { ReactNode } from 'react';

import { Logo } from '../components/Logo';

interface Props {
  /** The screen's h1; the connecting screens have none. */
  readonly title?: string;
  readonly message: string;
  readonly children?: ReactNode;
}

/** Full-window card shown before the app frame: connecting, or why it could not start. */
export function StartupScreen({ title, message, children }: Props) {
  return (
    <main className="gate">
      <section className="gate-card" aria-busy={children ? undefined : true}>
        <Logo />
        {title && <h1>{title}</h1>}
        <p className="gate-message">{message}</p>
        {children}
      </section>
    </main>
  );
}
