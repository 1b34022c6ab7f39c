/**
 * certificates: how long each certificate the nodes serve or use has left (HAProxy's TLS files and
 * what its frontends serve, Kolla's certificates, OVS/OVN and libvirt PKI), by each node's own
 * clock: expired or under 7 days is critical, under 30 days a warning. A certificate copied to
 * several nodes (HAProxy's on every controller) is one finding naming them all. It also says when
 * HAProxy serves another certificate than its file holds (renewed on disk, not reloaded), and when
 * `openssl verify` finds the chain wrong (not merely an issuer this node does not know).
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseCerts, verifyProblem, type Cert } from './parse.js';

const STEP = 'certs';
export const WARN_DAYS = 30;
export const CRIT_DAYS = 7;

interface Seen {
  out: StepOutput;
  cert: Cert;
  days: number | null;
}

const daysText = (d: number): string => (Math.abs(d) < 1 ? d.toFixed(1) : String(Math.round(d)));

/** One key per distinct certificate: its fingerprint, else what the node said of it. */
const keyOf = (s: Seen): string => s.cert.fingerprint || `${s.out.node}:${s.cert.kind}:${s.cert.where}`;

function group(seen: Seen[]): Seen[][] {
  const by = new Map<string, Seen[]>();
  for (const s of seen) by.set(keyOf(s), [...(by.get(keyOf(s)) ?? []), s]);
  return [...by.values()];
}

/** "controller-1:/etc/kolla/haproxy/haproxy.pem", "198.18.1.9:5000 (controller-1)". */
function placeOf(s: Seen): string {
  return s.cert.kind === 'served' ? `${s.cert.where} (${s.out.node})` : `${s.out.node}:${s.cert.where}`;
}

/** Where a certificate is, in words of no language: "PATH (node, node), ADDR:PORT". */
function places(g: Seen[]): string {
  const byPath = new Map<string, string[]>();
  for (const s of g.filter((x) => x.cert.kind === 'file')) byPath.set(s.cert.where, [...new Set([...(byPath.get(s.cert.where) ?? []), s.out.node])]);
  const served = [...new Set(g.filter((s) => s.cert.kind === 'served').map((s) => s.cert.where))];
  return [...[...byPath.entries()].map(([p, nodes]) => `${p} (${nodes.join(', ')})`), ...served].join(', ');
}

function ev(g: Seen[]): Evidence[] {
  // One quote per node and what it is: the header, dates, subject, issuer, and the node's clock.
  const byNode = new Map<string, { out: StepOutput; lines: string[] }>();
  for (const s of g) {
    const e = byNode.get(s.out.node) ?? { out: s.out, lines: [] };
    const now = parseCerts(s.out.stdout).nowLine;
    if (now && !e.lines.includes(now)) e.lines.push(now);
    for (const l of s.cert.lines) if (!e.lines.includes(l)) e.lines.push(l);
    byNode.set(s.out.node, e);
  }
  return [...byNode.values()].map((e) => evidence(e.out, e.lines));
}

export const analyze: Analyzer = (input) => {
  const found: Finding[] = [];
  const seen: Seen[] = [];
  const unreadable: Seen[] = [];
  const answered: string[] = [];
  for (const out of completed(input, STEP)) {
    if (out.state !== 'succeeded') continue;
    const nc = parseCerts(out.stdout);
    if (!nc.complete) continue;
    answered.push(out.node);
    for (const cert of nc.certs) {
      const days = cert.notAfterSec !== null && nc.now !== null ? (cert.notAfterSec - nc.now) / 86400 : null;
      const s = { out, cert, days };
      if (cert.unreadable) unreadable.push(s);
      else seen.push(s);
    }
  }
  const failed = completed(input, STEP).filter((o) => o.state !== 'succeeded' || !parseCerts(o.stdout).complete);
  if (failed.length) {
    const nodes = failed.map((o) => o.node).join(', ');
    const t = texts({ title: say('certificates.failed.title', { nodes }), explanation: say('certificates.failed.explanation', { nodes }) });
    const evs = failed.map((o) => evidence(o, [(o.stderr || o.stdout).split('\n').find((l) => l.trim()) ?? ''].filter(Boolean))).filter((e) => e.lines.length);
    found.push({ ...skipped('certificates.read', t.title, t.explanation, evs), text: t.text });
  }
  if (unreadable.length) {
    const list = unreadable.map(placeOf).join(', ');
    const t = texts({ title: say('certificates.unreadable.title', { count: unreadable.length }), explanation: say('certificates.unreadable.explanation', { list }) });
    found.push({ ...skipped('certificates.read', t.title, t.explanation, ev(unreadable)), text: t.text });
  }

  const fine: Seen[][] = [];
  for (const g of group(seen)) {
    const first = g[0] as Seen;
    const c = first.cert;
    if (c.error && c.kind === 'served') {
      found.push(
        finding({
          check: 'certificates.served',
          severity: 'warning',
          ...texts({ title: say('certificates.no-tls.title', { addr: c.where }), explanation: say('certificates.no-tls.explanation', { addr: c.where, nodes: [...new Set(g.map((s) => s.out.node))].join(', ') }), likelyCause: say('certificates.no-tls.cause'), nextStep: say('certificates.no-tls.next', { addr: c.where }) }),
          evidence: ev(g),
        }),
      );
      continue;
    }
    const days = Math.min(...g.map((s) => s.days ?? Infinity));
    if (!Number.isFinite(days)) continue;
    const where = places(g);
    const params = { subject: c.subject, issuer: c.issuer, notAfter: c.notAfter ?? '', days: daysText(Math.abs(days)), where };
    if (days < CRIT_DAYS || days < WARN_DAYS) {
      const expired = days <= 0;
      found.push(
        finding({
          check: 'certificates.expiry',
          severity: days < CRIT_DAYS ? 'critical' : 'warning',
          ...texts({
            title: say(expired ? 'certificates.expired.title' : 'certificates.expiring.title', params),
            explanation: say(expired ? 'certificates.expired.explanation' : 'certificates.expiring.explanation', { ...params, warn: WARN_DAYS, crit: CRIT_DAYS }),
            likelyCause: say('certificates.expiring.cause'),
            nextStep: say(`certificates.next.${first.cert.kind === 'served' || first.cert.tag === 'haproxy' || first.cert.tag === 'kolla' ? 'haproxy' : first.cert.tag === 'libvirt' ? 'libvirt' : 'ovs'}`, params),
          }),
          evidence: ev(g),
        }),
      );
      continue;
    }
    const bad = g.map((s) => verifyProblem(s.cert.verify)).find((v): v is string => v !== null);
    if (bad) {
      found.push(
        finding({
          check: 'certificates.chain',
          severity: 'warning',
          ...texts({ title: say('certificates.chain.title', { subject: c.subject }), explanation: say('certificates.chain.explanation', { ...params, verify: bad }), likelyCause: say('certificates.chain.cause'), nextStep: say('certificates.chain.next') }),
          evidence: ev(g),
        }),
      );
      continue;
    }
    fine.push(g);
  }

  // HAProxy serving another certificate than the file its bind names (renewed, not reloaded).
  for (const s of seen.filter((x) => x.cert.kind === 'served' && x.cert.fingerprint)) {
    const file = seen.find((x) => x.out.node === s.out.node && x.cert.kind === 'file' && x.cert.where === s.cert.tag && x.cert.fingerprint);
    if (file && file.cert.fingerprint !== s.cert.fingerprint) {
      found.push(
        finding({
          check: 'certificates.stale',
          severity: 'warning',
          ...texts({
            title: say('certificates.stale.title', { addr: s.cert.where, node: s.out.node }),
            explanation: say('certificates.stale.explanation', { addr: s.cert.where, node: s.out.node, file: file.cert.where, served: s.cert.notAfter ?? '', onDisk: file.cert.notAfter ?? '' }),
            likelyCause: say('certificates.stale.cause'),
            nextStep: say('certificates.stale.next', { node: s.out.node }),
          }),
          evidence: [evidence(s.out, [...file.cert.lines, ...s.cert.lines])],
        }),
      );
    }
  }

  if (fine.length) {
    const soonest = fine.flat().reduce<Seen | null>((a, b) => (b.days !== null && (a === null || a.days === null || b.days < a.days) ? b : a), null);
    found.push(
      finding({
        check: 'certificates.expiry',
        severity: 'ok',
        ...texts({
          title: say('certificates.ok.title', { count: fine.length, warn: WARN_DAYS }),
          explanation: say('certificates.ok.explanation', { count: fine.length, nodes: [...new Set(fine.flat().map((s) => s.out.node))].join(', '), days: daysText(soonest?.days ?? 0), subject: soonest?.cert.subject ?? '' }),
        }),
        evidence: ev(fine.flat()).map((e) => ({ ...e, lines: e.lines.filter((l) => l.startsWith('== ') || l.startsWith('notAfter=')) })),
      }),
    );
  }
  if (!seen.length && !unreadable.length && answered.length) {
    const t = texts({ title: say('certificates.none.title'), explanation: say('certificates.none.explanation', { nodes: answered.join(', ') }) });
    found.push(finding({ check: 'certificates.none', severity: 'info', title: t.title, explanation: t.explanation, text: t.text }));
  }
  return found;
};
