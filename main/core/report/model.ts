import { StackscopeError } from '../../contract/errors.js';
import { localizeFinding } from '../../shared/finding-texts/index.js';
import { summarizeFindings } from '../../shared/findings-summary.js';
import { reportWords, stateWord, type ReportWords } from '../../shared/report-words.js';
import type { CaseDetail, CaseFinding, CaseStatus, Followup, ReportCommand, ReportData, ReportFinding, ReportOptions, ReportTime, TimelineEntry } from '../../contract/types.js';
import { byName, Scrubber, type KnownHost } from './scrub.js';

export type { ReportCommand, ReportData, ReportEvidence, ReportFinding, ReportTime, ReportTimelineItem } from '../../contract/types.js';

/** Everything the report is built from; the core wires it to the case log. */
export interface ReportSource {
  /** The case with its runs and steps, without their outputs (those are read one step at a time). */
  caseDetail(caseId: number): CaseDetail | undefined;
  /** One step's whole output (the JSON export's attachment), read when it is written. */
  stepOutput(stepId: number): { stdout: string; stderr: string };
  timeline(caseId: number): TimelineEntry[];
  findings(caseId: number): CaseFinding[];
  fields(caseId: number): { summary: string; impact: string; rootCause: string; contributing: string } | undefined;
  followups(caseId: number): Followup[];
  statusTimes(caseId: number): Partial<Record<CaseStatus, string>>;
  hosts(clusterId: number | null): KnownHost[];
  /** Secrets known to this session, redacted literally wherever they appear. */
  literals(): readonly string[];
}

export function checkTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return tz;
  } catch {
    throw new StackscopeError('INVALID_INPUT', `unknown time zone "${tz}" (use an IANA name such as Europe/Berlin)`);
  }
}

function timeIn(tz: string): (iso: string) => ReportTime {
  const fmt = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
  return (iso) => ({ utc: iso, local: fmt.format(new Date(iso)) });
}

/** cmp-2 before cmp-10; a long list said in short (the appendix lists every node). */
function nodeList(nodes: string[], w: ReportWords): string {
  const sorted = [...nodes].sort(byName);
  return sorted.length > 8 ? w.entry.manyNodes(sorted.length, sorted.slice(0, 3).join(', '), sorted.at(-1) ?? '') : sorted.join(', ');
}

function entryText(e: TimelineEntry, w: ReportWords): string {
  switch (e.kind) {
    case 'opened':
      return w.entry.opened(e.title, w.caseSeverities[e.severity]);
    case 'status':
      return w.entry.status(w.statuses[e.from], w.statuses[e.to]);
    case 'note':
      return e.text;
    case 'run':
      return w.entry.run(e.runKind, e.title, nodeList(e.nodes, w) || w.entry.noNode, stateWord(w, e.state), w.entry.counts(e));
    case 'finding': {
      // "mysqld is not running on controller-2" already says where.
      const where = e.nodes.length && !e.nodes.every((n) => e.title.includes(n)) ? nodeList(e.nodes, w) : '';
      return w.entry.finding(w.severities[e.severity], e.title, where);
    }
    case 'terminal':
      return w.entry.terminal(e.nodeName, e.summary);
  }
}

type RunEntry = Extract<TimelineEntry, { kind: 'run' }>;
const quiet = (e: TimelineEntry): e is RunEntry => e.kind === 'run' && e.runKind === 'playbook' && e.state === 'succeeded' && e.critical === 0 && e.warning === 0;

/**
 * The curated timeline's rows. Playbooks that ran within a minute of each other (a whole-cluster
 * check) and found nothing critical or warning are one row, where the first of them stands: a
 * check of the whole catalogue would otherwise fill a page with "succeeded (1 ok)". Every run
 * stays in the findings, the command appendix and the JSON; `allEvents` keeps them apart.
 */
function foldQuietRuns(events: TimelineEntry[], w: ReportWords, time: (iso: string) => ReportTime): ReportData['timeline'] {
  const rows: Array<{ first: TimelineEntry; runs: RunEntry[] }> = [];
  let open: { first: TimelineEntry; runs: RunEntry[] } | null = null;
  for (const e of events) {
    if (quiet(e) && open && Date.parse(e.at) - Date.parse(open.first.at) <= 60_000) {
      open.runs.push(e);
      continue;
    }
    const row = { first: e, runs: quiet(e) ? [e] : [] };
    rows.push(row);
    if (quiet(e)) open = row;
  }
  return rows.map(({ first, runs }) => {
    if (runs.length < 2) return { at: time(first.at), kind: first.kind, author: first.author, text: entryText(first, w) };
    const nodes = [...new Set(runs.flatMap((r) => r.nodes))];
    const authors = new Set(runs.map((r) => r.author));
    return { at: time(first.at), kind: 'run' as const, author: authors.size === 1 ? first.author : null, text: w.entry.quietRuns(runs.map((r) => r.title).join(', '), nodeList(nodes, w) || w.entry.noNode) };
  });
}

/** A report's data and the scrubber that made it: step outputs added later get the same pseudonyms. */
export interface PreparedReport {
  data: ReportData;
  scrub: Scrubber;
}

/** The report with every step's output in it (tests, small cases); the JSON writer streams them instead. */
export function buildReport(source: ReportSource, caseId: number, options: ReportOptions, now = new Date()): ReportData {
  const { data, scrub } = prepareReport(source, caseId, options, now);
  if (!options.withOutputs) return data;
  return { ...data, commands: data.commands.map((c) => ({ ...c, steps: c.steps.map((s) => ({ ...s, ...scrub.deep(source.stepOutput(s.stepId)) })) })) };
}

export function prepareReport(source: ReportSource, caseId: number, options: ReportOptions, now = new Date()): PreparedReport {
  const detail = source.caseDetail(caseId);
  if (!detail) throw new StackscopeError('NOT_FOUND', `case ${caseId} does not exist`, { caseId });
  const tz = checkTimeZone(options.timeZone ?? 'UTC');
  const lang = options.lang ?? 'en';
  const w = reportWords(lang);
  const time = timeIn(tz);
  const fields = source.fields(caseId) ?? { summary: '', impact: '', rootCause: '', contributing: '' };
  const timeline = source.timeline(caseId);
  const statusTimes = source.statusTimes(caseId);
  const people = [...new Set(timeline.map((e) => e.author).filter((a): a is string => !!a))].sort();
  const hosts = source.hosts(detail.clusterId);
  const scrub = new Scrubber(options, hosts, people, source.literals());

  const steps = new Map(detail.runs.flatMap((r) => r.steps.map((s) => [s.id, s] as const)));
  const stepOf = (runId: number, node: string, step: string) => detail.runs.find((r) => r.id === runId)?.steps.find((s) => s.nodeName === node && s.stepKey === step);
  const findings: ReportFinding[] = source
    .findings(caseId)
    // In the report's language where the analyzer gave its texts as messages; as stored otherwise.
    .map((f) => localizeFinding(f, lang))
    .map((f) => ({
      id: f.id,
      runId: f.runId,
      latest: f.latest,
      explainedBy: f.explainedBy,
      severity: f.severity,
      status: f.status,
      check: f.check,
      playbook: f.playbook,
      title: f.title,
      explanation: f.skippedReason && !f.explanation.includes(f.skippedReason) ? `${f.explanation}${f.explanation ? ' ' : ''}${w.skipped(f.skippedReason)}` : f.explanation,
      likelyCause: f.likelyCause,
      nextStep: f.nextStep,
      evidence: f.evidence.map((e) => ({
        node: e.node,
        step: e.step,
        command: (e.stepId !== null ? steps.get(e.stepId)?.command : stepOf(f.runId, e.node, e.step)?.command) ?? null,
        lines: e.lines,
      })),
    }));

  const byNode = new Map<string, ReportCommand[]>();
  for (const run of detail.runs) {
    for (const s of run.steps) {
      if (s.stepKey === 'discover-pods') continue;
      const list = byNode.get(s.nodeName) ?? [];
      list.push({
        runId: run.id,
        stepId: s.id,
        step: s.stepKey,
        command: s.command,
        state: s.state,
        exitCode: s.exitCode,
        durationMs: s.durationMs,
        startedAt: s.startedAt ? time(s.startedAt) : null,
      });
      byNode.set(s.nodeName, list);
    }
  }

  // A curated timeline: a finding is an event when it is a root problem of the newest runs; what it explains and older runs' findings are in the findings section and the JSON.
  const rootProblems = summarizeFindings(findings.map((f) => ({ ...f, skippedReason: null }))).problems;
  const roots = new Set(rootProblems.map((p) => p.lead.id));
  const shownEvents = options.allEvents ? timeline : timeline.filter((e) => e.kind !== 'finding' || roots.has(e.findingId));

  const resolvedAt = detail.status === 'resolved' ? (statusTimes.resolved ?? detail.closedAt) : null;
  const mitigatedAt = statusTimes.mitigated ?? null;
  const end = resolvedAt ? new Date(resolvedAt) : now;
  const data: ReportData = {
    schemaVersion: 1,
    lang,
    generatedAt: time(now.toISOString()),
    timeZone: tz,
    redaction: { hideIps: !!options.hideIps, hideHostnames: !!options.hideHostnames, hideUsers: !!options.hideUsers },
    header: {
      caseId,
      title: detail.title,
      cluster: detail.clusterName,
      severity: detail.severity,
      status: detail.status,
      opened: time(detail.openedAt),
      mitigated: mitigatedAt ? time(mitigatedAt) : null,
      resolved: resolvedAt ? time(resolvedAt) : null,
      durationMs: Math.max(0, end.getTime() - new Date(detail.openedAt).getTime()),
      people,
    },
    summary: fields.summary,
    impact: fields.impact,
    // What the lead wrote wins; else what the case log says (marked so, for the reader and the JSON).
    rootCause: fields.rootCause.trim() ? { text: fields.rootCause, fromFinding: false } : { text: rootProblems[0]?.title ?? '', fromFinding: rootProblems.length > 0 },
    contributing: fields.contributing.trim() ? { text: fields.contributing, fromFindings: false } : { text: rootProblems.slice(1).map((p) => p.title).join('\n'), fromFindings: rootProblems.length > 1 },
    timeline: options.allEvents ? shownEvents.map((e) => ({ at: time(e.at), kind: e.kind, author: e.author, text: entryText(e, w) })) : foldQuietRuns(shownEvents, w, time),
    findings,
    commands: [...byNode.entries()].sort(([a], [b]) => byName(a, b)).map(([node, list]) => ({ node, steps: list })),
    followups: source.followups(caseId).map((f) => ({ text: f.text, done: f.done, owner: f.owner, due: f.due })),
  };
  // Keep structural values (kinds, severities, times) as they are; scrub everything people or hosts wrote.
  const scrubbed: ReportData = {
    ...data,
    header: { ...data.header, title: scrub.text(data.header.title), people: data.header.people.map((p) => scrub.text(p)) },
    summary: scrub.text(data.summary),
    impact: scrub.text(data.impact),
    rootCause: { ...data.rootCause, text: scrub.text(data.rootCause.text) },
    contributing: { ...data.contributing, text: scrub.text(data.contributing.text) },
    timeline: data.timeline.map((t) => ({ ...t, author: t.author === null ? null : scrub.text(t.author), text: scrub.text(t.text) })),
    findings: data.findings.map((f) => ({ ...f, ...scrub.deep({ title: f.title, explanation: f.explanation, likelyCause: f.likelyCause, nextStep: f.nextStep, evidence: f.evidence }) })),
    commands: data.commands.map((c) => ({ node: scrub.host(c.node), steps: c.steps.map((s) => ({ ...s, command: scrub.text(s.command) })) })),
    followups: data.followups.map((f) => ({ ...f, text: scrub.text(f.text), owner: f.owner === null ? null : scrub.text(f.owner) })),
  };
  return { data: scrubbed, scrub };
}
