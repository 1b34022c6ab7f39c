import type { EventPayloads } from '../contract/api.js';
import type { EventName } from '../contract/methods.js';

export type AnyEventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Fan-out of core events to every attached transport (IPC window, WebSocket clients, CLI). */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // one broken subscriber (a closed socket) must not stop the others
      }
    }
  }
}
