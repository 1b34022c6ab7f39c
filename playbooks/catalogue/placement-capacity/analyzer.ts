/**
 * Placement capacity: per provider and resource class, capacity = (total − reserved) ×
 * allocation_ratio against usage; "why would this flavor fit nowhere?"; allocations whose
 * consumer is no live Nova instance (and live instances with no allocation).
 */
import { completed, finding, lines, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { flavorFindings, requestedOf } from './flavor.js';
import { parseNova, parsePlacement, usageRows, type PlacementDump, type Provider } from './parse.js';
import { evidenceOf, knobFor, label, pct, rowText } from './report.js';

const STEP = 'placement-providers';
const NOVA_STEP = 'nova-instances';
const NEAR_FULL = 0.9;
/** A database error quoted in an API answer (MySQL/MariaDB client and Galera codes as oslo.db passes them on). */
const DB_ERROR = /WSREP has not yet prepared node[^"\n]*|\((?:pymysql|MySQLdb)\.[\w.]*\) \((?:1047|1213|2002|2003|2006|2013)[^"\n]*|Lost connection to (?:MySQL|MariaDB) server[^"\n]*|Can't connect to (?:MySQL|MariaDB) server[^"\n]*|DBConnectionError[^"\n]*/;
/** Above this many healthy providers, they share one ok finding. */
const COLLAPSE = 20;

/** The API answered, or why not (then nothing else can be judged). */
function apiFinding(out: StepOutput, dump: PlacementDump): { finding: Finding; usable: boolean } {
  const errLines = lines(out.stderr).filter((l) => l.trim());
  const list = dump.list;
  if (!list) {
    return {
      usable: false,
      finding: skipped(
        'placement.api',
        `Placement not queried from ${out.node}: no token or endpoint`,
        'The step could not get a Keystone token or the Placement endpoint (no OS_TOKEN/OS_ENDPOINT, and `openstack token issue` / `openstack endpoint list` failed), so no Placement request was made.',
        [{ node: out.node, step: out.step, lines: errLines.slice(-5) }],
      ),
    };
  }
  const ev = [evidenceOf(out, [list]), ...(errLines.length ? [{ node: out.node, step: out.step, lines: errLines.slice(-3) }] : [])];
  if (list.status === 401 || list.status === 403) {
    return { usable: false, finding: skipped('placement.api', `Placement refused the token from ${out.node} (HTTP ${list.status})`, 'The credentials on this host were rejected, so capacity could not be read. Use an admin token (OS_TOKEN) or source an admin openrc.', ev) };
  }
  if (list.status === 0 || list.status >= 500) {
    // The body (or the API's own error) quotes the database refusing it: the database is the cause.
    const dbError = DB_ERROR.exec(`${list.body}\n${errLines.join('\n')}`)?.[0];
    return {
      usable: false,
      finding: finding({
        check: 'placement.api',
        severity: list.status >= 500 ? 'critical' : 'warning',
        title: list.status ? `Placement API at ${dump.endpoint} answered HTTP ${list.status}` : `Placement API at ${dump.endpoint} did not answer from ${out.node}`,
        explanation: `GET ${list.url} ${list.status ? `returned HTTP ${list.status}` : 'got no HTTP answer'}${dbError ? `, and its answer quotes the database: ${dbError}` : ''}. Without Placement, nova-scheduler cannot find hosts: every boot, resize and migration fails with NoValidHost.`,
        evidence: ev,
        likelyCause: dbError
          ? 'Placement cannot use its database: the database cluster refuses queries (no Primary component, a node not ready) or is unreachable.'
          : list.status
            ? 'placement-api is down or cannot reach its database (a load balancer answers 502/503 when no backend is healthy).'
            : 'placement-api is not running, or the endpoint in the catalog is not reachable from this host (wrong internal URL, firewall).',
        ...(dbError ? { explainedBy: ['galera.*'] } : {}),
        nextStep: `curl -si ${dump.endpoint ?? '$OS_ENDPOINT'}/ ; check the placement-api service and its log (e.g. kubectl -n openstack logs deploy/placement-api, docker logs placement_api, journalctl -u placement-api)`,
      }),
    };
  }
  if (list.status !== 200 || !/"resource_providers"/.test(list.body)) {
    return { usable: false, finding: skipped('placement.api', `Placement resource provider list unreadable (HTTP ${list.status})`, `GET ${list.url} did not return a resource provider list.`, ev) };
  }
  return {
    usable: true,
    finding: finding({
      check: 'placement.api',
      severity: 'ok',
      title: `Placement API answered at ${dump.endpoint}: ${dump.providers.length} resource provider(s)`,
      explanation: `GET /resource_providers returned HTTP 200 with ${dump.providers.length} provider(s): ${dump.providers.map((p) => p.name).join(', ') || 'none'}.`,
      evidence: [{ node: out.node, step: out.step, lines: [list.marker.text] }],
    }),
  };
}

function capacityFindings(out: StepOutput, p: Provider): Finding[] {
  const ev = [evidenceOf(out, [p.responses.inventories, p.responses.usages])];
  if (!p.inventories || !p.usages) {
    const bad = !p.inventories ? p.responses.inventories : p.responses.usages;
    return [skipped('placement.capacity', `${label(p)}: capacity not read`, bad ? `GET ${bad.path} returned HTTP ${bad.status} without a usable body.` : 'The step printed no inventories/usages for this provider (the step ended early).', ev)];
  }
  const rows = usageRows(p);
  if (!rows.length) {
    return [finding({ check: 'placement.capacity', severity: 'ok', title: `${label(p)}: no inventory`, explanation: 'This provider has no inventory of its own (a parent or grouping provider in a nested tree); nothing can be allocated on it directly.', evidence: ev })];
  }
  const table = rows.map(rowText).join('; ');
  const out2: Finding[] = [];
  for (const r of rows) {
    if (r.used > r.capacity) {
      out2.push(
        finding({
          check: 'placement.over-capacity',
          severity: 'critical',
          title: `Over capacity for ${r.rc} on resource provider ${p.name}: used ${r.used} > capacity ${r.capacity}`,
          explanation: `Over capacity for ${r.rc} on resource provider ${p.uuid} (${p.name}). ${rowText(r)}. Placement refuses every new allocation of ${r.rc} here until usage drops below capacity, and the instances on it are overcommitted beyond what the operator allowed. All classes: ${table}.`,
          evidence: ev,
          likelyCause: `The inventory shrank under existing allocations: ${knobFor(r.rc)} was lowered or reserved raised in nova.conf (nova-compute re-reports it), the host lost hardware, or someone set the inventory by hand.`,
          nextStep: `openstack resource provider inventory list ${p.uuid} ; compare with ${knobFor(r.rc)} in nova.conf on ${p.name}; then restore the old value or migrate instances off (openstack server list --all-projects --host ${p.name})`,
        }),
      );
    } else if (r.capacity > 1 && r.used / r.capacity > NEAR_FULL) {
      out2.push(
        finding({
          check: 'placement.near-full',
          severity: 'warning',
          title: `${p.name}: ${r.rc} ${pct(r.used, r.capacity)} used (${r.free} of ${r.capacity} free)`,
          explanation: `Resource provider ${p.uuid} (${p.name}) has used more than ${NEAR_FULL * 100}% of its ${r.rc}: ${rowText(r)}. New instances that need more than ${r.free} ${r.rc} cannot land here. All classes: ${table}.`,
          evidence: ev,
          likelyCause: `The host is filling up, or ${knobFor(r.rc)} leaves little room.`,
          nextStep: `openstack resource provider usage show ${p.uuid} ; plan capacity (add computes, rebalance with live migration) or review ${knobFor(r.rc)}`,
        }),
      );
    }
  }
  if (!out2.length) {
    out2.push(finding({ check: 'placement.capacity', severity: 'ok', title: `${p.name}: capacity fine (${rows.map((r) => `${r.rc} ${pct(r.used, r.capacity)}`).join(', ')})`, explanation: `Resource provider ${p.uuid}: ${table}.`, evidence: ev }));
  }
  return out2;
}

function orphanFindings(input: Parameters<Analyzer>[0], out: StepOutput, dump: PlacementDump): Finding[] {
  const nova = completed(input, NOVA_STEP)[0];
  if (!nova) return [skipped('placement.orphan-allocation', 'Orphan allocations not checked', 'The nova-instances step did not complete, so allocations could not be matched to live instances.')];
  const novaText = lines(`${nova.stdout}\n${nova.stderr}`).filter((l) => l.trim());
  const novaErr = novaText.filter((l) => /ERROR|denied|Unknown database|doesn't exist|not found|Can't connect/i.test(l));
  if (nova.exitCode !== 0) {
    return [skipped('placement.orphan-allocation', `Orphan allocations not checked: Nova's database not read on ${nova.node}`, `The query of nova.instances failed (exit ${nova.exitCode}).`, [{ node: nova.node, step: nova.step, lines: (novaErr.length ? novaErr : novaText).slice(-5) }])];
  }
  const facts = parseNova(nova.stdout);
  const holders = new Map<string, Array<{ p: Provider; res: Record<string, number> }>>();
  const unread = dump.providers.filter((p) => !p.allocations);
  for (const p of dump.providers) for (const [c, res] of Object.entries(p.allocations ?? {})) holders.set(c, [...(holders.get(c) ?? []), { p, res }]);
  const res: Finding[] = [];
  if (holders.size && !facts.live.size) {
    return [skipped('placement.orphan-allocation', 'Orphan allocations not judged: nova.instances lists no live instance', `Placement has ${holders.size} consumer(s) but the nova database returned no live instance. The instances probably live in another cell database (multi-cell: nova_cell1, …), so nothing is flagged.`, [{ node: nova.node, step: nova.step, lines: lines(nova.stdout).slice(0, 5) }])];
  }
  for (const [consumer, held] of holders) {
    if (facts.live.has(consumer) || facts.migrations.has(consumer)) continue;
    const gone = facts.deleted.get(consumer);
    const where = held.map((h) => `${h.p.name}: ${Object.entries(h.res).map(([k, v]) => `${k}=${v}`).join(', ')}`).join('; ');
    const who = gone ? `instance "${gone.name}" that Nova deleted at ${gone.extra}` : 'no row in nova.instances (never an instance of this cell, or archived/purged)';
    res.push(
      finding({
        check: 'placement.orphan-allocation',
        severity: 'warning',
        title: `Orphan allocation: consumer ${consumer} on ${held.map((h) => h.p.name).join(', ')} is no live instance${gone ? ` (${gone.name}, deleted)` : ''}`,
        explanation: `Placement still holds resources for consumer ${consumer} (${where}), but it is no live instance in Nova: ${who}.${facts.migrationsChecked ? ' It is no in-progress migration either.' : ' nova.migrations could not be read, so it could still be a migration record.'} These resources count as used, so the scheduler sees less free capacity than there is.`,
        evidence: [evidenceOf(out, held.map((h) => h.p.responses.allocations)), ...(gone ? [{ node: nova.node, step: nova.step, lines: [gone.line.text] }] : [])],
        likelyCause: 'An instance delete or failed migration/resize did not remove its allocation (nova-compute down during the delete, a crash mid-operation), or another service (Cyborg, Zun, Blazar) owns the consumer.',
        nextStep: `Verify first: openstack server show ${consumer} ; openstack resource provider allocation show ${consumer} ; nova-manage placement audit --verbose (read-only; lists orphans). Only if it is really gone: openstack resource provider allocation delete ${consumer} (MUTATING: frees the resources; not run by this playbook)`,
      }),
    );
  }
  const partial = unread.length ? ` Allocations of ${unread.map((p) => p.name).join(', ')} were not read.` : '';
  if (!res.length) {
    res.push(finding({ check: 'placement.orphan-allocation', severity: 'ok', title: `All ${holders.size} allocation consumer(s) are live instances or migrations`, explanation: `Every consumer holding resources in Placement matches a live row of nova.instances (${facts.live.size} live instance(s))${facts.migrations.size ? ` or an in-progress migration` : ''}.${partial}`, evidence: [{ node: nova.node, step: nova.step, lines: [...facts.live.values()].slice(0, 20).map((r) => r.line.text) }] }));
  }
  // The other way round: a live, placed instance with no allocation is invisible to the scheduler.
  if (!unread.length) {
    for (const row of facts.live.values()) {
      if (holders.has(row.uuid) || !row.host || !/^(active|stopped|paused|suspended|resized|rescued)$/.test(row.extra)) continue;
      res.push(
        finding({
          check: 'placement.missing-allocation',
          severity: 'warning',
          title: `Instance ${row.name || row.uuid} on ${row.host} has no allocation in Placement`,
          explanation: `Instance ${row.uuid} (${row.name}, ${row.extra}) runs on ${row.host} but no resource provider has an allocation for it, so Placement counts its VCPU/RAM/disk as free and can overcommit the host.`,
          evidence: [{ node: nova.node, step: nova.step, lines: [row.line.text] }],
          likelyCause: 'The allocation was deleted by hand or lost in a failed migration, or the instance predates Placement.',
          nextStep: `nova-manage placement heal_allocations --dry-run --instance ${row.uuid} --verbose (then without --dry-run to recreate it)`,
        }),
      );
    }
  }
  return res;
}

export const analyze: Analyzer = (input) => {
  const out = completed(input, STEP)[0];
  if (!out) return [skipped('placement.capacity', 'Placement capacity not checked', 'The placement-providers step did not complete, so no Placement data was read.')];
  const dump = parsePlacement(out.stdout);
  const api = apiFinding(out, dump);
  if (!api.usable) {
    const why = 'The Placement API gave no provider list (see placement.api).';
    return [
      api.finding,
      skipped('placement.capacity', 'Placement capacity not checked', why),
      ...(requestedOf(input.params).length ? [skipped('placement.flavor-fit', 'Flavor fit not checked', why)] : []),
      skipped('placement.orphan-allocation', 'Orphan allocations not checked', why),
    ];
  }
  const findings: Finding[] = [api.finding];
  const perProvider = dump.providers.flatMap((p) => capacityFindings(out, p));
  const fine = perProvider.filter((f) => f.check === 'placement.capacity' && f.severity === 'ok');
  if (fine.length > COLLAPSE) {
    // A big cloud: one line per healthy provider in a single finding, the problems one by one.
    findings.push(
      finding({
        check: 'placement.capacity',
        severity: 'ok',
        title: `${fine.length} resource providers: capacity fine`,
        explanation: fine.map((f) => f.title).join('; '),
        evidence: fine.slice(0, COLLAPSE).flatMap((f) => f.evidence),
      }),
      ...perProvider.filter((f) => !fine.includes(f)),
    );
  } else findings.push(...perProvider);
  findings.push(...flavorFindings(input, out, dump));
  findings.push(...orphanFindings(input, out, dump));
  return findings;
};
