import type { HandlerSlice, Services } from './services.js';

/** Guided runbooks and a trainee's progress through them. */
export const runbookHandlers = (s: Services) =>
  ({
    'runbooks.list': () => s.runbooks.list(),
    'runbooks.progress.get': (i) => s.runbooks.progress(i.caseId, i.runbookId),
    'runbooks.step.run': (i) => s.runbooks.runStep(i),
    'runbooks.step.mark': (i) => s.runbooks.mark(i),
  }) satisfies HandlerSlice;
