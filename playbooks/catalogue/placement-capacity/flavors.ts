/**
 * Without a flavor asked for, every enabled Nova flavor: does it still fit on some compute? A
 * flavor that fits nowhere is a NoValidHost waiting for the next user who picks it, whether the
 * computes are full or the reserve and ratios leave less than it asks even on an empty host.
 * Numbers only (inventories and usages, as judge() reads them); the flavor question with its
 * size asks Placement itself.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { finding, lines } from '../../engine/analyze-kit.js';
import type { Evidence, Finding, StepOutput } from '../../engine/types.js';
import { judge, perProviderLimits, type Verdict } from './flavor.js';
import { parseFlavors, type NovaFlavor, type PlacementDump, type Provider } from './parse.js';
import { evidenceOf, knobFor, semicolons, skippedSaying } from './report.js';

const CHECK = 'placement.flavors';
/** Flavors that fit nowhere get a finding each up to this many; more share one. */
const EACH = 5;
/** Providers quoted in a finding's evidence. */
const DETAIL = 8;

const sizeOf = (f: NovaFlavor): string => `${f.vcpus} VCPU, ${f.memoryMb} MB RAM, ${f.diskGb} GB disk`;

/** What the flavor asks of this provider: DISK_GB only where the provider has it (shared storage is elsewhere). */
function askedOn(f: NovaFlavor, p: Provider): Array<[string, number]> {
  const asked: Array<[string, number]> = [
    ['VCPU', f.vcpus],
    ['MEMORY_MB', f.memoryMb],
  ];
  if (f.diskGb > 0 && p.inventories && Object.hasOwn(p.inventories, 'DISK_GB')) asked.push(['DISK_GB', f.diskGb]);
  return asked.filter(([, n]) => n > 0);
}

interface Nowhere {
  f: NovaFlavor;
  verdicts: Verdict[];
  /** Not even an empty compute could take it. */
  never: boolean;
  /** Only DISK_GB stops it: a server booted from a volume still fits. */
  diskOnly: boolean;
}

function limitingOf(n: Nowhere): FindingMessage | string {
  const sets = n.verdicts.map((v) => [...new Set(v.limits.map((l) => l.rc))].join('+'));
  if (n.verdicts.length > 1 && sets.every((x) => x === sets[0])) return say('placement.flavor.limiting.all', { set: sets[0] ?? '', providers: n.verdicts.length > 4 ? say('placement.flavor.n-providers', { count: n.verdicts.length }) : n.verdicts.map((v) => v.p.name).join(', ') });
  return semicolons(n.verdicts.slice(0, 4).map((v, i) => say('placement.flavor.limiting.on', { set: sets[i] ?? '', name: v.p.name })));
}

function evidence(out: StepOutput, nova: StepOutput, flavors: NovaFlavor[], providers: Provider[]): Evidence[] {
  return [
    { node: nova.node, step: nova.step, lines: flavors.map((f) => f.line.text) },
    evidenceOf(out, providers.slice(0, DETAIL).flatMap((p) => [p.responses.inventories, p.responses.usages])),
  ];
}

function nowhereFinding(out: StepOutput, nova: StepOutput, n: Nowhere): Finding {
  const f = n.f;
  const rcs = [...new Set(n.verdicts.flatMap((v) => v.limits.map((l) => l.rc)))];
  return finding({
    check: CHECK,
    severity: 'warning',
    ...texts({
      title: say('placement.flavors.nowhere.title', { name: f.name, flavor: sizeOf(f), limiting: limitingOf(n) }),
      explanation: say('placement.flavors.nowhere.explanation', {
        name: f.name,
        when: say(n.never ? 'placement.flavors.when.never' : 'placement.flavors.when.now'),
        detail: say('placement.flavor.per-provider', { lines: perProviderLimits(n.verdicts, DETAIL) }),
        disk: n.diskOnly ? say('placement.flavors.disk-only') : '',
        vcpus: f.vcpus,
        memory: f.memoryMb,
        disk_gb: f.diskGb,
      }),
      likelyCause: say('placement.flavor.nowhere.cause', {
        knobs: semicolons(rcs.map((rc) => say('placement.flavor.capacity-set-by', { rc, knob: knobFor(rc) }))),
        maxUnit: n.verdicts.some((v) => v.limits.some((l) => l.kind === 'max-unit')) ? say('placement.flavor.nowhere.cause.max-unit') : '',
      }),
      nextStep: say('placement.flavors.nowhere.next', { name: f.name, vcpus: f.vcpus, memory: f.memoryMb, disk_gb: f.diskGb }),
    }),
    evidence: evidence(out, nova, [f], n.verdicts.map((v) => v.p)),
  });
}

export function everyFlavorFindings(out: StepOutput, dump: PlacementDump, nova: StepOutput | undefined): Finding[] {
  if (!nova) return [skippedSaying(CHECK, say('placement.flavors.skipped.title', { node: out.node }), say('placement.flavors.skipped.no-step'))];
  const facts = parseFlavors(nova.stdout);
  if (!facts.checked) {
    const noTable = lines(nova.stdout).find((l) => /^no table nova_api\.flavors/.test(l));
    const errs = lines(nova.stderr).filter((l) => l.trim());
    return [
      skippedSaying(CHECK, say('placement.flavors.skipped.title', { node: nova.node }), say(noTable ? 'placement.flavors.skipped.no-table' : 'placement.flavors.skipped.error', { node: nova.node }), [
        { node: nova.node, step: nova.step, lines: noTable ? [noTable] : errs.slice(-5) },
      ]),
    ];
  }
  const computes = dump.providers.filter((p) => p.inventories && p.usages && (Object.hasOwn(p.inventories, 'VCPU') || Object.hasOwn(p.inventories, 'MEMORY_MB')));
  if (!computes.length) return [skippedSaying(CHECK, say('placement.flavors.skipped.title', { node: nova.node }), say('placement.flavors.skipped.no-compute', { count: dump.providers.length }))];
  const special = facts.flavors.filter((f) => f.special);
  const judged = facts.flavors.filter((f) => !f.special && (f.vcpus > 0 || f.memoryMb > 0));
  const nowhere: Nowhere[] = [];
  const fitsOn = new Map<NovaFlavor, Provider[]>();
  for (const f of judged) {
    const verdicts = computes.map((p) => judge(p, askedOn(f, p)));
    const fit = verdicts.filter((v) => !v.limits.length).map((v) => v.p);
    if (fit.length) {
      fitsOn.set(f, fit);
      continue;
    }
    const never = computes.every((p) => judge({ ...p, usages: {} }, askedOn(f, p)).limits.length > 0);
    const diskOnly = verdicts.every((v) => v.limits.every((l) => l.rc === 'DISK_GB'));
    nowhere.push({ f, verdicts, never, diskOnly });
  }
  const specialText = special.length ? say('placement.flavors.special', { names: special.map((f) => f.name).join(', ') }) : '';
  if (!nowhere.length) {
    const largest = [...fitsOn.keys()].sort((a, b) => b.memoryMb - a.memoryMb || b.vcpus - a.vcpus)[0];
    const on = largest ? (fitsOn.get(largest) ?? []) : [];
    return [
      finding({
        check: CHECK,
        severity: 'ok',
        ...texts({
          title: say('placement.flavors.ok.title', { count: judged.length, computes: computes.length }),
          explanation: say('placement.flavors.ok.explanation', {
            largest: largest ? say('placement.flavors.largest', { name: largest.name, flavor: sizeOf(largest), names: `${on.slice(0, 6).map((p) => p.name).join(', ')}${on.length > 6 ? ', …' : ''}` }) : say('placement.flavors.none'),
            special: specialText,
          }),
        }),
        evidence: evidence(out, nova, judged.slice(0, 20), computes),
      }),
    ];
  }
  if (nowhere.length <= EACH) return nowhere.map((n) => nowhereFinding(out, nova, n));
  const items = semicolons(nowhere.map((n) => say('placement.flavors.many.item', { name: n.f.name, flavor: sizeOf(n.f), limiting: limitingOf(n) })));
  return [
    finding({
      check: CHECK,
      severity: 'warning',
      ...texts({
        title: say('placement.flavors.many.title', { count: nowhere.length, names: `${nowhere.slice(0, 6).map((n) => n.f.name).join(', ')}${nowhere.length > 6 ? ', …' : ''}` }),
        explanation: say('placement.flavors.many.explanation', { count: nowhere.length, of: judged.length, items, never: nowhere.filter((n) => n.never).length }),
        likelyCause: say('placement.flavors.many.cause'),
        nextStep: say('placement.flavors.many.next'),
      }),
      evidence: evidence(out, nova, nowhere.map((n) => n.f), computes),
    }),
  ];
}
