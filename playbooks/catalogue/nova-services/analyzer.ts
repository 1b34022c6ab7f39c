/**
 * nova-services: Nova services that are down or disabled (from `openstack compute service list`),
 * why a down nova-compute dropped out (its own log: RabbitMQ, conductor timeouts, database,
 * libvirt), and why scheduling fails (a filter that removed every host vs. no Placement capacity).
 */
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { computeKinds, distinct, isEmptyLog, parseServices, sameHost, schedulerFacts, type LogKind, type Service } from './parse.js';

const LIST = 'compute-services';
const COMPUTE_LOG = 'compute-log';
const SCHED_LOG = 'scheduler-log';

interface LogRead {
  out: StepOutput;
  kinds: LogKind[];
  lines: string[];
}

/** The lines of a nova-compute log that say why it cannot report, grouped by kind. */
function readComputeLog(out: StepOutput): LogRead {
  const ls = lines(out.stdout);
  const kinds = computeKinds.filter((k) => ls.some((l) => k.re.test(l)));
  const hit = distinct(ls.filter((l) => kinds.some((k) => k.re.test(l))));
  return { out, kinds, lines: hit.slice(-6) };
}

/** Why the service list could not be read, with a hint from the error text. */
function listFailure(out: StepOutput | undefined, any: StepOutput | undefined): Finding {
  if (!out) {
    const why = any ? `the step did not complete (${any.error ?? any.state})` : 'the step did not run';
    return skipped('nova.service-list', 'Nova services could not be listed', `Could not list compute services: ${why}. No Nova service was checked.`);
  }
  const text = allText(out).trim();
  const first = lines(text).find((l) => l.trim()) ?? `exit code ${out.exitCode ?? '?'}`;
  const f = skipped('nova.service-list', 'Nova services could not be listed', `Could not list compute services: ${first}. No Nova service state was checked.`, [evidence(out, [first])]);
  const hint = /Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml/i.test(text)
    ? 'The openstack client on this node has no credentials: source an admin openrc (or set OS_CLOUD) for the user Stackscope connects as.'
    : /public endpoint for compute service|endpoint for compute .* not found|EndpointNotFound|has no attribute 'services'/i.test(text)
      ? 'No Nova API answered: the Keystone catalog has no compute endpoint, or the client is pinned to another service\'s endpoint (OS_ENDPOINT / --os-endpoint).'
      : /HTTP 401|Unauthorized|HTTP 403/i.test(text)
        ? 'The credentials are rejected or lack the admin role (listing services is admin-only).'
        : /Unable to establish connection|Connection refused|timed out/i.test(text)
          ? 'The Nova API endpoint is unreachable from this node.'
          : '';
  return { ...f, likelyCause: hint, nextStep: 'openstack endpoint list --service compute; openstack compute service list' };
}

function serviceFindings(services: Service[], out: StepOutput, logs: Map<string, LogRead | StepOutput>): Finding[] {
  const found: Finding[] = [];
  const ev = (s: Service): Evidence => evidence(out, s.lines);
  for (const s of services) {
    const who = `${s.binary} on ${s.host}`;
    if (s.state === 'down') {
      const evs = [ev(s)];
      let why = '';
      let cause = `${s.binary} stopped reporting its heartbeat (service_down_time, 60 s by default): the process is stopped or hung, or its messages do not reach nova-conductor.`;
      let next = s.binary === 'nova-compute' ? `on ${s.host}: systemctl status nova-compute (kolla: docker logs nova_compute; helm: kubectl -n openstack get pods -o wide | grep nova-compute)` : `check ${s.binary} on ${s.host}`;
      if (s.binary === 'nova-compute') {
        const log = [...logs.entries()].find(([node]) => sameHost(s.host, node))?.[1];
        if (!log) why = ' Its nova-compute log was not collected (no target node matches this host name).';
        else if (!('kinds' in log)) why = ` Its nova-compute log could not be read (${log.error ?? log.state}).`;
        else if (isEmptyLog(log.out.stdout)) why = ' Its nova-compute log is empty here, so the reason is not visible from this node.';
        else if (log.kinds.length === 0) why = ' Its recent nova-compute log shows no RabbitMQ, conductor, database or libvirt error: the process is probably stopped or hung.';
        else {
          why = ` Its nova-compute log says ${log.kinds.map((k) => k.means).join(' and ')} (lines quoted).`;
          cause = log.kinds[0]?.cause ?? cause;
          next = `${log.kinds[0]?.next ?? next}; then on ${s.host}: restart nova-compute once the cause is fixed`;
          evs.push(evidence(log.out, log.lines));
        }
      }
      const forced = s.forcedDown ? ' It is marked forced-down (an operator set it, e.g. before evacuating).' : '';
      found.push(
        finding({
          check: 'nova.service-down',
          severity: s.status === 'disabled' || s.forcedDown ? 'warning' : 'critical',
          title: `${who} is down${s.status === 'disabled' ? ' (and disabled)' : ''}`,
          explanation: `Nova reports ${who} as down: last heartbeat ${s.updatedAt || 'unknown'}.${s.binary === 'nova-compute' ? ' The scheduler sends no new instances there and its instances cannot be managed.' : ''}${forced}${why}`,
          evidence: evs,
          likelyCause: cause,
          nextStep: next,
        }),
      );
    } else if (s.status === 'disabled') {
      const auto = /^AUTO:/i.test(s.disabledReason);
      found.push(
        finding({
          check: 'nova.service-disabled',
          severity: 'warning',
          title: `${who} is disabled${s.disabledReason ? ` — "${s.disabledReason}"` : ''}`,
          explanation: `${who} is up but disabled, so the scheduler places no new instances there${s.disabledReason ? `; reason recorded: "${s.disabledReason}"` : ' (no reason recorded)'}.`,
          evidence: [ev(s)],
          likelyCause: auto
            ? 'Nova disabled it automatically (repeated build failures, or libvirt connection lost); the reason says which.'
            : 'An operator disabled it (maintenance, decommissioning) and it may have been forgotten.',
          nextStep: `when it should take instances again: openstack compute service set --enable ${s.host} ${s.binary}`,
        }),
      );
    }
  }
  const computes = services.filter((s) => s.binary === 'nova-compute');
  if (computes.length === 0) {
    found.push(
      finding({
        check: 'nova.no-compute',
        severity: 'warning',
        title: 'No nova-compute service is registered',
        explanation: `The service list has ${services.length} Nova services but no nova-compute: no hypervisor can take instances.`,
        evidence: [evidence(out, services.flatMap((s) => s.lines.filter((l) => /"Binary"/.test(l))).slice(0, 10))],
        likelyCause: 'nova-compute never started on the compute nodes, or they were never added to a cell.',
        nextStep: 'nova-manage cell_v2 discover_hosts --verbose; check nova-compute on the compute nodes',
      }),
    );
  }
  if (found.length === 0) {
    found.push(
      finding({
        check: 'nova.services',
        severity: 'ok',
        title: `All ${services.length} Nova services are up and enabled`,
        explanation: `${computes.length} nova-compute and ${services.length - computes.length} other Nova services report state up and status enabled.`,
        evidence: [evidence(out, services.flatMap((s) => s.lines.filter((l) => /"(Host|State)"/.test(l))).slice(0, 20))],
      }),
    );
  }
  return found;
}

function schedulerFindings(input: AnalyzerInput, downComputes: Service[]): Finding[] {
  const found: Finding[] = [];
  for (const out of completed(input, SCHED_LOG)) {
    if (isEmptyLog(out.stdout)) continue;
    const f = schedulerFacts(out.stdout);
    const filter = f.filtered.at(-1)?.filter || /Filter (\w+) returned 0 hosts/.exec(f.filterZero.at(-1) ?? '')?.[1] || '';
    if (f.filtered.length || f.filterZero.length) {
      const computeDown = filter === 'ComputeFilter' && (downComputes.length > 0 || f.notHeard.length > 0);
      found.push(
        finding({
          check: 'nova.scheduler-filtered',
          severity: 'warning',
          title: `Scheduling failed on ${out.node}: filter ${filter || '?'} removed every host (not Placement)`,
          explanation:
            `nova-scheduler got candidate hosts from Placement, then its filter ${filter || '(see the line)'} removed the last one, so the request ended in NoValidHost ` +
            `(${f.filtered.length || f.filterZero.length} request(s) in the last lines). This is a filter decision, not missing capacity.` +
            (computeDown ? ` ComputeFilter drops compute services that are down or disabled${downComputes.length ? ` — here ${downComputes.map((s) => s.host).join(', ')}` : ''}.` : ''),
          evidence: [evidence(out, distinct([...f.notHeard, ...f.filterZero, ...f.filtered.map((x) => x.line)]).slice(-6))],
          likelyCause: computeDown
            ? downComputes.length
              ? 'The only candidate compute services are down or disabled (ComputeFilter); see the nova.service-down findings.'
              : 'The scheduler has not heard from the candidate compute service ("has not been heard from in a while"): nova-compute is down or cut off from RabbitMQ/nova-conductor.'
            : `The flavor/image/server-group requirements do not match any host for ${filter || 'that filter'} (extra specs, image properties, aggregates, affinity).`,
          nextStep: computeDown
            ? 'openstack compute service list --service nova-compute; bring the down nova-compute back, then retry the request'
            : `compare the flavor extra specs and image properties with what ${filter || 'the filter'} checks (openstack flavor show; openstack image show); see the nova scheduler filter docs`,
        }),
      );
    }
    if (f.noCandidates.length) {
      found.push(
        finding({
          check: 'nova.no-allocation-candidates',
          severity: 'warning',
          title: `Scheduling failed on ${out.node}: Placement returned no allocation candidates`,
          explanation: `nova-scheduler asked Placement for hosts with the requested VCPU/MEMORY_MB/DISK_GB (and traits) and got none back (${f.noCandidates.length} time(s) in the last lines). No filter ran: the NoValidHost comes from Placement's inventory and allocations.`,
          evidence: [evidence(out, distinct(f.noCandidates).slice(-3))],
          likelyCause: 'No resource provider has enough free capacity (inventory minus reserved, times allocation_ratio, minus allocations), or the request needs a trait no provider has.',
          nextStep: 'run the placement-capacity playbook; openstack allocation candidate list --resource VCPU=<n> --resource MEMORY_MB=<mb>',
        }),
      );
    }
    if (f.noValidHost.length && !f.filtered.length && !f.filterZero.length && !f.noCandidates.length) {
      found.push(
        finding({
          check: 'nova.no-valid-host',
          severity: 'info',
          title: `nova-scheduler on ${out.node} logged NoValidHost without saying why`,
          explanation: 'The scheduler log shows NoValidHost but neither a filter result nor a Placement answer in the lines read; the reason is earlier in the log or at DEBUG level.',
          evidence: [evidence(out, distinct(f.noValidHost).slice(-3))],
          nextStep: 'grep the request ID in the nova-scheduler and nova-conductor logs',
        }),
      );
    }
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const listOut = completed(input, LIST)[0];
  const services = listOut && listOut.state === 'succeeded' ? parseServices(listOut.stdout) : null;

  // Compute logs by node: read ones, and the ones that never completed.
  const logs = new Map<string, LogRead | StepOutput>();
  for (const o of outputsOf(input, COMPUTE_LOG)) logs.set(o.node, o.state === 'succeeded' || o.state === 'failed' ? readComputeLog(o) : o);

  let downComputes: Service[] = [];
  if (!services || !listOut) findings.push(listFailure(listOut, outputsOf(input, LIST)[0]));
  else {
    findings.push(...serviceFindings(services, listOut, logs));
    downComputes = services.filter((s) => s.binary === 'nova-compute' && s.state === 'down');
  }

  // Compute logs not already quoted for a down service: their errors still matter.
  const empty: string[] = [];
  for (const [node, log] of logs) {
    if (!('kinds' in log)) continue;
    if (isEmptyLog(log.out.stdout)) {
      empty.push(node);
      continue;
    }
    if (downComputes.some((s) => sameHost(s.host, node)) || log.kinds.length === 0) continue;
    findings.push(
      finding({
        check: 'nova.compute-log-errors',
        severity: 'warning',
        title: `nova-compute on ${node} logs errors: ${log.kinds.map((k) => k.means).join(', ')}`,
        explanation: `The last lines of nova-compute's log on ${node} show that ${log.kinds.map((k) => k.means).join(' and ')}${services ? ', although Nova does not list it as down (yet)' : ''}.`,
        evidence: [evidence(log.out, log.lines)],
        likelyCause: log.kinds[0]?.cause ?? '',
        nextStep: log.kinds[0]?.next ?? '',
      }),
    );
  }
  const schedOuts = completed(input, SCHED_LOG).filter((o) => isEmptyLog(o.stdout));
  const schedEmpty = schedOuts.map((o) => o.node);
  if (empty.length || schedEmpty.length) {
    const parts = [empty.length ? `nova-compute on ${empty.join(', ')}` : '', schedEmpty.length ? `nova-scheduler on ${schedEmpty.join(', ')}` : ''].filter(Boolean);
    // Every empty log is cited (node and step): the picture must not show those services as checked and fine.
    const emptyOuts = [...[...logs.values()].filter((l): l is LogRead => 'kinds' in l && isEmptyLog(l.out.stdout)).map((l) => l.out), ...schedOuts];
    findings.push(
      skipped(
        'nova.logs',
        'Some Nova logs were empty',
        `No log lines from ${parts.join(' and ')}: the service does not run there, or it logs elsewhere (e.g. /var/log/nova/*.log instead of the journal), so its log could not be checked.`,
        emptyOuts.map((o) => evidence(o, lines(allText(o)).filter((l) => l.trim()).slice(0, 2))),
      ),
    );
  }
  findings.push(...schedulerFindings(input, downComputes));
  return findings;
};
