/**
 * keystone-health: whether every Keystone node holds the same Fernet keys (compared by hashes made
 * on the nodes) and whether a token issued by one node is accepted by the others and through the
 * VIP. A node whose primary key the others lack issues tokens they refuse; a node that lacks their
 * primary refuses theirs: both are critical (users see random 401s through the VIP). Keys that
 * differ only in the staged or older keys are a warning (the next rotation, or older tokens, break).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { issuedOk, parseKeys, parseTokens, primaryOf, signatureOf, type KeyRepo, type TokenChecks } from './parse.js';

const KEYS = 'keys';
const TOKENS = 'tokens';

interface Read {
  out: StepOutput;
  repo: KeyRepo;
}

const keyList = (r: KeyRepo): string => r.keys.map((k) => k.num).join(', ');
const hasKey = (r: KeyRepo, hash: string | null | undefined): boolean => hash !== null && hash !== undefined && r.keys.some((k) => k.hash === hash);

/** Groups of nodes holding the same key set, the largest first (ties: the group of the first node). */
function groups(reads: Read[]): Read[][] {
  const by = new Map<string, Read[]>();
  for (const r of reads) {
    const sig = signatureOf(r.repo);
    by.set(sig, [...(by.get(sig) ?? []), r]);
  }
  return [...by.values()].sort((a, b) => b.length - a.length);
}

function keyFindings(input: AnalyzerInput): { findings: Finding[]; absent: string[]; mismatch: boolean } {
  const found: Finding[] = [];
  const reads: Read[] = [];
  const absent: string[] = [];
  const unread: Read[] = [];
  for (const out of completed(input, KEYS)) {
    const repo = parseKeys(out.stdout);
    // Kolla without a keystone container on this node: no Keystone here, not a failure to read one.
    if (out.state === 'failed' && /No such container: keystone\b/.test(out.stderr)) absent.push(out.node);
    else if (out.state !== 'succeeded' || repo.state === 'missing' || repo.state === 'unreadable') unread.push({ out, repo });
    else if (repo.state === 'absent') absent.push(out.node);
    else reads.push({ out, repo });
  }
  if (unread.length) {
    const nodes = unread.map((u) => u.out.node).join(', ');
    const t = texts({ title: say('keystone-health.keys.unread.title', { nodes }), explanation: say('keystone-health.keys.unread.explanation', { nodes }), nextStep: say('keystone-health.keys.unread.next') });
    const ev = unread.map((u) => evidence(u.out, u.repo.lines.length ? u.repo.lines.slice(0, 4) : [(u.out.stderr || u.out.stdout).split('\n').find((l) => l.trim()) ?? ''].filter(Boolean)));
    found.push({ ...skipped('keystone.fernet-keys', t.title, t.explanation, ev.filter((e) => e.lines.length)), nextStep: t.nextStep, text: t.text });
  }
  const gs = groups(reads);
  const [main, ...odd] = gs;
  if (main && !odd.length) {
    const r = main[0]?.repo;
    found.push(
      finding({
        check: 'keystone.fernet-keys',
        severity: 'ok',
        ...texts({
          title: say('keystone-health.keys.same.title', { count: main.length }),
          explanation: say(main.length > 1 ? 'keystone-health.keys.same.explanation' : 'keystone-health.keys.one.explanation', { nodes: main.map((x) => x.out.node).join(', '), keys: r ? keyList(r) : '', primary: r ? (primaryOf(r)?.num ?? '?') : '?' }),
        }),
        evidence: main.map((x) => evidence(x.out, x.repo.lines)),
      }),
    );
  }
  if (main && odd.length) {
    const ref = main[0]?.repo as KeyRepo;
    const others = main.map((x) => x.out.node).join(', ');
    const refPrimary = primaryOf(ref);
    for (const g of odd) {
      const mine = g[0]?.repo as KeyRepo;
      const node = g.map((x) => x.out.node).join(', ');
      const myPrimary = primaryOf(mine);
      const theyLackMine = !hasKey(ref, myPrimary?.hash);
      const iLackTheirs = !hasKey(mine, refPrimary?.hash);
      const parts: FindingMessage[] = [];
      if (theyLackMine) parts.push(say('keystone-health.keys.differ.they-refuse', { node, others, primary: myPrimary?.num ?? '?' }));
      if (iLackTheirs) parts.push(say('keystone-health.keys.differ.it-refuses', { node, others, primary: refPrimary?.num ?? '?' }));
      if (!parts.length) parts.push(say('keystone-health.keys.differ.secondary'));
      found.push(
        finding({
          check: 'keystone.fernet-keys',
          severity: theyLackMine || iLackTheirs ? 'critical' : 'warning',
          ...texts({
            title: say('keystone-health.keys.differ.title', { node, others }),
            explanation: say('keystone-health.keys.differ.explanation', { node, mine: keyList(mine), others, theirs: keyList(ref), dir: mine.dir, consequences: parts }),
            likelyCause: say('keystone-health.keys.differ.cause'),
            nextStep: say(`keystone-health.keys.differ.next.${input.deployment}`, { node, from: main[0]?.out.node ?? '', dir: ref.dir }),
          }),
          evidence: [...g.map((x) => evidence(x.out, x.repo.lines)), ...main.map((x) => evidence(x.out, x.repo.lines))],
        }),
      );
    }
  }
  return { findings: found, absent, mismatch: odd.length > 0 };
}

/** HAProxy's server names, or the cluster's node whose address a server has. */
function nodeName(input: AnalyzerInput, t: TokenChecks, server: string): string {
  const s = t.servers.find((x) => x.name === server);
  const ip = s?.addr.replace(/:\d+$/, '');
  return input.nodes.find((n) => n.name === server)?.name ?? input.nodes.find((n) => ip !== undefined && n.host === ip)?.name ?? server;
}

function tokenFindings(input: AnalyzerInput, keysMismatch: boolean, noKeystone: boolean): Finding[] {
  const out = completed(input, TOKENS).find((o) => o.state === 'succeeded');
  if (!out) {
    // The engine says why a step that never completed could not check; a failed one is said here.
    const failed = completed(input, TOKENS)[0];
    if (!failed || noKeystone) return [];
    const line = (failed.stderr || failed.stdout).split('\n').find((l) => l.trim());
    const t = texts({ title: say('keystone-health.tokens.failed.title'), explanation: say('keystone-health.tokens.failed.explanation', { code: failed.exitCode ?? '?' }) });
    return [{ ...skipped('keystone.tokens', t.title, t.explanation, line ? [evidence(failed, [line])] : []), text: t.text }];
  }
  const t = parseTokens(out.stdout);
  const found: Finding[] = [];
  const ev = (ls: string[]): Evidence => evidence(out, ls);
  const vipFailed = t.vipIssue !== null && !issuedOk(t.vipIssue.code);
  const noCreds = t.nodes === 'no-credentials' || (t.vipIssue === null && t.nodes !== 'listed');
  if (noCreds || (t.vipIssue !== null && ['401', 'failed'].includes(t.vipIssue.code) && !t.issued.some((i) => issuedOk(i.code)))) {
    if (noKeystone) return [];
    const x = texts({ title: say('keystone-health.tokens.no-credentials.title'), explanation: say('keystone-health.tokens.no-credentials.explanation'), nextStep: say('keystone-health.tokens.no-credentials.next') });
    return [{ ...skipped('keystone.tokens', x.title, x.explanation, t.vipIssue ? [ev([t.vipIssue.line])] : []), nextStep: x.nextStep, text: x.text }];
  }
  if (vipFailed && t.vipIssue) {
    found.push(
      finding({
        check: 'keystone.vip-token',
        severity: 'critical',
        ...texts({
          title: say('keystone-health.vip.issue.title', { code: t.vipIssue.code }),
          explanation: say('keystone-health.vip.issue.explanation', { url: t.vipUrl ?? '', code: t.vipIssue.code }),
          likelyCause: say('keystone-health.vip.issue.cause'),
          nextStep: say('keystone-health.vip.issue.next'),
        }),
        evidence: [ev([t.vipIssue.line])],
      }),
    );
  }
  const badVip = t.vipChecks.filter((c) => c.code !== '200');
  if (badVip.length) {
    found.push(
      finding({
        check: 'keystone.vip-token',
        severity: 'critical',
        ...texts({
          title: say('keystone-health.vip.refused.title', { bad: badVip.length, count: t.vipChecks.length }),
          explanation: say('keystone-health.vip.refused.explanation', { bad: badVip.length, count: t.vipChecks.length, codes: [...new Set(badVip.map((c) => c.code))].join(', ') }),
          likelyCause: say(keysMismatch ? 'keystone-health.vip.refused.cause.keys' : 'keystone-health.vip.refused.cause'),
          nextStep: say('keystone-health.vip.refused.next'),
        }),
        evidence: [ev(t.vipChecks.map((c) => c.line))],
        ...(keysMismatch ? { explainedBy: ['keystone.fernet-keys'] } : {}),
      }),
    );
  }
  // Issued with the VIP's token (no password here): a node that refuses that token (401/404) shows
  // the same key mismatch as the checks below, not a node of its own failing.
  const refusedBase = (code: string): boolean => (code === '401' || code === '404') && (keysMismatch || t.checks.some((c) => c.code === '401' || c.code === '404') || t.vipChecks.some((c) => c.code !== '200'));
  const down = t.issued.filter((i) => !issuedOk(i.code) && !refusedBase(i.code));
  for (const d of down) {
    const node = nodeName(input, t, d.node);
    const unreachable = d.code === '000';
    found.push(
      finding({
        check: 'keystone.node-token',
        severity: 'warning',
        ...texts({
          title: say(unreachable ? 'keystone-health.node.down.title' : 'keystone-health.node.issue.title', { node, code: d.code }),
          explanation: say(unreachable ? 'keystone-health.node.down.explanation' : 'keystone-health.node.issue.explanation', { node, code: d.code, addr: t.servers.find((s) => s.name === d.node)?.addr ?? '' }),
          likelyCause: say(unreachable ? 'keystone-health.node.down.cause' : 'keystone-health.node.issue.cause'),
          nextStep: say('keystone-health.node.next', { node }),
        }),
        evidence: [ev([t.servers.find((s) => s.name === d.node)?.line, d.line].filter((l): l is string => l !== undefined))],
      }),
    );
  }
  // A check that got no answer (000) is the node being down, said above; a refusal is an answer.
  const refused = t.checks.filter((c) => c.code !== '200' && c.code !== '000');
  if (refused.length) {
    const pairs = refused.map((c) => `${nodeName(input, t, c.from)} → ${nodeName(input, t, c.on)} (HTTP ${c.code})`);
    // The node every refusal involves, when there is one: the odd one out.
    const names = [...new Set(t.checks.flatMap((c) => [c.from, c.on]))];
    const common = names.filter((n) => refused.every((c) => c.from === n || c.on === n));
    const odd = common.length === 1 && names.length > 2 ? nodeName(input, t, common[0] as string) : null;
    found.push(
      finding({
        check: 'keystone.cross-validation',
        severity: 'critical',
        ...texts({
          title: odd ? say('keystone-health.cross.odd.title', { node: odd }) : say('keystone-health.cross.title', { bad: refused.length, count: t.checks.length }),
          explanation: say('keystone-health.cross.explanation', { bad: refused.length, count: t.checks.length, pairs: { list: pairs } }),
          likelyCause: say('keystone-health.cross.cause'),
          nextStep: say('keystone-health.cross.next'),
        }),
        evidence: [ev([...t.servers.map((s) => s.line), ...refused.map((c) => c.line)])],
        ...(keysMismatch ? { explainedBy: ['keystone.fernet-keys'] } : {}),
      }),
    );
  }
  if (!found.length) {
    const okIssued = t.issued.filter((i) => issuedOk(i.code));
    found.push(
      finding({
        check: 'keystone.tokens',
        severity: 'ok',
        ...texts({
          title: say(t.nodes === 'listed' ? 'keystone-health.tokens.ok.title' : 'keystone-health.tokens.vip-only.title', { count: okIssued.length }),
          explanation: say(t.nodes === 'listed' ? 'keystone-health.tokens.ok.explanation' : 'keystone-health.tokens.vip-only.explanation', { count: okIssued.length, checks: t.checks.length, vip: t.vipChecks.length }),
        }),
        evidence: [ev([t.vipIssue?.line, ...t.vipChecks.map((c) => c.line), ...t.issued.map((i) => i.line), ...t.checks.map((c) => c.line)].filter((l): l is string => l !== undefined))],
      }),
    );
  }
  return found;
}

/** Refused requests (401) in each node's Keystone log: information, with the counts as evidence. */
function logFindings(input: AnalyzerInput): Finding[] {
  const found: Finding[] = [];
  for (const out of completed(input, KEYS)) {
    if (out.state !== 'succeeded') continue;
    const log = parseKeys(out.stdout).log;
    if (!log || log.refused === 0) continue;
    found.push(
      finding({
        check: 'keystone.refused-requests',
        severity: 'info',
        ...texts({
          title: say('keystone-health.log.title', { node: out.node, refused: log.refused }),
          explanation: say('keystone-health.log.explanation', { node: out.node, refused: log.refused, lines: log.lines, file: log.file, first: log.first, last: log.last }),
        }),
        evidence: [evidence(out, log.evidence)],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const keys = keyFindings(input);
  const ranKeys = completed(input, KEYS);
  // The key step found none anywhere, or ran nowhere (openstack-helm without a keystone-api pod)
  // while the token step found no Keystone to ask either.
  const tokens = completed(input, TOKENS).find((o) => o.state === 'succeeded');
  const tokensSawNone = tokens !== undefined && /^== vip none$/m.test(tokens.stdout) && /^== nodes (none|no-credentials)$/m.test(tokens.stdout);
  const noKeystone = ranKeys.length > 0 ? keys.absent.length === ranKeys.length : !outputsOf(input, KEYS).length && tokensSawNone;
  if (noKeystone && !keys.absent.length) keys.absent.push(...input.nodes.filter((n) => n.roles.includes('controller')).map((n) => n.name));
  const found = [...keys.findings];
  if (noKeystone) {
    const t = texts({ title: say('keystone-health.absent.title', { nodes: keys.absent.join(', ') }), explanation: say('keystone-health.absent.explanation') });
    found.push(finding({ check: 'keystone.absent', severity: 'info', title: t.title, explanation: t.explanation, text: t.text }));
  }
  found.push(...tokenFindings(input, keys.mismatch, noKeystone));
  found.push(...logFindings(input));
  return found;
};
