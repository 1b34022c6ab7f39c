import { runPlaybook, type CommandRunner } from '../../playbooks/engine/run.js';
import type { PlaybookDef } from '../../playbooks/engine/types.js';
import { StackscopeError } from '../contract/errors.js';
import type { Cluster, Suggestion, SuggestionKind } from '../contract/types.js';
import type { InventoryService } from './inventory-service.js';
import { redactText } from './redact.js';
import type { ConnectionManager } from './ssh/connection-manager.js';
import { wrapRemoteCommand } from './ssh/shell.js';

const text = (s: string) => ({ en: s, ko: s });

/** The lookups behind parameter suggestions: one read-only step, run where the profile says. */
const lookups: Record<SuggestionKind, PlaybookDef> = {
  'ovn-ports': {
    id: 'suggest-ovn-ports',
    title: text('OVN ports'),
    description: text('Logical switch ports of the cluster'),
    appliesTo: ['openstack-helm', 'kolla', 'packages'],
    roles: ['controller'],
    params: [],
    steps: [
      {
        id: 'ports',
        title: text('List logical switch ports'),
        service: 'ovn-nb',
        on: 'one',
        run: 'ovn-nbctl --no-leader-only --timeout=10 --format=csv --data=bare --no-headings --columns=name,addresses,external_ids list Logical_Switch_Port',
        timeoutSec: 20,
        mutating: false,
        // The OVN northbound socket is root's on a packages install (as in ovn-health).
        root: true,
      },
    ],
  },
};

/** `name,addresses,external_ids` CSV rows → VM ports (router, localnet and unknown-address ports left out). */
export function parseOvnPorts(csv: string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const line of csv.split('\n')) {
    const m = /^("(?:[^"]|"")*"|[^,]*),("(?:[^"]|"")*"|[^,]*),(.*)$/.exec(line.trim());
    if (!m) continue;
    const unq = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
    const [name, addresses, ids] = [unq(m[1] as string), unq(m[2] as string), unq(m[3] as string)];
    if (!name || !addresses || /^(router|unknown)$/.test(addresses)) continue;
    const portName = /neutron:port_name=("?)([^"\s]+)\1/.exec(ids)?.[2];
    const ip = addresses.split(/\s+/).slice(1).join(' ');
    out.push({ value: portName || name, label: `${portName || name}${ip ? ` (${ip})` : ''}${portName ? ` · ${name}` : ''}` });
  }
  return out.sort((a, b) => a.value.localeCompare(b.value));
}

/**
 * Values the cluster has, for parameters marked `suggest:` (the ovn-trace source port picked from
 * the cluster's ports). A lookup for the form, not evidence: it is not written to a case.
 */
export class SuggestService {
  constructor(
    private readonly inventory: InventoryService,
    private readonly ssh: ConnectionManager,
  ) {}

  async suggest(cluster: Cluster, kind: SuggestionKind): Promise<Suggestion[]> {
    const def = lookups[kind];
    const profile = this.inventory.profile(cluster);
    const byName = new Map(cluster.nodes.map((n) => [n.name, n]));
    const runner: CommandRunner = {
      run: async (job, signal) => {
        const node = byName.get(job.node.name);
        const base = { step: job.step, node: job.node.name, command: job.command };
        if (!node) return { ...base, state: 'error', exitCode: null, stdout: '', stderr: '', error: 'node was removed' };
        const out = { stdout: '', stderr: '' };
        try {
          const conn = await this.ssh.acquire(this.inventory.target(node));
          const remote = await conn.exec(wrapRemoteCommand(job.command), { timeoutMs: job.timeoutSec * 1000, maxOutputBytes: 8 << 20, signal, onData: (s, t) => (out[s] += t) });
          const o = await remote.done;
          const complete = o.exitCode !== null && !o.timedOut && !o.truncated;
          return { ...base, state: complete ? (o.exitCode === 0 ? 'succeeded' : 'failed') : 'error', exitCode: o.exitCode, stdout: redactText(out.stdout), stderr: redactText(out.stderr), error: complete ? null : 'did not complete' };
        } catch (err) {
          return { ...base, state: 'error', exitCode: null, stdout: '', stderr: '', error: (err as Error).message };
        }
      },
    };
    const targets = cluster.nodes.filter((n) => n.roles.some((r) => def.roles.includes(r)));
    if (!targets.length) return [];
    const outcome = await runPlaybook({ playbook: { def, file: '(built in)', analyze: () => [] }, profile, targets, params: {}, runner, concurrency: 1, signal: new AbortController().signal });
    const ok = outcome.outputs.find((o) => o.step === 'ports' && o.state === 'succeeded');
    if (!ok) {
      const why = outcome.outputs.at(-1);
      throw new StackscopeError('UNAVAILABLE', `could not list the OVN ports of ${cluster.name}: ${why?.error ?? why?.stderr.trim().split('\n').at(-1) ?? 'no controller answered'}`);
    }
    return parseOvnPorts(ok.stdout);
  }
}
