/** Wording and evidence shared by the capacity and flavor checks. */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { skipped } from '../../engine/analyze-kit.js';
import type { Evidence, Finding, StepOutput } from '../../engine/types.js';
import type { Provider, Response, UsageRow } from './parse.js';

/** Verbatim body and marker lines of these responses, in output order. */
export function evidenceOf(out: StepOutput, responses: Array<Response | undefined>): Evidence {
  const picked = new Map<number, string>();
  for (const r of responses) {
    if (!r) continue;
    for (const l of r.bodyLines) picked.set(l.index, l.text);
    picked.set(r.marker.index, r.marker.text);
  }
  return { node: out.node, step: out.step, lines: [...picked.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t) };
}

export const pct = (used: number, cap: number): string => (cap > 0 ? `${Math.round((used / cap) * 100)}%` : 'n/a');
export const label = (p: Provider): string => (p.name === p.uuid ? p.uuid : `${p.name} (${p.uuid})`);

export function rowText(r: UsageRow): FindingMessage {
  const i = r.inv;
  if (!i) return say('placement.row.no-inventory', { rc: r.rc, used: r.used });
  return say('placement.row', {
    rc: r.rc,
    capacity: r.capacity,
    total: i.total,
    reserved: i.reserved,
    ratio: i.allocation_ratio,
    used: r.used,
    pct: pct(r.used, r.capacity),
    free: r.free,
    max: i.max_unit,
    min: i.min_unit,
    step: i.step_size,
  });
}

/** The nova.conf settings behind a resource class's capacity (placement.knob.*). */
const ratioKnob: Record<string, string> = { VCPU: 'vcpu', PCPU: 'pcpu', MEMORY_MB: 'memory-mb', DISK_GB: 'disk-gb' };
// Own keys only: a resource class is whatever Placement printed (CUSTOM_*, or even "constructor").
export const knobFor = (rc: string): FindingMessage => say(`placement.knob.${Object.hasOwn(ratioKnob, rc) ? ratioKnob[rc] : 'other'}`);

/** Messages joined with "; ", as the English always was. */
export const semicolons = (ms: FindingMessage[]): FindingMessage | string => ms.reduce<FindingMessage | string>((a, b) => (a === '' ? b : say('placement.join.semicolon', { a, b })), '');

/** A check that could not be made, its title and reason given as messages. */
export function skippedSaying(check: string, title: FindingMessage, reason: FindingMessage, ev: Evidence[] = []): Finding {
  const t = texts({ title, explanation: reason });
  return { ...skipped(check, t.title, t.explanation, ev), text: t.text };
}
