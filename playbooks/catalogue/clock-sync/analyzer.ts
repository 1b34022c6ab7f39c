/**
 * clock-sync: whether each node's time daemon keeps its clock synchronised and how far off it is
 * (chrony, ntpd or timedatectl), and how far apart the nodes' clocks are from each other. Keystone
 * tokens, Galera and RabbitMQ clustering break on skewed clocks: more than 1 s off is a warning,
 * more than 5 s critical.
 *
 * The spread: every node prints `date +%s.%N` in the `clock` step; the core gives each step's start
 * and end by Stackscope's clock (StepOutput.startedAt/endedAt), so each node's offset from
 * Stackscope lies in [reading − end, reading − start]. The midpoints give the estimate (half the
 * round trip of error each); only a spread the bounds prove (the intervals do not overlap by more
 * than that) is a problem. Without the timing (fixtures, older cores) the raw readings cannot tell a
 * skewed clock from a late start, so the spread is said as info only.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseClock, parseSync, spreadOf, type Reading, type SyncState } from './parse.js';

const CLOCK = 'clock';
const SYNC = 'sync';
/** Offsets (and spreads) past these many seconds are a warning, a critical. */
export const WARN_SEC = 1;
export const CRIT_SEC = 5;

const fmt = (sec: number): string => (Math.abs(sec) < 1 ? `${Math.round(sec * 1000)} ms` : `${sec.toFixed(Math.abs(sec) < 10 ? 2 : 0)} s`);
const levelOf = (sec: number): 'critical' | 'warning' | null => (Math.abs(sec) > CRIT_SEC ? 'critical' : Math.abs(sec) > WARN_SEC ? 'warning' : null);
const sourceName = (s: SyncState): string => ({ chrony: 'chronyd', ntpd: 'ntpd', timedatectl: 'systemd (timedatectl)', none: '', unknown: '' })[s.source];

function syncFindings(outs: StepOutput[]): Finding[] {
  const found: Finding[] = [];
  const fine: Array<{ out: StepOutput; s: SyncState }> = [];
  const none: Array<{ out: StepOutput; s: SyncState }> = [];
  for (const out of outs) {
    const s = parseSync(out.stdout);
    if (s.source === 'none' || s.source === 'unknown') {
      none.push({ out, s });
      continue;
    }
    const ev = [evidence(out, s.lines)];
    if (s.synchronised === false) {
      found.push(
        finding({
          check: 'clock.unsynchronised',
          severity: s.offsetSec !== null && Math.abs(s.offsetSec) > CRIT_SEC ? 'critical' : 'warning',
          ...texts({
            title: say('clock-sync.unsynced.title', { node: out.node, source: sourceName(s) }),
            explanation: say('clock-sync.unsynced.explanation', {
              node: out.node,
              source: sourceName(s),
              offset: s.offsetSec === null ? '' : say('clock-sync.offset.part', { offset: fmt(s.offsetSec) }),
            }),
            likelyCause: say('clock-sync.unsynced.cause'),
            nextStep: say(`clock-sync.next.${s.source}`, { node: out.node }),
          }),
          evidence: ev,
        }),
      );
      continue;
    }
    const level = s.offsetSec === null ? null : levelOf(s.offsetSec);
    if (level && s.offsetSec !== null) {
      found.push(
        finding({
          check: 'clock.offset',
          severity: level,
          ...texts({
            title: say('clock-sync.offset.title', { node: out.node, offset: fmt(Math.abs(s.offsetSec)), way: say(s.offsetSec > 0 ? 'clock-sync.ahead' : 'clock-sync.behind') }),
            explanation: say('clock-sync.offset.explanation', { node: out.node, source: sourceName(s), offset: fmt(s.offsetSec), warn: WARN_SEC, crit: CRIT_SEC }),
            likelyCause: say('clock-sync.offset.cause'),
            nextStep: say(`clock-sync.next.${s.source}`, { node: out.node }),
          }),
          evidence: ev,
        }),
      );
      continue;
    }
    fine.push({ out, s });
  }
  if (fine.length) {
    const offsets = fine.map((f) => f.s.offsetSec).filter((x): x is number => x !== null);
    const worst = offsets.length ? Math.max(...offsets.map(Math.abs)) : null;
    found.push(
      finding({
        check: 'clock.sync',
        severity: 'ok',
        ...texts({
          title: say('clock-sync.ok.title', { count: fine.length }),
          explanation: say('clock-sync.ok.explanation', {
            nodes: fine.map((f) => `${f.out.node} (${sourceName(f.s)})`).join(', '),
            worst: worst === null ? '' : say('clock-sync.ok.worst', { offset: fmt(worst) }),
          }),
        }),
        evidence: fine.map((f) => evidence(f.out, f.s.lines)),
      }),
    );
  }
  if (none.length) {
    // Could not check, with what each tool said: never ok, never a problem (the lab runs no time daemon).
    const t = texts({ title: say('clock-sync.none.title', { nodes: none.map((n) => n.out.node).join(', ') }), explanation: say('clock-sync.none.explanation', { count: none.length }) });
    found.push({ ...skipped('clock.sync-daemon', t.title, t.explanation, none.map((n) => evidence(n.out, n.s.lines.slice(0, 3)))), text: t.text });
  }
  return found;
}

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t / 1000 : null;
};

function spreadFindings(outs: StepOutput[]): Finding[] {
  const readings: Reading[] = [];
  for (const out of outs) {
    if (out.state !== 'succeeded') continue;
    const read = parseClock(out.stdout);
    if (read === null) continue;
    const { at, line } = read;
    const start = ms(out.startedAt);
    const end = ms(out.endedAt);
    readings.push({ node: out.node, at, line, lo: end === null ? null : at - end, hi: start === null ? null : at - start });
  }
  if (readings.length < 2) return [];
  const ev: Evidence[] = readings.map((r) => ({ node: r.node, step: CLOCK, lines: [r.line] }));
  const timed = readings.filter((r): r is Reading & { lo: number; hi: number } => r.lo !== null && r.hi !== null && r.hi >= r.lo);
  if (timed.length < readings.length) {
    const raw = Math.max(...readings.map((r) => r.at)) - Math.min(...readings.map((r) => r.at));
    return [
      finding({
        check: 'clock.spread',
        severity: 'info',
        ...texts({ title: say('clock-sync.spread.untimed.title', { count: readings.length, spread: fmt(raw) }), explanation: say('clock-sync.spread.untimed.explanation') }),
        evidence: ev,
      }),
    ];
  }
  const s = spreadOf(timed);
  if (!s) return [];
  const level = levelOf(s.atLeast);
  const out: { title: FindingMessage; explanation: FindingMessage } = level
    ? {
        title: say('clock-sync.spread.bad.title', { node: s.outlier?.node ?? '?', by: fmt(Math.abs(s.outlier?.bySec ?? 0)), way: say((s.outlier?.bySec ?? 0) > 0 ? 'clock-sync.ahead' : 'clock-sync.behind') }),
        explanation: say('clock-sync.spread.bad.explanation', { count: timed.length, spread: fmt(s.estimate), atLeast: fmt(s.atLeast), rtt: fmt(s.halfRoundTrip) }),
      }
    : {
        title: say('clock-sync.spread.ok.title', { count: timed.length, spread: fmt(s.estimate) }),
        explanation: say('clock-sync.spread.ok.explanation', { rtt: fmt(s.halfRoundTrip), warn: WARN_SEC }),
      };
  return [
    finding({
      check: 'clock.spread',
      severity: level ?? 'ok',
      ...texts({ ...out, ...(level ? { likelyCause: say('clock-sync.spread.cause'), nextStep: say('clock-sync.spread.next', { node: s.outlier?.node ?? '?' }) } : {}) }),
      evidence: ev,
    }),
  ];
}

export const analyze: Analyzer = (input) => {
  const findings = [...syncFindings(completed(input, SYNC).filter((o) => o.state === 'succeeded')), ...spreadFindings(completed(input, CLOCK))];
  if (!outputsOf(input, SYNC).length && !outputsOf(input, CLOCK).length) {
    const t = texts({ title: say('clock-sync.not-run.title'), explanation: say('clock-sync.not-run.explanation') });
    findings.push({ ...skipped('clock.sync', t.title, t.explanation), text: t.text });
  }
  return findings;
};
