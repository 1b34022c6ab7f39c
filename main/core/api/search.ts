import type { HandlerSlice, Services } from './services.js';

/** One search over the case log: titles, notes, findings and output lines. */
export const searchHandlers = (s: Services) =>
  ({
    'cases.search': (i) => s.cases.search(i.query, i.limit, { asYouType: i.asYouType }),
  }) satisfies HandlerSlice;
