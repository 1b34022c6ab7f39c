import type { HandlerSlice, Services } from './services.js';

/** The incident report: what the lead writes for it (summary, impact, follow-ups), its preview and exports. */
export const reportHandlers = (s: Services) =>
  ({
    'cases.report': (i) => s.reports.fields(i.caseId),
    'cases.updateReport': ({ caseId, ...fields }) => s.reports.updateFields(caseId, fields),
    'followups.list': (i) => s.reports.followups(i.caseId),
    'followups.add': (i) => s.reports.addFollowup(i.caseId, i.text, i.owner, i.due),
    'followups.toggle': (i) => s.reports.toggleFollowup(i.id, i.done),
    'report.export': (i) => s.reports.export(i.caseId, i.format, i.options),
    'report.preview': (i) => s.reports.data(i.caseId, { ...i.options, withOutputs: false }),
  }) satisfies HandlerSlice;
