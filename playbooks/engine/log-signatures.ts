/**
 * Log signatures: a playbook declares lines worth counting (`logSignatures:` in playbook.yaml)
 * and the engine evaluates them for it, with no analyzer code. Per node it counts the lines of
 * the signature's step that match within the window, by each line's own time on the node's own
 * clock (a `signature-clock` step the engine adds: `date '+%s %z'`), and quotes the first and
 * last. A known bug is named only from what the node says: the installed version comes from a
 * `signature-packages-<service>` step the engine adds (dpkg-query where the service runs: the
 * host, the Kolla container, the openstack-helm pod), and the finding says "looks like LP#…"
 * only when that version is older than the fix of its release line; a fixed version says so,
 * and an unreadable one claims nothing.
 */
import type { FindingMessage } from '../../main/contract/types.js';
import { findingTexts, say, texts } from '../../main/shared/finding-texts/index.js';
import { finding } from './analyze-kit.js';
import { compareVersionText, inReleaseLine, parseDebianVersion } from './debian-version.js';
import { CLOCK_COMMAND, lineTime, parseNodeClock, spanText, type NodeClock } from './log-time.js';
import { MAX_MATCH_CHARS } from './regex-safety.js';
import { shellQuote } from './shell.js';
import type { AnalyzerInput, Evidence, Finding, KnownBug, LogSignatureDef, PlaybookDef, ServiceId, StepDef, StepOutput } from './types.js';

export const CLOCK_STEP = 'signature-clock';
export const PACKAGES_STEP_PREFIX = 'signature-packages-';
export const packagesStep = (service: ServiceId): string => `${PACKAGES_STEP_PREFIX}${service}`;
/** Step ids the engine adds; a playbook may not use them. */
export const isEngineStepId = (id: string): boolean => id === CLOCK_STEP || id.startsWith(PACKAGES_STEP_PREFIX);

/** The message ids of a signature's own texts (main/shared/finding-texts/<playbook>.ts). */
export function signatureTextIds(playbookId: string, signatureId: string): { title: string; explanation: string; next: string } {
  const base = `${playbookId}.sig.${signatureId}`;
  return { title: `${base}.title`, explanation: `${base}.explanation`, next: `${base}.next` };
}

/** Which of a signature's texts are missing from the table (in English or Korean). */
export function missingSignatureTexts(playbookId: string, signatureId: string): string[] {
  return Object.values(signatureTextIds(playbookId, signatureId)).filter((id) => !findingTexts[id]?.en || !findingTexts[id]?.ko);
}

/**
 * The steps the engine adds for a playbook's signatures: the node clock on every node a
 * signature reads, and the installed packages of the known bugs in each service whose log is
 * read. Read-only, on each node, with the roles of the steps they serve.
 */
export function signatureSteps(def: Pick<PlaybookDef, 'roles' | 'steps' | 'logSignatures'>): StepDef[] {
  const sigs = def.logSignatures ?? [];
  if (!sigs.length) return [];
  const stepOf = new Map(def.steps.map((s) => [s.id, s]));
  const rolesOf = (s: StepDef | undefined) => s?.roles ?? def.roles;
  const clockRoles = [...new Set(sigs.flatMap((g) => g.steps.flatMap((id) => rolesOf(stepOf.get(id)))))];
  const added: StepDef[] = [
    { id: CLOCK_STEP, title: { en: 'Node clock (the time windows of log signatures)', ko: '노드 시계(로그 시그니처의 시간 범위 기준)' }, service: 'host', run: CLOCK_COMMAND, on: 'each', roles: clockRoles, timeoutSec: 15, mutating: false, root: false },
  ];
  const byService = new Map<ServiceId, { packages: Set<string>; roles: Set<string> }>();
  for (const g of sigs) {
    for (const step of g.steps.map((id) => stepOf.get(id))) {
      if (!g.knownBug || !step) continue;
      const entry = byService.get(step.service) ?? { packages: new Set<string>(), roles: new Set<string>() };
      entry.packages.add(g.knownBug.package);
      for (const r of rolesOf(step)) entry.roles.add(r);
      byService.set(step.service, entry);
    }
  }
  for (const [service, { packages, roles }] of byService) {
    const names = [...packages].sort().map(shellQuote).join(' ');
    added.push({
      id: packagesStep(service),
      title: { en: `Installed package versions in ${service} (known bugs)`, ko: `${service}에 설치된 패키지 버전(알려진 버그)` },
      service,
      // One line per installed package; a missing one is named on stderr (exit 1), dpkg-query missing altogether is exit 127.
      run: `dpkg-query -W -f '\${Package} \${Version}\\n' -- ${names}`,
      on: 'each',
      roles: [...roles] as StepDef['roles'],
      timeoutSec: 20,
      mutating: false,
      root: false,
    });
  }
  return added;
}

/** What the node says about a package: its version, or why it is not known. */
export type Installed = { version: string; line: string } | { unknown: FindingMessage };

export function installedVersion(input: AnalyzerInput, service: ServiceId, node: string, pkg: string): Installed {
  const out = input.outputs.find((o) => o.step === packagesStep(service) && o.node === node && (o.state === 'succeeded' || o.state === 'failed'));
  if (!out) return { unknown: say('log-signatures.why.no-output') };
  const line = out.stdout.split('\n').find((l) => l.startsWith(`${pkg} `));
  const version = line?.slice(pkg.length + 1).trim() ?? '';
  if (line && parseDebianVersion(version)) return { version, line };
  // dpkg-query names a package it does not know on stderr; a container without dpkg says "not found".
  const said = out.stderr.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? `exit ${out.exitCode}`;
  return { unknown: line ? say('log-signatures.why.not-a-version', { version }) : say('log-signatures.why.tool', { line: said.slice(0, 200) }) };
}

export type BugVerdict = { kind: 'affected' | 'fixed'; fix: string } | { kind: 'unknown' };

/**
 * Is `installed` older than the fix? By the fix of its release line when one is listed; newer
 * than every listed fix is fixed (a later release carries it); otherwise (an older line, or one
 * between listed lines that never got the fix) it is affected.
 */
export function bugVerdict(bug: KnownBug, installed: string): BugVerdict {
  if (!parseDebianVersion(installed)) return { kind: 'unknown' };
  const fixes = bug.fixedIn.filter((f) => parseDebianVersion(f.version));
  if (!fixes.length) return { kind: 'unknown' };
  const own = fixes.filter((f) => inReleaseLine(installed, f.line)).sort((a, b) => b.line.length - a.line.length)[0];
  if (own) return { kind: compareVersionText(installed, own.version) >= 0 ? 'fixed' : 'affected', fix: own.version };
  const newest = [...fixes].sort((a, b) => compareVersionText(b.version, a.version))[0] as { version: string };
  return { kind: compareVersionText(installed, newest.version) >= 0 ? 'fixed' : 'affected', fix: newest.version };
}

/** What one node's log says for one signature. */
interface NodeCount {
  out: StepOutput;
  clock: NodeClock;
  clockLine: string;
  count: number;
  undated: number;
  first?: string;
  last?: string;
  /** The lines read go back less than the window (the tail cut them): the count is a lower bound. */
  covers?: number;
  /** Matches within the start-up grace after a start line (LogSignatureDef.startGrace), not in `count`. */
  atStart: number;
  firstAtStart?: string;
  lastAtStart?: string;
}

/** A line a little ahead of the node's clock still counts (the clock read came first); further ahead is not "the last N hours". */
const FUTURE_SLACK_SEC = 300;
/** How far back an undated line looks for the record it belongs to (`undated: previous`). */
const MAX_LINES_BACK = 500;

function countOn(out: StepOutput, sig: LogSignatureDef, re: RegExp, clock: NodeClock, tail: number | null): Omit<NodeCount, 'out' | 'clock' | 'clockLine'> {
  const lines = out.stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const since = clock.now - sig.windowSec;
  let count = 0;
  let undated = 0;
  let first: string | undefined;
  let last: string | undefined;
  let atStart = 0;
  let firstAtStart: string | undefined;
  let lastAtStart: string | undefined;
  // When the service started (its own start line), for the start-up grace.
  const starts: number[] = [];
  if (sig.startGrace) {
    const startRe = new RegExp(sig.startGrace.line);
    for (const line of lines) {
      if (!startRe.test(line.length > MAX_MATCH_CHARS ? line.slice(0, MAX_MATCH_CHARS) : line)) continue;
      const t = lineTime(line, clock);
      if (t !== null) starts.push(t);
    }
  }
  const grace = sig.startGrace?.seconds ?? 0;
  const inGrace = (t: number): boolean => starts.some((s0) => t >= s0 && t <= s0 + grace);
  // Times are read only where needed (a match, the record before an undated match, the oldest line):
  // the regex is the cost of a line that does not match.
  const timeBefore = (i: number): number | null => {
    // A traceback is tens of lines; looking further back would make many undated matches quadratic.
    for (let k = i - 1; k >= 0 && k >= i - MAX_LINES_BACK; k--) {
      const t = lineTime(lines[k] as string, clock);
      if (t !== null) return t;
    }
    return null;
  };
  lines.forEach((line, i) => {
    if (!re.test(line.length > MAX_MATCH_CHARS ? line.slice(0, MAX_MATCH_CHARS) : line)) return;
    let t = lineTime(line, clock);
    if (t === null) {
      if (sig.undated === 'ignore') return;
      if (sig.undated === 'previous') {
        t = timeBefore(i);
        if (t === null) return;
      } else undated++;
    }
    if (t !== null && (t < since || t > clock.now + FUTURE_SLACK_SEC)) return;
    if (t !== null && starts.length && inGrace(t)) {
      atStart++;
      firstAtStart ??= line;
      lastAtStart = line;
      return;
    }
    count++;
    first ??= line;
    last = line;
  });
  let covers: number | undefined;
  if (tail !== null && lines.length >= tail) {
    const oldest = lines.reduce<number | null>((found, l) => found ?? lineTime(l, clock), null);
    if (oldest !== null && oldest > since) covers = Math.max(0, clock.now - oldest);
  }
  return {
    count,
    undated,
    atStart,
    ...(first !== undefined ? { first } : {}),
    ...(last !== undefined ? { last } : {}),
    ...(covers !== undefined ? { covers } : {}),
    ...(firstAtStart !== undefined ? { firstAtStart } : {}),
    ...(lastAtStart !== undefined ? { lastAtStart } : {}),
  };
}

/**
 * The whole output says the service has no log on this node at all: journalctl of a unit that
 * never wrote there (and no log file), a container that does not exist, a log file that is not
 * there. The service does not run on that node; a real log, even a short one, never reads so.
 */
const NOT_ON_NODE = /^(?:-- No entries --|Error(?: response from daemon)?: No such container: \S+|tail: cannot open '[^']+' for reading: No such file or directory)$/;
function absentLine(out: StepOutput): string | null {
  const said = `${out.stdout}\n${out.stderr}`.split('\n').filter((l) => l.trim());
  return said.length === 1 && NOT_ON_NODE.test((said[0] as string).trim()) ? (said[0] as string) : null;
}

const parts = (xs: Array<FindingMessage | undefined>): FindingMessage => say('log-signatures.parts', { parts: xs.filter((x): x is FindingMessage => x !== undefined) });
const complete = (o: StepOutput): boolean => o.state === 'succeeded' || o.state === 'failed';

/** The known-bug sentence, cause and next step for a node, with the dpkg line as evidence. */
function bugParts(input: AnalyzerInput, service: ServiceId, node: string, bug: KnownBug): { said: FindingMessage; cause?: FindingMessage; next?: FindingMessage; evidence?: Evidence } {
  const listed = { list: bug.fixedIn.map((f) => f.version) };
  const found = installedVersion(input, service, node, bug.package);
  if ('unknown' in found) return { said: say('log-signatures.bug.unknown', { lp: bug.lp, fixed: listed, package: bug.package, why: found.unknown }) };
  const evidence: Evidence = { node, step: packagesStep(service), lines: [found.line] };
  const v = bugVerdict(bug, found.version);
  if (v.kind === 'unknown') return { said: say('log-signatures.bug.unknown', { lp: bug.lp, fixed: listed, package: bug.package, why: say('log-signatures.why.not-a-version', { version: found.version }) }), evidence };
  const p = { lp: bug.lp, fixed: v.fix, package: bug.package, installed: found.version };
  if (v.kind === 'fixed') return { said: say('log-signatures.bug.fixed', p), evidence };
  return { said: say('log-signatures.bug.affected', p), cause: say('log-signatures.bug.cause', p), next: say('log-signatures.bug.next', p), evidence };
}

/**
 * The findings of every signature of `def` over the step outputs: one per node where it was
 * seen, one ok for the nodes where it was not, one could-not-check for nodes whose log or clock
 * could not be read. Nodes whose step never completed are left to the engine's own finding.
 */
export function evaluateSignatures(def: Pick<PlaybookDef, 'id' | 'steps' | 'logSignatures'>, input: AnalyzerInput): Finding[] {
  const findings: Finding[] = [];
  for (const sig of def.logSignatures ?? []) {
    const ids = signatureTextIds(def.id, sig.id);
    const check = `${def.id}.${sig.id}`;
    const title = say(ids.title);
    const re = new RegExp(sig.regex, sig.ignoreCase ? 'i' : '');
    const counted: Array<NodeCount & { step: StepDef }> = [];
    const unread: Array<{ node: string; step: string; why: FindingMessage; evidence?: Evidence }> = [];
    const absent: Array<{ node: string; step: string; evidence: Evidence }> = [];
    for (const step of def.steps.filter((s) => sig.steps.includes(s.id))) {
      for (const out of input.outputs.filter((o) => o.step === step.id && complete(o))) {
        const none = absentLine(out);
        if (none !== null) {
          absent.push({ node: out.node, step: step.id, evidence: { node: out.node, step: out.step, lines: [none] } });
          continue;
        }
        if (out.state === 'failed') {
          const line = out.stderr.split('\n').filter(Boolean).at(-1) ?? out.stdout.split('\n').filter(Boolean).at(-1);
          unread.push({ node: out.node, step: step.id, why: say('log-signatures.why.log-failed', { code: out.exitCode ?? '?' }), ...(line ? { evidence: { node: out.node, step: out.step, lines: [line] } } : {}) });
          continue;
        }
        const clockOut = input.outputs.find((o) => o.step === CLOCK_STEP && o.node === out.node && complete(o));
        const clock = clockOut ? parseNodeClock(clockOut.stdout) : null;
        if (!clockOut || !clock) {
          unread.push({ node: out.node, step: step.id, why: say('log-signatures.why.no-clock') });
          continue;
        }
        // Nothing read, or nothing with a time: "not seen" would claim what was not looked at.
        if (!out.stdout.trim()) {
          unread.push({ node: out.node, step: step.id, why: say('log-signatures.why.empty') });
          continue;
        }
        if (sig.undated !== 'count' && !out.stdout.split('\n').some((l) => lineTime(l, clock) !== null)) {
          unread.push({ node: out.node, step: step.id, why: say('log-signatures.why.no-times') });
          continue;
        }
        counted.push({ step, out, clock, clockLine: clockOut.stdout.split('\n')[0] as string, ...countOn(out, sig, re, clock, step.logs?.tail ?? null) });
      }
    }
    const quiet: typeof counted = [];
    for (const c of counted) {
      const node = c.out.node;
      const startPart = c.atStart ? say('log-signatures.at-start', { count: c.atStart, seconds: sig.startGrace?.seconds ?? 0 }) : undefined;
      if (c.count === 0 && c.atStart > 0) {
        // Only right after the service started: the burst it logs before all its workers are up.
        findings.push(
          finding({
            check,
            severity: 'info',
            evidence: [{ node, step: c.step.id, lines: [...new Set([c.firstAtStart as string, c.lastAtStart as string])] }, { node, step: CLOCK_STEP, lines: [c.clockLine] }],
            ...texts({
              title: say('log-signatures.title.at-start', { title, node, count: c.atStart }),
              explanation: parts([say(ids.explanation), startPart, say('log-signatures.at-start.none-since', { window: sig.window })]),
            }),
          }),
        );
        continue;
      }
      if (c.count === 0) {
        quiet.push(c);
        continue;
      }
      const seen = say('log-signatures.seen', { step: c.step.id, node, count: c.count, window: sig.window });
      const partial = c.covers !== undefined ? say('log-signatures.partial', { span: spanText(c.covers) }) : undefined;
      const undated = c.undated ? say('log-signatures.undated', { count: c.undated }) : undefined;
      const evidence: Evidence[] = [{ node, step: c.step.id, lines: [...new Set([c.first as string, c.last as string])] }, { node, step: CLOCK_STEP, lines: [c.clockLine] }];
      if (c.count < sig.minCount) {
        findings.push(
          finding({
            check,
            severity: 'info',
            evidence,
            ...texts({
              title: say('log-signatures.title.below', { title, node, count: c.count, window: sig.window }),
              explanation: parts([say(ids.explanation), seen, partial, undated, startPart, say('log-signatures.below', { min: sig.minCount, window: sig.window })]),
            }),
          }),
        );
        continue;
      }
      const bug = sig.knownBug ? bugParts(input, c.step.service, node, sig.knownBug) : undefined;
      if (bug?.evidence) evidence.push(bug.evidence);
      findings.push(
        finding({
          check,
          severity: sig.severity,
          evidence,
          ...(sig.explainedBy ? { explainedBy: sig.explainedBy } : {}),
          ...texts({
            title: say('log-signatures.title.seen', { title, node, count: c.count, window: sig.window }),
            explanation: parts([say(ids.explanation), seen, partial, undated, startPart, bug?.said]),
            ...(bug?.cause ? { likelyCause: bug.cause } : {}),
            nextStep: parts([say(ids.next), bug?.next]),
          }),
        }),
      );
    }
    const where = (c: { out: StepOutput; step: StepDef }): string => (sig.steps.length > 1 ? `${c.out.node} (${c.step.id})` : c.out.node);
    // Where the service does not run there is nothing to count; with no node left at all, nothing was checked.
    if (!counted.length && !unread.length) for (const a of absent) unread.push({ node: a.node, step: a.step, why: say('log-signatures.why.absent'), evidence: a.evidence });
    const absentNodes = counted.length ? absent.map((a) => (sig.steps.length > 1 ? `${a.node} (${a.step})` : a.node)) : [];
    if (quiet.length) {
      const short = quiet.filter((c) => c.covers !== undefined);
      findings.push(
        finding({
          check,
          severity: 'ok',
          evidence: [...new Map(quiet.map((c) => [c.out.node, { node: c.out.node, step: CLOCK_STEP, lines: [c.clockLine] }])).values()],
          ...texts({
            title: say('log-signatures.title.none', { title, window: sig.window }),
            explanation: parts([
              say('log-signatures.none', { steps: { list: [...new Set(quiet.map((c) => c.step.id))] }, nodes: { list: quiet.map(where) }, window: sig.window }),
              short.length ? say('log-signatures.none.partial', { nodes: { list: short.map((c) => `${where(c)}: ${spanText(c.covers as number)}`) } }) : undefined,
              absentNodes.length ? say('log-signatures.absent', { nodes: { list: absentNodes } }) : undefined,
            ]),
          }),
        }),
      );
    }
    if (unread.length) {
      const t = texts({
        title: say('log-signatures.title.skipped', { title, nodes: { list: [...new Set(unread.map((u) => u.node))] } }),
        explanation: parts(unread.map((u) => say('log-signatures.skipped.node', { node: sig.steps.length > 1 ? `${u.node} (${u.step})` : u.node, why: u.why }))),
      });
      findings.push({ ...finding({ check, severity: 'info', evidence: unread.flatMap((u) => (u.evidence ? [u.evidence] : [])), ...t }), status: 'SKIPPED', skippedReason: t.explanation });
    }
  }
  return findings;
}
