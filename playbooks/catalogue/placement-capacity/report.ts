/** Wording and evidence shared by the capacity and flavor checks. */
import type { Evidence, StepOutput } from '../../engine/types.js';
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

export function rowText(r: UsageRow): string {
  const i = r.inv;
  if (!i) return `${r.rc}: used ${r.used} with no inventory (capacity 0)`;
  return `${r.rc}: capacity ${r.capacity} = (${i.total} total − ${i.reserved} reserved) × ${i.allocation_ratio}, used ${r.used} (${pct(r.used, r.capacity)}), free ${r.free}; max_unit ${i.max_unit}, min_unit ${i.min_unit}, step_size ${i.step_size}`;
}

const ratioKnob: Record<string, string> = {
  VCPU: 'cpu_allocation_ratio / initial_cpu_allocation_ratio and reserved_host_cpus',
  PCPU: 'cpu_dedicated_set',
  MEMORY_MB: 'ram_allocation_ratio / initial_ram_allocation_ratio and reserved_host_memory_mb',
  DISK_GB: 'disk_allocation_ratio / initial_disk_allocation_ratio and reserved_host_disk_mb',
};
export const knobFor = (rc: string): string => ratioKnob[rc] ?? 'the inventory the service owning this provider reports';
