// Sandboxed preload: exposes one function per allow-listed contract method and a subscription
// to allow-listed events. No raw ipcRenderer reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, isEventName, methodNames } from '../contract/methods.js';

const invoke: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of methodNames) {
  invoke[method] = (input: unknown) => ipcRenderer.invoke('stackscope:call', method, input);
}

contextBridge.exposeInMainWorld('stackscope', {
  invoke,
  events: [...eventNames],
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`unknown event ${event}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('stackscope:event', handler);
    return () => ipcRenderer.off('stackscope:event', handler);
  },
});
