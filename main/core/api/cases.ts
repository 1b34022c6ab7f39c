import type { HandlerSlice, Services } from './services.js';

/** Cases: the home overview, a case with its timeline and findings, notes and status. */
export const caseHandlers = (s: Services) =>
  ({
    'home.overview': () => s.cases.home(),
    'cases.list': () => s.cases.list(),
    'cases.create': (i) => s.cases.create(i.title, i.severity, i.clusterId),
    'cases.get': (i) => s.cases.get(i.caseId, i.outputTail),
    'cases.setStatus': (i) => s.cases.setStatus(i.caseId, i.status),
    'cases.timeline': (i) => s.cases.timeline(i.caseId),
    'cases.findings': (i) => s.cases.findings(i.caseId),
    'notes.add': (i) => s.cases.addNote(i.caseId, i.text),
  }) satisfies HandlerSlice;
