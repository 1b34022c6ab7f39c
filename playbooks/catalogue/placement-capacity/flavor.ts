/**
 * "Why would this flavor fit nowhere?": per provider, the resource that runs out (free < asked,
 * asked > max_unit, min_unit, step_size), cross-checked with Placement's own GET
 * /allocation_candidates (the call nova-scheduler makes).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { finding } from '../../engine/analyze-kit.js';
import type { AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { usageRows, type PlacementDump, type Provider } from './parse.js';
import { evidenceOf, knobFor, semicolons } from './report.js';

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

export interface Verdict {
  p: Provider;
  /** Resource classes that stop the flavor here, with the numbers (placement.limit.KIND). */
  limits: Array<{ rc: string; kind: 'none' | 'max-unit' | 'min-unit' | 'step-size' | 'free'; why: FindingMessage }>;
}

export function judge(p: Provider, asked: Array<[string, number]>): Verdict {
  const rows = new Map(usageRows(p).map((r) => [r.rc, r]));
  const limits: Verdict['limits'] = [];
  for (const [rc, n] of asked) {
    const r = rows.get(rc);
    if (!r?.inv) {
      limits.push({ rc, kind: 'none', why: say('placement.limit.none', { rc, shared: rc === 'DISK_GB' ? say('placement.limit.none.shared') : '' }) });
      continue;
    }
    const i = r.inv;
    if (n > i.max_unit) limits.push({ rc, kind: 'max-unit', why: say('placement.limit.max-unit', { rc, n, max: i.max_unit }) });
    else if (n < i.min_unit) limits.push({ rc, kind: 'min-unit', why: say('placement.limit.min-unit', { rc, n, min: i.min_unit }) });
    else if (n % i.step_size !== 0) limits.push({ rc, kind: 'step-size', why: say('placement.limit.step-size', { rc, n, step: i.step_size }) });
    else if (n > r.free) {
      const why = say('placement.limit.free', { rc, n, free: r.free, capacity: r.capacity, total: i.total, reserved: i.reserved, ratio: i.allocation_ratio, used: r.used });
      limits.push({ rc, kind: 'free', why });
    }
  }
  return { p, limits };
}

/** Why a verdict's provider cannot take the flavor: its limits, joined. */
export const whysOf = (v: Verdict): FindingMessage | string => semicolons(v.limits.map((l) => l.why));

/** "name: why; why | name: why | … and N more provider(s)", each step a message so that every language has words around the bars. */
export function perProviderLimits(vs: Verdict[], detail: number): FindingMessage | string {
  const lines = vs
    .slice(0, detail)
    .reduce<FindingMessage | string>((prev, v) => (prev === '' ? say('placement.flavor.provider', { name: v.p.name, limits: whysOf(v) }) : say('placement.flavor.provider.then', { prev, name: v.p.name, limits: whysOf(v) })), '');
  return vs.length > detail ? say('placement.flavor.more', { prev: lines, count: vs.length - detail }) : lines;
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
    ? say('placement.cand.none')
    : placementAnswered
      ? say('placement.cand.answered', { query: cand.query, count: cand.requests?.length ?? 0, on: fitNames.length ? say('placement.cand.on', { names: fitNames.join(', ') }) : '' })
      : say('placement.cand.failed', { query: cand.query, status: cand.response.status });
  const fits = placementAnswered ? placementFits.size > 0 : fitByNumbers.length > 0;

  const provEvidence = (vs: Verdict[]): Evidence => evidenceOf(out, [...vs.slice(0, DETAIL).flatMap((v) => [v.p.responses.inventories, v.p.responses.usages]), cand?.response]);
  const unreadText = unread.length ? say('placement.flavor.unread', { names: unread.map((p) => p.name).join(', ') }) : '';
  if (!fits) {
    const lines = perProviderLimits(blocked, DETAIL);
    const byRc = new Map<string, string[]>();
    for (const v of blocked) for (const rc of new Set(v.limits.map((l) => l.rc))) byRc.set(rc, [...(byRc.get(rc) ?? []), v.p.name]);
    const sets = blocked.map((v) => [...new Set(v.limits.map((l) => l.rc))].join('+'));
    const names = (vs: Verdict[]): FindingMessage | string => (vs.length > 4 ? say('placement.flavor.n-providers', { count: vs.length }) : vs.map((v) => v.p.name).join(', '));
    const limiting =
      blocked.length > 1 && sets.every((x) => x === sets[0])
        ? say('placement.flavor.limiting.all', { set: sets[0] ?? '', providers: names(blocked) })
        : blocked.length > 4
          ? semicolons([...byRc.entries()].map(([rc, ps]) => say('placement.flavor.limiting.rc-count', { rc, count: ps.length })))
          : semicolons(blocked.map((v, i) => say('placement.flavor.limiting.on', { set: sets[i] ?? '', name: v.p.name })));
    const disagree = placementAnswered && fitByNumbers.length ? say('placement.flavor.disagree', { names: fitByNumbers.map((v) => v.p.name).join(', ') }) : '';
    const maxUnit = blocked.some((v) => v.limits.some((l) => l.kind === 'max-unit'));
    return [
      finding({
        check: CHECK,
        severity: 'critical',
        ...texts({
          title: say('placement.flavor.nowhere.title', { flavor, limiting: limiting || say('placement.flavor.nowhere.no-classes') }),
          explanation: say('placement.flavor.nowhere.explanation', {
            flavor,
            detail: lines ? say('placement.flavor.per-provider', { lines }) : say('placement.flavor.no-inventory', { count: dump.providers.length, rcs: asked.map(([rc]) => rc).join('/') }),
            cand: candText,
            disagree,
            unread: unreadText,
          }),
          likelyCause: say('placement.flavor.nowhere.cause', {
            knobs: semicolons([...byRc.keys()].map((rc) => say('placement.flavor.capacity-set-by', { rc, knob: knobFor(rc) }))),
            maxUnit: maxUnit ? say('placement.flavor.nowhere.cause.max-unit') : '',
          }),
          nextStep: say('placement.flavor.nowhere.next', { resources: asked.map(([rc, n]) => `--resource ${rc}=${n}`).join(' '), uuid: blocked[0]?.p.uuid ?? '<provider uuid>' }),
        }),
        evidence: [provEvidence(blocked)],
      }),
    ];
  }
  const names = placementAnswered ? fitNames : fitByNumbers.map((v) => v.p.name);
  const note = placementAnswered && !fitByNumbers.length ? say('placement.flavor.fits.combined') : '';
  const notOn = blocked
    .slice(0, DETAIL)
    .reduce<FindingMessage | string>((prev, v) => (prev === '' ? say('placement.flavor.not-on.item', { name: v.p.name, limits: whysOf(v) }) : say('placement.flavor.not-on.then', { prev, name: v.p.name, limits: whysOf(v) })), '');
  const blockedText = notOn ? say('placement.flavor.not-on', { items: notOn }) : '';
  return [
    finding({
      check: CHECK,
      severity: 'ok',
      ...texts({
        title: say('placement.flavor.fits.title', { flavor, count: names.length, names: `${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}` }),
        explanation: say('placement.flavor.fits.explanation', { flavor, cand: candText, note, blocked: blockedText, unread: unreadText }),
      }),
      evidence: [cand && placementAnswered ? evidenceOf(out, [cand.response]) : provEvidence(fitByNumbers)],
    }),
  ];
}
