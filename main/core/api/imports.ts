import type { HandlerSlice, Services } from './services.js';

/** Importing a cluster: the plan (a preview that changes nothing) and applying exactly that plan. */
export const importHandlers = (s: Services) =>
  ({
    'clusters.importPlan': (i) => s.imports.plan(i),
    'clusters.importApply': (i) => s.imports.apply(i),
  }) satisfies HandlerSlice;
