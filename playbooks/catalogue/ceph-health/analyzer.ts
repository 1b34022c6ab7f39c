/**
 * ceph-health: Ceph's own health checks (ceph health detail), each code that stalls OpenStack
 * mapped to what it means for volumes and instances, its likely cause and the next command;
 * `ceph -s` adds the OSD and PG counts. Where no Ceph client or configuration exists it says
 * "not checked: no Ceph here" (never ok, never a problem); a configured cluster whose monitors do
 * not answer is a warning.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseHealth, parseStatus, whyNoReport, type Health, type HealthCheck } from './parse.js';

const HEALTH = 'health';
const STATUS = 'status';

/**
 * Codes with their own cause and next step (main/shared/finding-texts/ceph-health.ts), and how bad
 * they are for OpenStack: full OSDs/pools and inactive PGs block writes (volumes and RBD disks hang),
 * the rest reduce redundancy or slow I/O down while it still works.
 */
export const knownCodes: Record<string, 'critical' | 'warning'> = {
  OSD_DOWN: 'warning',
  OSD_HOST_DOWN: 'warning',
  OSD_NEARFULL: 'warning',
  OSD_BACKFILLFULL: 'warning',
  OSD_FULL: 'critical',
  POOL_NEARFULL: 'warning',
  POOL_FULL: 'critical',
  PG_DEGRADED: 'warning',
  PG_AVAILABILITY: 'critical',
  SLOW_OPS: 'warning',
  MON_CLOCK_SKEW: 'warning',
  MON_DOWN: 'warning',
};

const notChecked = (check: string, title: FindingMessage, explanation: FindingMessage, ev: Evidence[] = []): Finding => {
  const t = texts({ title, explanation });
  return { ...skipped(check, t.title, t.explanation, ev), text: t.text };
};

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';

function codeFinding(c: HealthCheck, out: StepOutput): Finding {
  const known = knownCodes[c.code];
  const severity = c.muted ? 'info' : known === 'critical' || c.severity === 'HEALTH_ERR' ? 'critical' : 'warning';
  // Message ids are lower-case: OSD_DOWN's texts are ceph-health.code.osd-down.*.
  const key = known ? c.code.toLowerCase().replace(/_/g, '-') : 'other';
  return finding({
    check: `ceph.${c.code.toLowerCase()}`,
    severity,
    ...texts({
      title: say('ceph-health.code.title', { code: c.code, summary: c.summary || c.code }),
      explanation: say('ceph-health.code.explanation', {
        node: out.node,
        code: c.code,
        rated: c.severity || '?',
        means: say(`ceph-health.code.${key}.means`, { code: c.code }),
        details: c.details.length,
        muted: c.muted ? say('ceph-health.code.muted') : '',
      }),
      likelyCause: say(`ceph-health.code.${key}.cause`),
      nextStep: say(`ceph-health.code.${key}.next`, { code: c.code }),
    }),
    evidence: [evidence(out, c.lines.slice(0, 12))],
  });
}

function healthFindings(health: Health, out: StepOutput, statusOut: StepOutput | undefined): Finding[] {
  const found = health.checks.map((c) => codeFinding(c, out));
  if (health.checks.length === 0) {
    const status = statusOut ? parseStatus(statusOut.stdout) : null;
    const clean = status?.pgStates.filter((s) => s.state === 'active+clean').reduce((a, s) => a + s.count, 0);
    const statusLine = lines(out.stdout).find((l) => /"status":/.test(l));
    found.push(
      finding({
        check: 'ceph.health',
        severity: health.status === 'HEALTH_OK' ? 'ok' : 'warning',
        ...texts({
          title: say('ceph-health.ok.title', { status: health.status }),
          explanation: status
            ? say('ceph-health.ok.explanation.counts', { node: out.node, up: status.osdsUp ?? '?', in: status.osdsIn ?? '?', osds: status.osds ?? '?', clean: clean ?? '?', pgs: status.pgs ?? '?' })
            : say('ceph-health.ok.explanation', { node: out.node }),
        }),
        evidence: [evidence(out, statusLine ? [statusLine] : []), ...(status && statusOut ? [evidence(statusOut, status.lines.slice(0, 8))] : [])].filter((e) => e.lines.length),
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const outs = completed(input, HEALTH);
  const reported = outs.map((o) => ({ o, h: o.state === 'succeeded' ? parseHealth(o.stdout) : null }));
  const first = reported.find((r) => r.h);
  if (first?.h) {
    const statusOut = completed(input, STATUS).find((o) => o.node === first.o.node && o.state === 'succeeded') ?? completed(input, STATUS).find((o) => o.state === 'succeeded');
    return healthFindings(first.h, first.o, statusOut);
  }
  if (!outs.length) {
    const any = outputsOf(input, HEALTH)[0];
    return [notChecked('ceph.health', say('ceph-health.not-run.title'), say('ceph-health.not-run.explanation', { why: any?.error ?? any?.state ?? say('ceph-health.not-run.none') }))];
  }
  const why = outs.map((o) => ({ o, why: whyNoReport(allText(o), o.exitCode), line: firstLine(o) }));
  const quote = (w: (typeof why)[number]): Evidence => evidence(w.o, w.line ? [w.line] : []);
  const timeouts = why.filter((w) => w.why === 'timeout');
  if (timeouts.length) {
    return [
      finding({
        check: 'ceph.unreachable',
        severity: 'warning',
        ...texts({
          title: say('ceph-health.unreachable.title', { nodes: timeouts.map((w) => w.o.node).join(', ') }),
          explanation: say('ceph-health.unreachable.explanation', { nodes: timeouts.map((w) => w.o.node).join(', ') }),
          likelyCause: say('ceph-health.unreachable.cause'),
          nextStep: say('ceph-health.unreachable.next'),
        }),
        evidence: timeouts.map(quote).filter((e) => e.lines.length),
      }),
    ];
  }
  const absent = why.filter((w) => w.why === 'no-cli' || w.why === 'no-config');
  if (absent.length === why.length) {
    // A fact read from the cluster (no Ceph on its controllers), not a check that failed: info, never ok.
    return [
      finding({
        check: 'ceph.not-here',
        severity: 'info',
        ...texts({ title: say('ceph-health.not-here.title'), explanation: say('ceph-health.not-here.explanation', { nodes: absent.map((w) => w.o.node).join(', ') }) }),
        evidence: absent.map(quote).filter((e) => e.lines.length),
      }),
    ];
  }
  const other = why.filter((w) => w.why === 'no-keyring' || w.why === 'other');
  const w = other[0] ?? why[0];
  return [
    notChecked(
      'ceph.health',
      say('ceph-health.failed.title'),
      say('ceph-health.failed.explanation', { node: w?.o.node ?? '?', line: w?.line || say('ceph-health.exit-code', { code: w?.o.exitCode ?? '?' }), hint: w?.why === 'no-keyring' ? say('ceph-health.failed.keyring') : '' }),
      other.map(quote).filter((e) => e.lines.length),
    ),
  ];
};
