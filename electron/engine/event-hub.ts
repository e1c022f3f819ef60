import type { PolyseekEvent } from '../../shared';
import type { EventSink } from './handlers';

/** Fans events out to every subscriber (HTTP streams, IPC windows, CLI progress). */
export class EventHub {
  private readonly listeners = new Set<EventSink>();

  readonly emit: EventSink = (event: PolyseekEvent) => {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed socket) must not starve the others.
      }
    }
  };

  subscribe(listener: EventSink): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
