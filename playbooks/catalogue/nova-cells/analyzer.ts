/**
 * nova-cells: every nova-compute host must have a host mapping to a cell (Nova API database) or the
 * scheduler never places an instance on it; cell0 must exist (where failed builds are recorded);
 * a disabled cell takes no new instances. The mapping side is one query of nova_api (the tables
 * `nova-manage cell_v2 list_cells` / `list_hosts` read, without their URL columns: those carry the
 * RabbitMQ and database passwords); the service side is `openstack compute service list`.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { CELL0_UUID, parseComputeServices, parseMappings, whyMappingsFailed, type ComputeService, type Mappings } from './parse.js';

const MAPPINGS = 'cell-mappings';
const SERVICES = 'compute-services';

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
/** The compute API is absent (no Nova in the catalog, or a client pinned elsewhere). */
const noComputeApi = (t: string): boolean => /endpoint for compute service[\w\s]* not found|EndpointNotFound|No service with a type, name or ID of 'compute'|'Proxy' object has no attribute 'services'/i.test(t);

function notHere(out: StepOutput): Finding {
  const line = firstLine(out);
  return finding({
    check: 'nova.cells-not-here',
    severity: 'info',
    ...texts({ title: say('nova-cells.not-here.title'), explanation: say('nova-cells.not-here.explanation', { node: out.node }) }),
    evidence: line ? [evidence(out, [line])] : [],
  });
}

function notChecked(check: string, out: StepOutput | undefined, any: StepOutput | undefined, what: 'mappings' | 'services'): Finding {
  const line = out ? firstLine(out) : '';
  const why = out ? (what === 'mappings' ? whyMappingsFailed(allText(out)) : 'other') : 'other';
  const t = texts({
    title: say(`nova-cells.${what}.failed.title`),
    explanation: out
      ? say('nova-cells.failed.explanation', { node: out.node, line: line || say('nova-cells.exit-code', { code: out.exitCode ?? '?' }) })
      : say('nova-cells.not-run.explanation', { why: any?.error ?? any?.state ?? say('nova-cells.not-run.none') }),
    ...(why === 'access' || why === 'unreachable' ? { likelyCause: say(`nova-cells.failed.cause.${why}`) } : {}),
    ...(out ? { nextStep: say(`nova-cells.${what}.failed.next`) } : {}),
  });
  const f = skipped(check, t.title, t.explanation, out && line ? [evidence(out, [line])] : []);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

function compare(m: Mappings, mapOut: StepOutput, services: ComputeService[], svcOut: StepOutput): Finding[] {
  const found: Finding[] = [];
  const unmapped = services.filter((s) => !m.hosts.some((h) => same(h.host, s.host)));
  for (const s of unmapped) {
    found.push(
      finding({
        check: 'nova.host-unmapped',
        severity: 'warning',
        ...texts({
          title: say('nova-cells.unmapped.title', { host: s.host }),
          explanation: say('nova-cells.unmapped.explanation', { host: s.host, state: s.state || '?', status: s.status || '?', mapped: m.hosts.length }),
          likelyCause: say('nova-cells.unmapped.cause'),
          nextStep: say('nova-cells.unmapped.next', { host: s.host }),
        }),
        evidence: [evidence(svcOut, [s.line].filter(Boolean)), evidence(mapOut, m.hosts.map((h) => h.line).slice(0, 10))].filter((e) => e.lines.length),
      }),
    );
  }
  const stale = m.hosts.filter((h) => !services.some((s) => same(s.host, h.host)));
  if (stale.length) {
    found.push(
      finding({
        check: 'nova.host-mapping-stale',
        severity: 'info',
        ...texts({
          title: say('nova-cells.stale.title', { count: stale.length, hosts: stale.map((h) => h.host).join(', ') }),
          explanation: say('nova-cells.stale.explanation', { hosts: stale.map((h) => `${h.host} (${h.cell || h.cellUuid})`).join(', ') }),
          nextStep: say('nova-cells.stale.next', { host: stale[0]?.host ?? 'HOST', cell: stale[0]?.cellUuid ?? 'CELL_UUID' }),
        }),
        evidence: [evidence(mapOut, stale.map((h) => h.line).slice(0, 10))],
      }),
    );
  }
  return found;
}

function cellFindings(m: Mappings, out: StepOutput): Finding[] {
  const found: Finding[] = [];
  if (!m.cells.some((c) => c.uuid === CELL0_UUID)) {
    found.push(
      finding({
        check: 'nova.cell0-missing',
        severity: 'warning',
        ...texts({ title: say('nova-cells.cell0.title'), explanation: say('nova-cells.cell0.explanation', { cells: m.cells.map((c) => c.name || c.uuid).join(', ') || '-' }), likelyCause: say('nova-cells.cell0.cause'), nextStep: say('nova-cells.cell0.next') }),
        evidence: [evidence(out, m.cells.map((c) => c.line).slice(0, 10))],
      }),
    );
  }
  for (const c of m.cells.filter((x) => x.disabled && x.uuid !== CELL0_UUID)) {
    found.push(
      finding({
        check: 'nova.cell-disabled',
        severity: 'warning',
        ...texts({
          title: say('nova-cells.disabled.title', { cell: c.name || c.uuid }),
          explanation: say('nova-cells.disabled.explanation', { cell: c.name || c.uuid, hosts: m.hosts.filter((h) => h.cellUuid === c.uuid).length }),
          nextStep: say('nova-cells.disabled.next', { uuid: c.uuid }),
        }),
        evidence: [evidence(out, [c.line])],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const mapOut = completed(input, MAPPINGS)[0];
  const svcOut = completed(input, SERVICES)[0];
  const mapsFailed = !mapOut || mapOut.state !== 'succeeded';
  const services = svcOut && svcOut.state === 'succeeded' ? parseComputeServices(svcOut.stdout) : null;
  // No Nova here: said once, from whichever side saw it.
  if (mapOut && mapsFailed && whyMappingsFailed(allText(mapOut)) === 'no-nova') return [notHere(mapOut)];
  if (svcOut && !services && noComputeApi(allText(svcOut))) return [notHere(svcOut)];

  const found: Finding[] = [];
  const m = mapOut && !mapsFailed ? parseMappings(mapOut.stdout) : null;
  if (!m || !mapOut) found.push(notChecked('nova.cell-mappings', mapOut, outputsOf(input, MAPPINGS)[0], 'mappings'));
  else found.push(...cellFindings(m, mapOut));
  if (!services || !svcOut) found.push(notChecked('nova.compute-hosts', svcOut, outputsOf(input, SERVICES)[0], 'services'));
  if (m && mapOut && services && svcOut) {
    found.push(...compare(m, mapOut, services, svcOut));
    if (!found.some((f) => f.severity === 'warning' || f.severity === 'critical')) {
      const byCell = [...new Set(m.hosts.map((h) => h.cell || h.cellUuid))].map((c) => `${c}: ${m.hosts.filter((h) => (h.cell || h.cellUuid) === c).length}`).join(', ');
      found.push(
        finding({
          check: 'nova.cells',
          severity: 'ok',
          ...texts({
            title: say('nova-cells.ok.title', { count: services.length }),
            explanation: say('nova-cells.ok.explanation', { cells: m.cells.map((c) => c.name || c.uuid).join(', '), hosts: byCell || '-' }),
          }),
          evidence: [evidence(mapOut, [...m.cells.map((c) => c.line), ...m.hosts.map((h) => h.line)].slice(0, 20))],
        }),
      );
    }
  }
  return found;
};
