// The incident report's own words, in English and Korean: the exported files (Markdown, HTML, PDF,
// the timeline texts of the JSON) and the app's preview read from here, so they say the same thing.
// What playbooks found (titles, explanations, evidence) stays as the analyzers wrote it.
// main/shared holds words shown to users, for the core and the renderer alike (VS Code's `common`);
// the contract holds only the API.
import type { CaseStatus, FindingSeverity, ReportData, ReportFinding, ReportLang, Severity, TimelineEntry } from '../contract/types.js';
import { summarizeFindings, type FindingsSummary } from './findings-summary.js';

export interface ReportWords {
  title: (caseTitle: string) => string;
  caseLine: (caseId: number) => string;
  generated: string;
  timesIn: (tz: string) => string;
  cluster: string;
  severity: string;
  status: string;
  opened: string;
  mitigated: string;
  resolved: string;
  duration: string;
  notResolvedYet: string;
  people: string;
  summary: string;
  impact: string;
  summaryTemplate: string;
  impactTemplate: string;
  timeline: string;
  time: (tz: string) => string;
  what: string;
  who: string;
  findings: string;
  noProblems: string;
  severityHeading: (severity: FindingSeverity, count: number) => string;
  findingsCount: (count: number) => string;
  playbook: string;
  evidenceFrom: string;
  step: string;
  command: string;
  likelyCause: string;
  nextStep: string;
  checkedHealthy: (count: number) => string;
  becauseOfThis: string;
  otherProblems: (count: number) => string;
  moreChecks: (count: number) => string;
  /** After the names of the healthy playbooks, when a report with problems lists them by name only. */
  ruledOutByName: (checks: number) => string;
  rootCause: string;
  fromTopFinding: string;
  contributing: string;
  noContributing: string;
  actionItems: string;
  owner: string;
  due: string;
  done: string;
  notChecked: (count: number) => string;
  superseded: (count: number) => string;
  moreLines: (count: number) => string;
  commandsLeftOut: (steps: number, nodes: number) => string;
  followups: string;
  noneYet: string;
  appendix: string;
  noCommands: string;
  outputsInJson: string;
  columns: { started: string; run: string; step: string; command: string; stepAndCommand: string; state: string; exit: string; duration: string };
  severities: Record<FindingSeverity, string>;
  caseSeverities: Record<Severity, string>;
  statuses: Record<CaseStatus, string>;
  states: Record<string, string>;
  kinds: Record<TimelineEntry['kind'], string>;
  skipped: (reason: string) => string;
  entry: {
    opened: (title: string, severity: string) => string;
    status: (from: string, to: string) => string;
    run: (kind: 'playbook' | 'exec', title: string, nodes: string, state: string, counts: string) => string;
    counts: (c: { critical: number; warning: number; ok: number; skipped: number }) => string;
    /** Playbooks of one check that found nothing critical or warning, as one timeline row. */
    quietRuns: (titles: string, nodes: string) => string;
    finding: (severity: string, title: string, where: string) => string;
    terminal: (node: string, summary: string) => string;
    manyNodes: (count: number, first: string, last: string) => string;
    noNode: string;
  };
  span: { d: string; h: string; min: string; s: string };
  /** The PDF footer's page counter; `page` and `total` are the printer's placeholders. */
  pageOf: (page: string, total: string) => string;
}

const countsIn = (words: Record<'critical' | 'warning' | 'ok' | 'skipped', string>) => (c: { critical: number; warning: number; ok: number; skipped: number }) =>
  (['critical', 'warning', 'ok', 'skipped'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${words[k]}`)
    .join(', ');

const en: ReportWords = {
  title: (t) => `Incident report: ${t}`,
  caseLine: (id) => `Case ${id}`,
  generated: 'generated',
  timesIn: (tz) => (tz === 'UTC' ? 'times in UTC' : `times in ${tz} and UTC`),
  cluster: 'Cluster',
  severity: 'Severity',
  status: 'Status',
  opened: 'Opened',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  duration: 'Duration',
  notResolvedYet: '(not resolved yet)',
  people: 'People involved',
  summary: 'Summary',
  impact: 'Impact',
  summaryTemplate: 'What happened, how it was found, what fixed it. (Edit the summary on the case.)',
  impactTemplate: 'Who and what was affected, for how long (services, tenants, instances). (Edit the impact on the case.)',
  timeline: 'Timeline',
  time: (tz) => `Time (${tz})`,
  what: 'What',
  who: 'Who',
  findings: 'Findings',
  noProblems: 'No problems were found by the playbooks run in this case.',
  severityHeading: (sev, n) => `${en.severities[sev].charAt(0).toUpperCase()}${en.severities[sev].slice(1)} (${n})`,
  findingsCount: (n) => `${n} finding${n === 1 ? '' : 's'}`,
  playbook: 'playbook',
  evidenceFrom: 'Evidence from',
  step: 'step',
  command: 'command',
  likelyCause: 'Likely cause:',
  nextStep: 'Next step:',
  checkedHealthy: (n) => `Ruled out: checked and healthy (${n})`,
  becauseOfThis: 'Because of this:',
  otherProblems: (n) => `Other problems (${n})`,
  moreChecks: (n) => `${n} more`,
  ruledOutByName: (n) => `${n} checks in all; each one's result is in the case and the JSON export.`,
  rootCause: 'Root cause',
  fromTopFinding: "(from the case's top finding; write your own on the case)",
  contributing: 'Contributing factors',
  noContributing: 'None recorded.',
  actionItems: 'Action items',
  owner: 'Owner',
  due: 'Due',
  done: 'Done',
  notChecked: (n) => `Could not be checked (${n}), so not counted as healthy`,
  superseded: (n) => `${n} finding${n === 1 ? '' : 's'} of earlier runs, superseded by newer runs of the same playbooks, are in the JSON export.`,
  moreLines: (n) => `… ${n} more line${n === 1 ? '' : 's'} in the case log`,
  commandsLeftOut: (steps, nodes) => `${steps} command${steps === 1 ? '' : 's'} ran on ${nodes} node${nodes === 1 ? '' : 's'}; their list is in the appendix with --with-commands, their outputs in the JSON export.`,
  followups: 'Follow-up actions',
  noneYet: 'None recorded yet.',
  appendix: 'Appendix: commands run per node',
  noCommands: 'No commands were run in this case.',
  outputsInJson: 'Full command outputs are in the JSON export only.',
  columns: { started: 'Started', run: 'Run', step: 'Step', command: 'Command', stepAndCommand: 'Step and command', state: 'State', exit: 'Exit', duration: 'Duration' },
  severities: { critical: 'critical', warning: 'warning', info: 'info', ok: 'ok' },
  caseSeverities: { critical: 'critical', warning: 'warning', info: 'info' },
  statuses: { open: 'open', mitigated: 'mitigated', resolved: 'resolved' },
  states: {},
  kinds: { opened: 'opened', status: 'status', note: 'note', run: 'run', finding: 'finding', terminal: 'terminal' },
  skipped: (reason) => `(skipped: ${reason})`,
  entry: {
    opened: (title, sev) => `Case opened: ${title} (${sev})`,
    status: (from, to) => `Status ${from} → ${to}`,
    run: (kind, title, nodes, state, counts) => `${kind === 'playbook' ? 'Playbook' : 'Command'} ${title} on ${nodes}: ${state}${counts ? ` (${counts})` : ''}`,
    counts: countsIn({ critical: 'critical', warning: 'warning', ok: 'ok', skipped: 'skipped' }),
    quietRuns: (titles, nodes) => `Playbooks ${titles} on ${nodes}: succeeded, nothing critical or warning`,
    finding: (sev, title, where) => `Finding (${sev}): ${title}${where ? ` on ${where}` : ''}`,
    terminal: (node, summary) => `Terminal session on ${node}: ${summary}`,
    manyNodes: (n, first, last) => `${n} nodes (${first}, … ${last})`,
    noNode: 'no node',
  },
  span: { d: 'd', h: 'h', min: 'min', s: 's' },
  pageOf: (page, total) => `Page ${page} of ${total}`,
};

const ko: ReportWords = {
  title: (t) => `장애 보고서: ${t}`,
  caseLine: (id) => `케이스 ${id}`,
  generated: '작성',
  timesIn: (tz) => (tz === 'UTC' ? '시각은 UTC' : `시각은 ${tz} 및 UTC`),
  cluster: '클러스터',
  severity: '심각도',
  status: '상태',
  opened: '열림',
  mitigated: '완화',
  resolved: '해결',
  duration: '소요 시간',
  notResolvedYet: '(아직 해결되지 않음)',
  people: '참여자',
  summary: '요약',
  impact: '영향',
  summaryTemplate: '무슨 일이 있었는지, 어떻게 발견했는지, 무엇으로 해결했는지. (케이스에서 요약을 작성하세요.)',
  impactTemplate: '무엇이 누구에게 얼마 동안 영향을 받았는지 (서비스, 테넌트, 인스턴스). (케이스에서 영향을 작성하세요.)',
  timeline: '타임라인',
  time: (tz) => `시각 (${tz})`,
  what: '내용',
  who: '누가',
  findings: '발견 사항',
  noProblems: '이 케이스에서 실행한 플레이북은 문제를 찾지 못했습니다.',
  severityHeading: (sev, n) => `${ko.severities[sev]} (${n})`,
  findingsCount: (n) => `${n}건`,
  playbook: '플레이북',
  evidenceFrom: '근거:',
  step: '단계',
  command: '명령',
  likelyCause: '추정 원인:',
  nextStep: '다음 단계:',
  checkedHealthy: (n) => `배제됨: 점검 결과 정상 (${n})`,
  becauseOfThis: '이로 인해:',
  otherProblems: (n) => `그 밖의 문제 (${n})`,
  moreChecks: (n) => `외 ${n}건`,
  ruledOutByName: (n) => `모두 ${n}개 검사. 각 결과는 케이스와 JSON 내보내기에 있습니다.`,
  rootCause: '근본 원인',
  fromTopFinding: '(케이스의 가장 중요한 발견 사항에서 가져옴. 케이스에서 직접 작성할 수 있습니다)',
  contributing: '기여 요인',
  noContributing: '기록된 것이 없습니다.',
  actionItems: '조치 항목',
  owner: '담당',
  due: '기한',
  done: '완료',
  notChecked: (n) => `점검하지 못함 (${n}), 정상으로 치지 않음`,
  superseded: (n) => `이전 실행의 발견 사항 ${n}건은 같은 플레이북의 새 실행으로 대체되었으며 JSON 내보내기에 있습니다.`,
  moreLines: (n) => `… 나머지 ${n}줄은 케이스 기록에 있습니다`,
  commandsLeftOut: (steps, nodes) => `노드 ${nodes}대에서 명령 ${steps}개를 실행했습니다. 목록은 --with-commands 부록에, 출력은 JSON 내보내기에 있습니다.`,
  followups: '후속 조치',
  noneYet: '아직 기록된 것이 없습니다.',
  appendix: '부록: 노드별 실행 명령',
  noCommands: '이 케이스에서 실행한 명령이 없습니다.',
  outputsInJson: '명령의 전체 출력은 JSON 내보내기에만 들어 있습니다.',
  columns: { started: '시작', run: '실행', step: '단계', command: '명령', stepAndCommand: '단계와 명령', state: '상태', exit: '종료 코드', duration: '소요 시간' },
  severities: { critical: '심각', warning: '경고', info: '정보', ok: '정상' },
  caseSeverities: { critical: '심각', warning: '경고', info: '정보' },
  statuses: { open: '열림', mitigated: '완화됨', resolved: '해결됨' },
  states: { running: '실행 중', succeeded: '성공', failed: '실패', interrupted: '중단됨', cancelled: '취소됨', pending: '대기', error: '오류', timeout: '시간 초과' },
  kinds: { opened: '열림', status: '상태', note: '메모', run: '실행', finding: '발견', terminal: '터미널' },
  skipped: (reason) => `(건너뜀: ${reason})`,
  entry: {
    opened: (title, sev) => `케이스 열림: ${title} (${sev})`,
    status: (from, to) => `상태 ${from} → ${to}`,
    run: (kind, title, nodes, state, counts) => `${kind === 'playbook' ? '플레이북' : '명령'} ${title} (${nodes}): ${state}${counts ? ` (${counts})` : ''}`,
    counts: countsIn({ critical: '심각', warning: '경고', ok: '정상', skipped: '건너뜀' }),
    quietRuns: (titles, nodes) => `플레이북 ${titles} (${nodes}): 성공, 심각·경고 없음`,
    finding: (sev, title, where) => `발견 (${sev}): ${title}${where ? ` (${where})` : ''}`,
    terminal: (node, summary) => `${node} 터미널 세션: ${summary}`,
    manyNodes: (n, first, last) => `노드 ${n}개 (${first}, … ${last})`,
    noNode: '노드 없음',
  },
  span: { d: '일', h: '시간', min: '분', s: '초' },
  pageOf: (page, total) => `${page} / ${total} 쪽`,
};

export const reportLangs: readonly ReportLang[] = ['en', 'ko'];

export function reportWords(lang: ReportLang | undefined): ReportWords {
  return lang === 'ko' ? ko : en;
}

/** A step or run state in the report's language (English keeps the state's own name). */
export function stateWord(w: ReportWords, state: string): string {
  return w.states[state] ?? state;
}

/** How long, in words a report reader takes in: 1 h 5 min, 3 min 2 s, 800 ms (1시간 5분 in Korean). */
export function formatSpan(ms: number | null, w: ReportWords = en): string {
  if (ms === null) return '–';
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sep = w === en ? ' ' : '';
  const parts = [d && `${d}${sep}${w.span.d}`, h && `${h}${sep}${w.span.h}`, m && `${m}${sep}${w.span.min}`, !d && !h && s % 60 && `${s % 60}${sep}${w.span.s}`].filter(Boolean);
  return parts.join(' ') || `0${sep}${w.span.s}`;
}

/** Findings told in full, worst first; the healthy ones ('ok') are listed short after them. */
export const severityOrder: readonly FindingSeverity[] = ['critical', 'warning', 'info'];

/** What was checked and found healthy: ruled out, one line each. */
export function healthyChecks(r: ReportData): ReportFinding[] {
  return r.findings.filter((f) => f.severity === 'ok');
}

/** The report's findings as the case summary draws them (causes first), and how many older ones it leaves out. */
export function reportSummary(r: ReportData): FindingsSummary<ReportFinding> & { superseded: number } {
  return { ...summarizeFindings(r.findings), superseded: r.findings.filter((f) => !f.latest).length };
}

/** A report quotes a few lines per evidence block (the case log and the JSON export have them all). */
export const EVIDENCE_LINES = 6;
const EVIDENCE_BLOCKS = 3;
/** Problems told in full (evidence, cause, next step); the rest get one line each, so a report stays a few pages. */
export const FULL_PROBLEMS = 3;
/** Ruled-out checks named per playbook; the rest are counted. */
export const RULED_OUT_SHOWN = 3;

/**
 * A report with problems names its healthy playbooks only, and runs what it could not check on as
 * one paragraph, once more than this many playbooks were healthy: the problems need the pages (the
 * lead's report of a whole-catalogue check stays within three).
 */
export const RULED_OUT_BY_NAME_ABOVE = 12;

/** Whether the ruled-out playbooks are listed by name only. */
export const ruledOutByName = (sum: { problems: unknown[]; ruledOut: unknown[] }): boolean => sum.problems.length > 0 && sum.ruledOut.length > RULED_OUT_BY_NAME_ABOVE;

/** A ruled-out line: the first few checks of a playbook by title, the rest counted. */
export function ruledOutLine(checks: Array<{ title: string }>, more: (n: number) => string): string {
  const shown = checks.slice(0, RULED_OUT_SHOWN).map((c) => c.title).join('; ');
  return checks.length > RULED_OUT_SHOWN ? `${shown}; ${more(checks.length - RULED_OUT_SHOWN)}` : shown;
}

/** The evidence a report prints for a finding: at most a few blocks of a few lines each. */
export function evidenceShown(f: ReportFinding): Array<{ node: string; step: string; lines: string[] }> {
  return f.evidence.slice(0, EVIDENCE_BLOCKS).map((e) => ({ node: e.node, step: e.step, lines: e.lines.length > EVIDENCE_LINES ? [...e.lines.slice(0, EVIDENCE_LINES), `… +${e.lines.length - EVIDENCE_LINES}`] : e.lines }));
}
