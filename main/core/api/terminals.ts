import type { HandlerSlice, Services } from './services.js';

/** Interactive terminals of a case: opened, typed into, resized, acknowledged, closed, replayed. */
export const terminalHandlers = (s: Services) =>
  ({
    'terminal.open': async (i) => {
      s.secrets.requireSecrets([s.inventory.node(i.nodeId)], 'open a terminal');
      const session = await s.terminals.open(i);
      return { sessionId: session.id, session };
    },
    'terminal.input': (i) => (s.terminals.input(i.sessionId, i.data), null),
    'terminal.resize': (i) => (s.terminals.resize(i.sessionId, i.cols, i.rows), null),
    'terminal.ack': (i) => (s.terminals.ack(i.sessionId, i.bytes), null),
    'terminal.close': async (i) => (await s.terminals.close(i.sessionId), null),
    'terminal.list': (i) => s.terminals.list(i.caseId),
    'terminal.recording': (i) => s.terminals.recording(i.sessionId),
  }) satisfies HandlerSlice;
