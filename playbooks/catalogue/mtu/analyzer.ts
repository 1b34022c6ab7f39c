/**
 * mtu: does the largest tenant network's packet, wrapped in its tunnel, still fit the underlay?
 *
 * Neutron (ML2/OVN) sets each network's MTU to the physical MTU minus the tunnel's overhead and
 * writes it into the OVN Northbound DB (Logical_Switch external_ids neutron:mtu). The overhead is
 * Neutron's: Geneve with OVN's 38-byte header 58 bytes over IPv4 (78 over IPv6), VXLAN 50 (70). The
 * tunnel leaves each chassis from the address in its Southbound Encap row; the interface holding
 * that address on the compute has the underlay MTU.
 * - network MTU + overhead > underlay MTU on a compute: critical, naming the network(s), the node
 *   and the interface (a full-size packet does not fit: dropped, or fragmented where DF is clear).
 * - tunnel interfaces with different MTUs on different computes: warning (one path is smaller).
 * Provider networks (a localnet port: flat/VLAN) are not tunnelled and are left out.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { overheadOf, parseEncaps, parseLinks, parseNetworks, type Encap, type Network } from './parse.js';

interface Tunnel {
  out: StepOutput;
  encap: Encap;
  iface: string;
  family: 'inet' | 'inet6';
  addrLine: string;
  mtu: number;
  mtuLine: string;
  overhead: number;
}

const firstOk = (outs: StepOutput[]): StepOutput | undefined => outs.find((o) => o.state === 'succeeded');

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const netOut = firstOk(completed(input, 'networks'));
  const encOut = firstOk(completed(input, 'encaps'));
  const nets = netOut ? parseNetworks(netOut.stdout) : null;
  const encs = encOut ? parseEncaps(encOut.stdout) : null;
  const skip = (id: string, params: Record<string, string>, ev: Evidence[] = []): void => {
    const t = texts({ title: say(`mtu.${id}.title`, params), explanation: say(`mtu.${id}.explanation`, params) });
    findings.push({ ...skipped('mtu.fit', t.title, t.explanation, ev), text: t.text });
  };
  if (!outputsOf(input, 'networks').length && !outputsOf(input, 'encaps').length && !outputsOf(input, 'links').length) {
    skip('not-run', {});
    return findings;
  }
  if (!nets?.ok || !encs?.ok) {
    const bad = !nets?.ok ? { out: netOut ?? completed(input, 'networks')[0], what: 'Northbound' } : { out: encOut ?? completed(input, 'encaps')[0], what: 'Southbound' };
    const other = bad.out ? [...(bad.what === 'Northbound' ? (nets?.other ?? []) : (encs?.other ?? [])), ...bad.out.stderr.split('\n').filter(Boolean).slice(0, 2)] : [];
    skip('db', { db: bad.what }, bad.out && other.length ? [evidence(bad.out, other.filter((l) => bad.out?.stdout.includes(l) || bad.out?.stderr.includes(l)).slice(0, 3))] : []);
    return findings;
  }
  const overlay = nets.networks.filter((n) => !n.provider && n.mtu !== null);
  // Each compute's tunnel: the interface that holds its chassis' Encap IP.
  const tunnels: Tunnel[] = [];
  const noTunnel: StepOutput[] = [];
  for (const out of completed(input, 'links').filter((o) => o.state === 'succeeded')) {
    const links = parseLinks(out.stdout);
    const hit = encs.encaps.flatMap((e) => links.addrs.filter((a) => a.ip === e.ip).map((a) => ({ e, a })))[0];
    const mtu = hit ? links.mtu.get(hit.a.iface) : undefined;
    if (!hit || !mtu) {
      noTunnel.push(out);
      continue;
    }
    tunnels.push({ out, encap: hit.e, iface: hit.a.iface, family: hit.a.family, addrLine: hit.a.line, mtu: mtu.mtu, mtuLine: mtu.line, overhead: overheadOf(hit.e.type, hit.a.family) });
  }
  const netEvidence = (ns: Network[]): Evidence[] => (netOut ? [evidence(netOut, ns.slice(0, 5).map((n) => n.line))] : []);
  const fits: Tunnel[] = [];
  for (const t of tunnels) {
    const tooBig = overlay.filter((n) => (n.mtu ?? 0) + t.overhead > t.mtu).sort((a, b) => (b.mtu ?? 0) - (a.mtu ?? 0));
    if (!tooBig.length) {
      fits.push(t);
      continue;
    }
    const biggest = tooBig[0]?.mtu ?? 0;
    const p = { node: t.out.node, iface: t.iface, underlay: t.mtu, type: t.encap.type, overhead: t.overhead, count: tooBig.length, networks: tooBig.slice(0, 5).map((n) => `${n.name} (${n.mtu})`).join(', '), mtu: biggest, need: biggest + t.overhead, max: t.mtu - t.overhead };
    findings.push(
      finding({
        check: 'mtu.fit',
        severity: 'critical',
        ...texts({ title: say('mtu.fit.title', p), explanation: say('mtu.fit.explanation', p), likelyCause: say('mtu.fit.cause'), nextStep: say('mtu.fit.next', p) }),
        evidence: [evidence(t.out, [t.addrLine, t.mtuLine]), ...(encOut ? [evidence(encOut, [t.encap.line])] : []), ...netEvidence(tooBig)],
      }),
    );
  }
  const distinct = [...new Set(tunnels.map((t) => t.mtu))];
  if (distinct.length > 1) {
    const by = distinct.map((m) => `${m}: ${tunnels.filter((t) => t.mtu === m).map((t) => `${t.out.node} ${t.iface}`).join(', ')}`).join('; ');
    findings.push(
      finding({
        check: 'mtu.mismatch',
        severity: 'warning',
        ...texts({ title: say('mtu.mismatch.title', { count: distinct.length, mtus: distinct.join(', ') }), explanation: say('mtu.mismatch.explanation', { by }), likelyCause: say('mtu.mismatch.cause'), nextStep: say('mtu.mismatch.next') }),
        evidence: tunnels.map((t) => evidence(t.out, [t.mtuLine])),
      }),
    );
  }
  if (distinct.length === 1 && tunnels.length > 1) {
    findings.push(
      finding({
        check: 'mtu.mismatch',
        severity: 'ok',
        ...texts({ title: say('mtu.same.title', { count: tunnels.length, mtu: distinct[0] ?? 0 }), explanation: say('mtu.same.explanation', { tunnels: tunnels.map((t) => `${t.out.node} ${t.iface}`).join(', ') }) }),
        evidence: tunnels.map((t) => evidence(t.out, [t.mtuLine])),
      }),
    );
  }
  if (fits.length) {
    const largest = overlay.reduce((m, n) => Math.max(m, n.mtu ?? 0), 0);
    findings.push(
      finding({
        check: 'mtu.fit',
        severity: overlay.length ? 'ok' : 'info',
        ...texts({
          title: say(overlay.length ? 'mtu.ok.title' : 'mtu.no-networks.title', { count: overlay.length, nodes: fits.length, mtu: largest }),
          explanation: say(overlay.length ? 'mtu.ok.explanation' : 'mtu.no-networks.explanation', {
            tunnels: fits.map((t) => `${t.out.node} ${t.iface} ${t.mtu} (${t.encap.type}, ${t.overhead})`).join(', '),
            mtu: largest,
            providers: nets.networks.filter((n) => n.provider).length,
          }),
        }),
        evidence: fits.map((t) => evidence(t.out, [t.addrLine, t.mtuLine])),
      }),
    );
  }
  if (noTunnel.length) {
    findings.push(
      finding({
        check: 'mtu.tunnel',
        severity: 'info',
        ...texts({ title: say('mtu.no-tunnel.title', { nodes: noTunnel.map((o) => o.node).join(', ') }), explanation: say('mtu.no-tunnel.explanation', { count: encs.encaps.length }) }),
      }),
    );
  }
  return findings;
};
