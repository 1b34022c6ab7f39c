/**
 * Placement capacity: per provider and resource class, capacity = (total − reserved) ×
 * allocation_ratio against usage; "why would this flavor fit nowhere?"; allocations whose
 * consumer is no live Nova instance (and live instances with no allocation).
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, finding, lines } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { flavorFindings, requestedOf } from './flavor.js';
import { parseNova, parsePlacement, usageRows, type PlacementDump, type Provider } from './parse.js';
import { everyFlavorFindings } from './flavors.js';
import { evidenceOf, knobFor, label, pct, rowText, semicolons, skippedSaying } from './report.js';

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
  const node = out.node;
  if (!list) {
    return {
      usable: false,
      finding: skippedSaying('placement.api', say('placement.api.no-token.title', { node }), say('placement.api.no-token.explanation'), [{ node: out.node, step: out.step, lines: errLines.slice(-5) }]),
    };
  }
  const ev = [evidenceOf(out, [list]), ...(errLines.length ? [{ node: out.node, step: out.step, lines: errLines.slice(-3) }] : [])];
  if (list.status === 401 || list.status === 403) {
    return { usable: false, finding: skippedSaying('placement.api', say('placement.api.refused.title', { node, status: list.status }), say('placement.api.refused.explanation'), ev) };
  }
  if (list.status === 0 || list.status >= 500) {
    // The body (or the API's own error) quotes the database refusing it: the database is the cause.
    const dbError = DB_ERROR.exec(`${list.body}\n${errLines.join('\n')}`)?.[0];
    const endpoint = String(dump.endpoint);
    return {
      usable: false,
      finding: finding({
        check: 'placement.api',
        severity: list.status >= 500 ? 'critical' : 'warning',
        ...texts({
          title: list.status ? say('placement.api.status.title', { endpoint, status: list.status }) : say('placement.api.silent.title', { endpoint, node }),
          explanation: say('placement.api.down.explanation', {
            url: list.url,
            answer: list.status ? say('placement.api.answer.status', { status: list.status }) : say('placement.api.answer.none'),
            db: dbError ? say('placement.api.db', { error: dbError }) : '',
          }),
          likelyCause: say(dbError ? 'placement.api.cause.db' : list.status ? 'placement.api.cause.status' : 'placement.api.cause.silent'),
          nextStep: say('placement.api.next', { endpoint: dump.endpoint ?? '$OS_ENDPOINT' }),
        }),
        evidence: ev,
        ...(dbError ? { explainedBy: ['galera.*'] } : {}),
      }),
    };
  }
  if (list.status !== 200 || !/"resource_providers"/.test(list.body)) {
    return { usable: false, finding: skippedSaying('placement.api', say('placement.api.unreadable.title', { status: list.status }), say('placement.api.unreadable.explanation', { url: list.url }), ev) };
  }
  const count = dump.providers.length;
  return {
    usable: true,
    finding: finding({
      check: 'placement.api',
      severity: 'ok',
      ...texts({
        title: say('placement.api.ok.title', { endpoint: String(dump.endpoint), count }),
        explanation: say('placement.api.ok.explanation', { count, names: dump.providers.map((p) => p.name).join(', ') || say('placement.none') }),
      }),
      evidence: [{ node: out.node, step: out.step, lines: [list.marker.text] }],
    }),
  };
}

function capacityFindings(out: StepOutput, p: Provider): Finding[] {
  const ev = [evidenceOf(out, [p.responses.inventories, p.responses.usages])];
  if (!p.inventories || !p.usages) {
    const bad = !p.inventories ? p.responses.inventories : p.responses.usages;
    return [skippedSaying('placement.capacity', say('placement.capacity.unread.title', { provider: label(p) }), bad ? say('placement.capacity.unread.http', { path: bad.path, status: bad.status }) : say('placement.capacity.unread.ended'), ev)];
  }
  const rows = usageRows(p);
  if (!rows.length) {
    return [finding({ check: 'placement.capacity', severity: 'ok', ...texts({ title: say('placement.capacity.no-inventory.title', { provider: label(p) }), explanation: say('placement.capacity.no-inventory.explanation') }), evidence: ev })];
  }
  const table = semicolons(rows.map(rowText));
  const out2: Finding[] = [];
  for (const r of rows) {
    const knob = knobFor(r.rc);
    if (r.used > r.capacity) {
      out2.push(
        finding({
          check: 'placement.over-capacity',
          severity: 'critical',
          ...texts({
            title: say('placement.over.title', { rc: r.rc, name: p.name, used: r.used, capacity: r.capacity }),
            explanation: say('placement.over.explanation', { rc: r.rc, uuid: p.uuid, name: p.name, row: rowText(r), table }),
            likelyCause: say('placement.over.cause', { knob }),
            nextStep: say('placement.over.next', { uuid: p.uuid, knob, name: p.name }),
          }),
          evidence: ev,
        }),
      );
    } else if (r.capacity > 1 && r.used / r.capacity > NEAR_FULL) {
      out2.push(
        finding({
          check: 'placement.near-full',
          severity: 'warning',
          ...texts({
            title: say('placement.near-full.title', { name: p.name, rc: r.rc, pct: pct(r.used, r.capacity), free: r.free, capacity: r.capacity }),
            explanation: say('placement.near-full.explanation', { uuid: p.uuid, name: p.name, limit: NEAR_FULL * 100, rc: r.rc, row: rowText(r), free: r.free, table }),
            likelyCause: say('placement.near-full.cause', { knob }),
            nextStep: say('placement.near-full.next', { uuid: p.uuid, knob }),
          }),
          evidence: ev,
        }),
      );
    }
  }
  if (!out2.length) {
    out2.push(
      finding({
        check: 'placement.capacity',
        severity: 'ok',
        ...texts({
          title: say('placement.capacity.ok.title', { name: p.name, usage: rows.map((r) => `${r.rc} ${pct(r.used, r.capacity)}`).join(', ') }),
          explanation: say('placement.capacity.ok.explanation', { uuid: p.uuid, table }),
        }),
        evidence: ev,
      }),
    );
  }
  return out2;
}

function orphanFindings(input: Parameters<Analyzer>[0], out: StepOutput, dump: PlacementDump): Finding[] {
  const nova = completed(input, NOVA_STEP)[0];
  if (!nova) return [skippedSaying('placement.orphan-allocation', say('placement.orphan.skipped.title'), say('placement.orphan.skipped.no-step'))];
  const novaText = lines(`${nova.stdout}\n${nova.stderr}`).filter((l) => l.trim());
  const novaErr = novaText.filter((l) => /ERROR|denied|Unknown database|doesn't exist|not found|Can't connect/i.test(l));
  if (nova.exitCode !== 0) {
    return [
      skippedSaying('placement.orphan-allocation', say('placement.orphan.skipped.db.title', { node: nova.node }), say('placement.orphan.skipped.db', { code: String(nova.exitCode) }), [
        { node: nova.node, step: nova.step, lines: (novaErr.length ? novaErr : novaText).slice(-5) },
      ]),
    ];
  }
  const facts = parseNova(nova.stdout);
  const holders = new Map<string, Array<{ p: Provider; res: Record<string, number> }>>();
  const unread = dump.providers.filter((p) => !p.allocations);
  for (const p of dump.providers) for (const [c, res] of Object.entries(p.allocations ?? {})) holders.set(c, [...(holders.get(c) ?? []), { p, res }]);
  const res: Finding[] = [];
  if (holders.size && !facts.live.size) {
    return [
      skippedSaying('placement.orphan-allocation', say('placement.orphan.skipped.no-live.title'), say('placement.orphan.skipped.no-live', { count: holders.size }), [
        { node: nova.node, step: nova.step, lines: lines(nova.stdout).slice(0, 5) },
      ]),
    ];
  }
  for (const [consumer, held] of holders) {
    if (facts.live.has(consumer) || facts.migrations.has(consumer)) continue;
    const gone = facts.deleted.get(consumer);
    const where = held.map((h) => `${h.p.name}: ${Object.entries(h.res).map(([k, v]) => `${k}=${v}`).join(', ')}`).join('; ');
    res.push(
      finding({
        check: 'placement.orphan-allocation',
        severity: 'warning',
        ...texts({
          title: say('placement.orphan.title', { consumer, providers: held.map((h) => h.p.name).join(', '), gone: gone ? say('placement.orphan.title.deleted', { name: gone.name }) : '' }),
          explanation: say('placement.orphan.explanation', {
            consumer,
            where,
            who: gone ? say('placement.orphan.who.deleted', { name: gone.name, at: gone.extra }) : say('placement.orphan.who.unknown'),
            migrations: say(facts.migrationsChecked ? 'placement.orphan.migrations.checked' : 'placement.orphan.migrations.unread'),
          }),
          likelyCause: say('placement.orphan.cause'),
          nextStep: say('placement.orphan.next', { consumer }),
        }),
        evidence: [evidenceOf(out, held.map((h) => h.p.responses.allocations)), ...(gone ? [{ node: nova.node, step: nova.step, lines: [gone.line.text] }] : [])],
      }),
    );
  }
  const partial = unread.length ? say('placement.orphan.ok.partial', { providers: unread.map((p) => p.name).join(', ') }) : '';
  if (!res.length) {
    res.push(
      finding({
        check: 'placement.orphan-allocation',
        severity: 'ok',
        ...texts({
          title: say('placement.orphan.ok.title', { count: holders.size }),
          explanation: say('placement.orphan.ok.explanation', { live: facts.live.size, migrations: facts.migrations.size ? say('placement.orphan.ok.migrations') : '', partial }),
        }),
        evidence: [{ node: nova.node, step: nova.step, lines: [...facts.live.values()].slice(0, 20).map((r) => r.line.text) }],
      }),
    );
  }
  // The other way round: a live, placed instance with no allocation is invisible to the scheduler.
  if (!unread.length) {
    for (const row of facts.live.values()) {
      if (holders.has(row.uuid) || !row.host || !/^(active|stopped|paused|suspended|resized|rescued)$/.test(row.extra)) continue;
      res.push(
        finding({
          check: 'placement.missing-allocation',
          severity: 'warning',
          ...texts({
            title: say('placement.missing.title', { instance: row.name || row.uuid, host: row.host }),
            explanation: say('placement.missing.explanation', { uuid: row.uuid, name: row.name, state: row.extra, host: row.host }),
            likelyCause: say('placement.missing.cause'),
            nextStep: say('placement.missing.next', { uuid: row.uuid }),
          }),
          evidence: [{ node: nova.node, step: nova.step, lines: [row.line.text] }],
        }),
      );
    }
  }
  return res;
}

export const analyze: Analyzer = (input) => {
  const out = completed(input, STEP)[0];
  if (!out) return [skippedSaying('placement.capacity', say('placement.skipped.capacity.title'), say('placement.skipped.no-step'))];
  const dump = parsePlacement(out.stdout);
  const api = apiFinding(out, dump);
  if (!api.usable) {
    const why = say('placement.skipped.no-list');
    return [
      api.finding,
      skippedSaying('placement.capacity', say('placement.skipped.capacity.title'), why),
      ...(requestedOf(input.params).length ? [skippedSaying('placement.flavor-fit', say('placement.skipped.flavor.title'), why)] : []),
      skippedSaying('placement.orphan-allocation', say('placement.orphan.skipped.title'), why),
    ];
  }
  const findings: Finding[] = [api.finding];
  const perProvider = dump.providers.flatMap((p) => capacityFindings(out, p));
  const fine = perProvider.filter((f) => f.check === 'placement.capacity' && f.severity === 'ok');
  if (fine.length > COLLAPSE) {
    // A big cloud: one line per healthy provider in a single finding, the problems one by one.
    const each = semicolons(fine.flatMap((f) => (f.text ? [f.text.title] : [])));
    findings.push(
      finding({
        check: 'placement.capacity',
        severity: 'ok',
        ...texts({
          title: say('placement.capacity.many-ok.title', { count: fine.length }),
          // Each provider's own title, in the reader's language (more than COLLAPSE of them: never empty).
          explanation: typeof each === 'string' ? say('placement.capacity.many-ok.title', { count: 0 }) : each,
        }),
        evidence: fine.slice(0, COLLAPSE).flatMap((f) => f.evidence),
      }),
      ...perProvider.filter((f) => !fine.includes(f)),
    );
  } else findings.push(...perProvider);
  findings.push(...(requestedOf(input.params).length ? flavorFindings(input, out, dump) : everyFlavorFindings(out, dump, completed(input, NOVA_STEP)[0])));
  findings.push(...orphanFindings(input, out, dump));
  return findings;
};
