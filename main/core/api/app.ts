import type { HandlerSlice, Services } from './services.js';

/** The app and the person using it: what the app is, secrets given for nodes, login prompts answered. */
export const appHandlers = (s: Services) =>
  ({
    'app.info': () => s.info,
    'secrets.provide': (i) => (s.secrets.provide(i.nodeId, i.kind, i.value, i.remember), null),
    'secrets.forget': (i) => (s.secrets.forget(i.nodeId), null),
    'auth.pending': () => s.authPrompts.list(),
    'auth.answer': (i) => (i.cancel ? s.authPrompts.cancel(i.promptId, i.reason) : s.authPrompts.answer(i.promptId, i.answers ?? []), null),
  }) satisfies HandlerSlice;
