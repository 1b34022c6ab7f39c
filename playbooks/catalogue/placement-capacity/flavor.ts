/**
 * "Why would this flavor fit nowhere?": per provider, the resource that runs out (free < asked,
 * asked > max_unit, min_unit, step_size), cross-checked with Placement's own GET
 * /allocation_candidates (the call nova-scheduler makes).
 */
import { finding } from '../../engine/analyze-kit.js';
import type { AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { usageRows, type PlacementDump, type Provider } from './parse.js';
import { evidenceOf, knobFor } from './report.js';

const CHECK = 'placement.flavor-fit';
/** Providers quoted one by one; the rest are counted. */
const DETAIL = 12;

export function requestedOf(params: AnalyzerInput['params']): Array<[string, number]> {
  const asked: Array<[string, number]> = [
    ['VCPU', Number(params.vcpu ?? 0)],
    ['MEMORY_MB', Number(params.memory_mb ?? 0)],
    ['DISK_GB', Number(params.disk_gb ?? 0)],
  ];
  return asked.filter(([, n]) => Number.isFinite(n) && n > 0);
}

interface Verdict {
  p: Provider;
  /** Resource classes that stop the flavor here, with the numbers. */
  limits: Array<{ rc: string; why: string }>;
}

function judge(p: Provider, asked: Array<[string, number]>): Verdict {
  const rows = new Map(usageRows(p).map((r) => [r.rc, r]));
  const limits: Verdict['limits'] = [];
  for (const [rc, n] of asked) {
    const r = rows.get(rc);
    if (!r?.inv) {
      limits.push({ rc, why: `${rc}: no ${rc} inventory on this provider${rc === 'DISK_GB' ? ' (if disk comes from a shared storage provider, Placement combines them)' : ''}` });
      continue;
    }
    const i = r.inv;
    if (n > i.max_unit) limits.push({ rc, why: `${rc}: asks ${n} but max_unit is ${i.max_unit} (the most one allocation may take here, whatever is free)` });
    else if (n < i.min_unit) limits.push({ rc, why: `${rc}: asks ${n} but min_unit is ${i.min_unit}` });
    else if (n % i.step_size !== 0) limits.push({ rc, why: `${rc}: asks ${n}, not a multiple of step_size ${i.step_size}` });
    else if (n > r.free) limits.push({ rc, why: `${rc}: asks ${n} but only ${r.free} free (capacity ${r.capacity} = (${i.total} − ${i.reserved}) × ${i.allocation_ratio}, used ${r.used})` });
  }
  return { p, limits };
}

export function flavorFindings(input: AnalyzerInput, out: StepOutput, dump: PlacementDump): Finding[] {
  const asked = requestedOf(input.params);
  if (!asked.length) return [];
  const flavor = asked.map(([rc, n]) => `${rc} ${n}`).join(', ');
  const computeLike = asked.some(([rc]) => rc !== 'DISK_GB');
  const readable = dump.providers.filter((p) => p.inventories && p.usages);
  const unread = dump.providers.filter((p) => !(p.inventories && p.usages));
  const considered = readable.filter((p) => {
    const rcs = Object.keys(p.inventories ?? {});
    return computeLike ? rcs.some((rc) => rc === 'VCPU' || rc === 'PCPU' || rc === 'MEMORY_MB') : rcs.includes('DISK_GB');
  });
  const verdicts = considered.map((p) => judge(p, asked));
  const fitByNumbers = verdicts.filter((v) => !v.limits.length);
  const blocked = verdicts.filter((v) => v.limits.length);

  const cand = dump.candidates;
  const placementAnswered = !!cand?.requests;
  const placementFits = new Set<string>();
  for (const req of cand?.requests ?? []) for (const rp of Object.keys(req)) placementFits.add(rp);
  const nameOf = (uuid: string): string => dump.providers.find((p) => p.uuid === uuid)?.name ?? uuid;
  const order = (uuid: string): number => dump.providers.findIndex((p) => p.uuid === uuid);
  const fitNames = [...placementFits].sort((a, b) => order(a) - order(b)).map(nameOf);
  const candText = !cand
    ? 'GET /allocation_candidates was not made.'
    : placementAnswered
      ? `Placement's GET /allocation_candidates?resources=${cand.query} returned ${cand.requests?.length ?? 0} allocation request(s)${fitNames.length ? ` on ${fitNames.join(', ')}` : ''}.`
      : `GET /allocation_candidates?resources=${cand.query} failed (HTTP ${cand.response.status}), so only the inventories were used.`;
  const fits = placementAnswered ? placementFits.size > 0 : fitByNumbers.length > 0;

  const provEvidence = (vs: Verdict[]): Evidence => evidenceOf(out, [...vs.slice(0, DETAIL).flatMap((v) => [v.p.responses.inventories, v.p.responses.usages]), cand?.response]);
  const unreadText = unread.length ? ` Not read (not judged): ${unread.map((p) => p.name).join(', ')}.` : '';

  if (!fits) {
    const lines = blocked.slice(0, DETAIL).map((v) => `${v.p.name}: ${v.limits.map((l) => l.why).join('; ')}`);
    if (blocked.length > DETAIL) lines.push(`… and ${blocked.length - DETAIL} more provider(s)`);
    const byRc = new Map<string, string[]>();
    for (const v of blocked) for (const rc of new Set(v.limits.map((l) => l.rc))) byRc.set(rc, [...(byRc.get(rc) ?? []), v.p.name]);
    const sets = blocked.map((v) => [...new Set(v.limits.map((l) => l.rc))].join('+'));
    const names = (vs: Verdict[]): string => (vs.length > 4 ? `${vs.length} providers` : vs.map((v) => v.p.name).join(', '));
    const limiting =
      blocked.length > 1 && sets.every((x) => x === sets[0])
        ? `${sets[0]} runs out on every provider (${names(blocked)})`
        : blocked.length > 4
          ? [...byRc.entries()].map(([rc, ps]) => `${rc} on ${ps.length} providers`).join('; ')
          : blocked.map((v, i) => `${sets[i]} on ${v.p.name}`).join('; ');
    const disagree = placementAnswered && fitByNumbers.length ? ` By inventories and usages it would fit on ${fitByNumbers.map((v) => v.p.name).join(', ')}, yet Placement returns no candidate: its view changed between the calls, or the provider tree (nested/shared providers) differs from this per-provider sum; re-run and check the placement-api log.` : '';
    const maxUnit = blocked.some((v) => v.limits.some((l) => /max_unit/.test(l.why)));
    return [
      finding({
        check: CHECK,
        severity: 'critical',
        title: `Flavor (${flavor}) fits nowhere: ${limiting || 'no provider has these resource classes'}`,
        explanation: `No resource provider can take ${flavor}. ${lines.length ? `Per provider: ${lines.join(' | ')}.` : `None of the ${dump.providers.length} provider(s) has ${asked.map(([rc]) => rc).join('/')} inventory.`} ${candText}${disagree} This is what nova-scheduler's "Got no allocation candidates from the Placement API" and the user's "No valid host was found" mean.${unreadText}`,
        evidence: [provEvidence(blocked)],
        likelyCause: `${[...byRc.keys()].map((rc) => `${rc}: capacity is (total − reserved) × allocation_ratio, set by ${knobFor(rc)}`).join('; ')}. Either the computes are full, the reserve/ratio leaves too little${maxUnit ? ', or the flavor is bigger than any single host can take (max_unit is the host size)' : ''}.`,
        nextStep: `openstack allocation candidate list ${asked.map(([rc, n]) => `--resource ${rc}=${n}`).join(' ')} ; openstack resource provider inventory list ${blocked[0]?.p.uuid ?? '<provider uuid>'} ; then free capacity (migrate/delete instances, add computes), fix the reserve/ratio in nova.conf, or use a smaller flavor`,
      }),
    ];
  }
  const names = placementAnswered ? fitNames : fitByNumbers.map((v) => v.p.name);
  const note = placementAnswered && !fitByNumbers.length ? ' The per-provider sum found no single provider with everything (the resources come from several providers: nested or shared storage), but Placement combines them.' : '';
  const blockedText = blocked.length ? ` Not on: ${blocked.slice(0, DETAIL).map((v) => `${v.p.name} (${v.limits.map((l) => l.why).join('; ')})`).join(' | ')}.` : '';
  return [
    finding({
      check: CHECK,
      severity: 'ok',
      title: `Flavor (${flavor}) fits on ${names.length} provider(s): ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`,
      explanation: `Placement has room for ${flavor}. ${candText}${note}${blockedText}${unreadText} If a boot still fails with "No valid host was found", the cause is a nova-scheduler filter (availability zone, aggregate, affinity, disabled compute service, image properties), not Placement capacity.`,
      evidence: [cand && placementAnswered ? evidenceOf(out, [cand.response]) : provEvidence(fitByNumbers)],
    }),
  ];
}
