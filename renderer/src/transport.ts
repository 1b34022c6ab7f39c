import type { CallOutcome, EventListener, EventPayloads, ServerFrame, StackscopeApi, Transport } from '../../main/contract/api.js';
import { fromWireError, StackscopeError } from '../../main/contract/errors.js';
import { methodNames, type EventName, type MethodName } from '../../main/contract/methods.js';

/** What the Electron preload exposes: one function per allow-listed method, plus event subscription. */
export interface PreloadBridge {
  invoke: Record<MethodName, (input: unknown) => Promise<CallOutcome>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    stackscope?: PreloadBridge;
  }
}

type Listeners = Map<EventName, Set<(p: unknown) => void>>;

function emit(listeners: Listeners, name: EventName, payload: unknown): void {
  for (const l of listeners.get(name) ?? []) l(payload);
}

function addListener(listeners: Listeners, event: EventName, listener: (p: unknown) => void): () => void {
  const set = listeners.get(event) ?? new Set();
  set.add(listener);
  listeners.set(event, set);
  return () => set.delete(listener);
}

export class IpcTransport implements Transport {
  constructor(private readonly bridge: PreloadBridge) {}

  async call<M extends MethodName>(method: M, input: unknown): Promise<never> {
    const outcome = await this.bridge.invoke[method](input);
    if (!outcome.ok) throw fromWireError(outcome.error);
    return outcome.value as never;
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    return this.bridge.subscribe(event, listener as (p: unknown) => void);
  }
}

export type ConnectionState = 'connecting' | 'open' | 'refused' | 'lost';

/** Browser mode: the contract over a WebSocket to the local server, authenticated by the launch token. */
export class WebSocketTransport implements Transport {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: Listeners = new Map();
  private ready: Promise<void>;
  onState: (state: ConnectionState) => void = () => undefined;

  constructor(private readonly url: string) {
    this.ready = this.open();
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      this.ws = ws;
      let opened = false;
      ws.onopen = () => {
        opened = true;
        this.onState('open');
        resolve();
      };
      ws.onmessage = (ev) => this.receive(JSON.parse(String(ev.data)) as ServerFrame);
      ws.onclose = () => {
        const err = new StackscopeError(
          opened ? 'CONNECTION_LOST' : 'UNAUTHORIZED',
          opened
            ? 'The connection to the Stackscope server was lost. Is `stackscope serve` still running?'
            : 'The server refused this page: the access token in the address is missing or not valid. Open the exact URL printed by `npm run serve`.',
        );
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.onState(opened ? 'lost' : 'refused');
        if (!opened) reject(err);
      };
    });
  }

  private receive(frame: ServerFrame): void {
    if (frame.type === 'event') {
      emit(this.listeners, frame.name, frame.payload);
      return;
    }
    const p = this.pending.get(frame.id);
    if (!p) return;
    this.pending.delete(frame.id);
    if (frame.ok) p.resolve(frame.value);
    else p.reject(fromWireError(frame.error));
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<never> {
    await this.ready;
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) throw new StackscopeError('CONNECTION_LOST', 'not connected to the Stackscope server');
    const id = this.nextId++;
    return new Promise<never>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ type: 'call', id, method, input }));
    });
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    return addListener(this.listeners, event, listener as (p: unknown) => void);
  }
}

/** The typed API over whichever transport this window has. */
export function createApi(transport: Transport): StackscopeApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const m of methodNames) api[m] = (input) => transport.call(m, input as never);
  return api as unknown as StackscopeApi;
}

/** Browser mode takes the token from `?token=` once, keeps it for reloads of this tab, and hides it from the address bar. */
export function browserTransport(): WebSocketTransport {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('stackscope.token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  const token = fromUrl ?? sessionStorage.getItem('stackscope.token') ?? '';
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new WebSocketTransport(`${proto}//${location.host}/ws?token=${encodeURIComponent(token)}`);
}

export type { EventPayloads };
