/**
 * neutron-ovn-sync: Neutron's database against the OVN Northbound DB, as neutron-server's maintenance
 * task (plugins/ml2/drivers/ovn/mech_driver/ovsdb/maintenance.py) sees it, plus what that task cannot
 * see: a Northbound row deleted behind Neutron's back leaves the revision numbers equal, so only the
 * comparison of ids finds it. The OVN hash ring decides which neutron-server worker handles each OVN
 * event: with no row heartbeating in the last 60 s (HASH_RING_NODES_TIMEOUT) every event is dropped.
 * The log part is the playbook's `logSignatures:` (the engine evaluates them).
 */
import type { FindingMessage, FindingSeverity as Severity } from '../../../main/contract/runs.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { KINDS, TABLE_OF, idOfNbName, nbName, parseNbObjects, parseNeutronDb, whyDbFailed, type Kind, type NbTable, type NbTableRows, type NeutronDb } from './parse.js';

const DB = 'neutron-db';
const NB = 'nb-objects';
/** neutron/common/ovn/constants.py HASH_RING_NODES_TIMEOUT: a ring row older than this is not a live worker. */
export const RING_TIMEOUT = 60;
/** Objects younger than this may still be on their way to OVN (INCONSISTENCIES_OLDER_THAN). */
export const YOUNG = 60;
/** Two maintenance runs (DB_CONSISTENCY_CHECK_INTERVAL = 300 s): a difference older than this was not repaired. */
export const UNREPAIRED = 600;
const SHOW = 5;
/** Rows of a host silent for longer than a day were left by a server that no longer runs there. */
export const LEFT_BEHIND = 86400;

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';
const ids = (xs: string[]): string => xs.slice(0, SHOW).join(', ') + (xs.length > SHOW ? ', …' : '');
const perType = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
const dashed = (k: Kind): string => k.replace('_', '-');
const kindName = (k: Kind): FindingMessage => say(`neutron-ovn-sync.kind.${dashed(k)}`);

function notChecked(check: string, out: StepOutput | undefined, any: StepOutput | undefined, what: 'db' | 'nb', quoted?: string[]): Finding {
  const line = quoted?.at(-1) ?? (out ? firstLine(out) : '');
  const why = out && what === 'db' ? whyDbFailed(allText(out)) : 'other';
  const t = texts({
    title: say(`neutron-ovn-sync.${what}.failed.title`),
    explanation: out
      ? say('neutron-ovn-sync.failed.explanation', { node: out.node, line: line || say('neutron-ovn-sync.exit-code', { code: out.exitCode ?? '?' }) })
      : say('neutron-ovn-sync.not-run.explanation', { why: any?.error ?? any?.state ?? say('neutron-ovn-sync.not-run.none') }),
    ...(why === 'access' || why === 'unreachable' ? { likelyCause: say(`neutron-ovn-sync.db.failed.cause.${why}`) } : {}),
    ...(out ? { nextStep: say(`neutron-ovn-sync.${what}.failed.next`) } : {}),
  });
  const f = skipped(check, t.title, t.explanation, out && line ? [evidence(out, quoted ?? [line])] : []);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

function notHere(out: StepOutput, line: string, key: 'no-neutron' | 'no-ovn'): Finding {
  return finding({
    check: 'neutron-ovn.not-here',
    severity: 'info',
    ...texts({ title: say(`neutron-ovn-sync.${key}.title`), explanation: say(`neutron-ovn-sync.${key}.explanation`, { node: out.node }) }),
    evidence: [evidence(out, [line])],
  });
}

/** The hash ring per group: critical when no worker heartbeats; a host whose workers all stopped is a warning. */
function ringFindings(db: NeutronDb, out: StepOutput): Finding[] {
  const found: Finding[] = [];
  const live = (age: number | null): boolean => age !== null && age <= RING_TIMEOUT;
  if (!db.ring.length) {
    return [
      finding({
        check: 'neutron-ovn.hash-ring',
        severity: 'critical',
        ...texts({ title: say('neutron-ovn-sync.ring.empty.title'), explanation: say('neutron-ovn-sync.ring.empty.explanation', { revisions: db.revisions ?? '?' }), likelyCause: say('neutron-ovn-sync.ring.cause'), nextStep: say('neutron-ovn-sync.ring.next') }),
        evidence: [evidence(out, [db.schema ? `== schema ${db.schema}` : '', db.nowLine ?? ''].filter(Boolean))],
      }),
    ];
  }
  for (const group of [...new Set(db.ring.map((r) => r.group))]) {
    const rows = db.ring.filter((r) => r.group === group);
    const hosts = [...new Set(rows.map((r) => r.host))];
    const liveHosts = hosts.filter((h) => rows.some((r) => r.host === h && live(r.age)));
    const freshest = Math.min(...rows.map((r) => r.age ?? Infinity));
    if (!liveHosts.length) {
      found.push(
        finding({
          check: 'neutron-ovn.hash-ring',
          severity: 'critical',
          ...texts({
            title: say('neutron-ovn-sync.ring.stale.title', { group }),
            explanation: say('neutron-ovn-sync.ring.stale.explanation', { group, rows: rows.length, hosts: hosts.join(', '), age: Number.isFinite(freshest) ? freshest : '?', timeout: RING_TIMEOUT }),
            likelyCause: say('neutron-ovn-sync.ring.cause'),
            nextStep: say('neutron-ovn-sync.ring.next'),
          }),
          evidence: [evidence(out, [db.nowLine ?? '', ...rows.map((r) => r.line)].filter(Boolean).slice(0, 12))],
        }),
      );
      continue;
    }
    const hostAge = (h: string): number => Math.min(...rows.filter((r) => r.host === h).map((r) => r.age ?? Infinity));
    // A server killed (OOM, a pod evicted, a controller removed) never deletes its rows: after a
    // day they are what it left behind, not a server failing now (openstack-helm names hosts by pod).
    const isGone = (h: string): boolean => Number.isFinite(hostAge(h)) && hostAge(h) > LEFT_BEHIND;
    const deadHosts = hosts.filter((h) => !liveHosts.includes(h));
    for (const h of deadHosts) {
      const hostRows = rows.filter((r) => r.host === h);
      const age = hostAge(h);
      const gone = isGone(h);
      const key = gone ? 'neutron-ovn-sync.ring.gone' : 'neutron-ovn-sync.ring.host';
      found.push(
        finding({
          check: 'neutron-ovn.hash-ring-host',
          severity: gone ? 'info' : 'warning',
          ...texts({
            title: say(`${key}.title`, { host: h, hours: Number.isFinite(age) ? Math.round(age / 3600) : '?' }),
            explanation: say(`${key}.explanation`, { host: h, rows: hostRows.length, age: Number.isFinite(age) ? age : '?', hours: Number.isFinite(age) ? Math.round(age / 3600) : '?', live: liveHosts.join(', '), timeout: RING_TIMEOUT }),
            ...(gone ? {} : { likelyCause: say('neutron-ovn-sync.ring.host.cause', { host: h }) }),
            nextStep: say(`${key}.next`, { host: h }),
          }),
          evidence: [evidence(out, [db.nowLine ?? '', ...hostRows.map((r) => r.line)].filter(Boolean).slice(0, 8))],
        }),
      );
    }
    if (deadHosts.every(isGone)) {
      const perHost = liveHosts.map((h) => `${h}: ${rows.filter((r) => r.host === h).length}`).join(', ');
      found.push(
        finding({
          check: 'neutron-ovn.hash-ring',
          severity: 'ok',
          ...texts({ title: say('neutron-ovn-sync.ring.ok.title', { hosts: liveHosts.length, group }), explanation: say('neutron-ovn-sync.ring.ok.explanation', { perHost, age: freshest, timeout: RING_TIMEOUT }) }),
          evidence: [evidence(out, rows.map((r) => r.line).slice(0, 12))],
        }),
      );
    }
  }
  return found;
}

/** ovn_revision_numbers against standardattributes: what the maintenance task would fix now, and what it did not. */
function revisionFindings(db: NeutronDb, out: StepOutput): Finding[] {
  const found: Finding[] = [];
  const drift = db.drift.filter((d) => d.age === null || d.age >= YOUNG);
  const old = drift.filter((d) => d.age === null || d.age >= UNREPAIRED);
  const total = Object.values(db.driftCount).reduce((a, b) => a + b, 0);
  if (drift.length) {
    const severity: Severity = old.length ? 'warning' : 'info';
    const shown = old.length ? old : drift;
    found.push(
      finding({
        check: 'neutron-ovn.revision-drift',
        severity,
        ...texts({
          title: say(`neutron-ovn-sync.drift.${severity}.title`, { count: Math.max(total, drift.length), types: perType(db.driftCount) }),
          explanation: say(`neutron-ovn-sync.drift.${severity}.explanation`, {
            count: Math.max(total, drift.length),
            types: perType(db.driftCount),
            old: old.length,
            minutes: UNREPAIRED / 60,
            examples: shown.slice(0, SHOW).map((d) => `${d.type} ${d.uuid} (OVN ${d.ovnRevision}, Neutron ${d.neutronRevision})`).join('; '),
          }),
          ...(old.length ? { likelyCause: say('neutron-ovn-sync.drift.cause'), nextStep: say('neutron-ovn-sync.drift.next') } : {}),
        }),
        evidence: [evidence(out, shown.map((d) => d.line).slice(0, 10))],
      }),
    );
  }
  const oldDeleted = db.deleted.filter((d) => d.age === null || d.age >= UNREPAIRED);
  if (oldDeleted.length) {
    const count = Object.values(db.deletedCount).reduce((a, b) => a + b, 0);
    found.push(
      finding({
        check: 'neutron-ovn.delete-pending',
        severity: 'warning',
        ...texts({
          title: say('neutron-ovn-sync.deleted.title', { count: Math.max(count, oldDeleted.length), types: perType(db.deletedCount) }),
          explanation: say('neutron-ovn-sync.deleted.explanation', { count: Math.max(count, oldDeleted.length), old: oldDeleted.length, minutes: UNREPAIRED / 60, examples: ids(oldDeleted.map((d) => `${d.type} ${d.uuid}`)) }),
          likelyCause: say('neutron-ovn-sync.drift.cause'),
          nextStep: say('neutron-ovn-sync.drift.next'),
        }),
        evidence: [evidence(out, oldDeleted.map((d) => d.line).slice(0, 10))],
      }),
    );
  }
  return found;
}

/** Neutron's ids against the Northbound names: rows missing in OVN, and Northbound rows Neutron no longer has. */
function compareFindings(db: NeutronDb, dbOut: StepOutput, nb: Record<NbTable, NbTableRows>, nbOut: StepOutput): Finding[] {
  const found: Finding[] = [];
  const drifting = new Set(db.drift.map((d) => d.uuid));
  const pendingDelete = new Set(db.deleted.map((d) => d.uuid));
  const orphans: Array<{ kind: Kind; name: string }> = [];
  for (const kind of KINDS) {
    const table = TABLE_OF[kind];
    const names = new Set(nb[table].names);
    const missing = db.objects[kind].filter((o) => (o.age === null || o.age >= YOUNG) && !names.has(nbName(kind, o.id)));
    if (missing.length) {
      const known = missing.filter((o) => drifting.has(o.id)).length;
      found.push(
        finding({
          check: 'neutron-ovn.missing-in-nb',
          severity: kind === 'security_group' ? 'warning' : 'critical',
          ...texts({
            title: say('neutron-ovn-sync.missing.title', { count: missing.length, kind: kindName(kind), total: db.objects[kind].length, table }),
            explanation: say(`neutron-ovn-sync.missing.${dashed(kind)}.explanation`, { count: missing.length, table, ids: ids(missing.map((o) => o.id)) }),
            likelyCause: say(`neutron-ovn-sync.missing.cause.${known === missing.length ? 'known' : known ? 'some' : 'none'}`, { known, count: missing.length }),
            nextStep: say('neutron-ovn-sync.missing.next', { table, name: nbName(kind, (missing[0] as { id: string }).id) }),
          }),
          evidence: [evidence(dbOut, missing.map((o) => o.line).slice(0, 10)), evidence(nbOut, [`== ${table}`])],
        }),
      );
    }
    const known = new Set(db.objects[kind].map((o) => o.id));
    for (const name of nb[table].names) {
      const id = idOfNbName(kind, name);
      if (id && !known.has(id) && !pendingDelete.has(id)) orphans.push({ kind, name });
    }
  }
  if (orphans.length) {
    const counts = Object.fromEntries(KINDS.map((k) => [TABLE_OF[k], orphans.filter((o) => o.kind === k).length]).filter(([, n]) => n));
    found.push(
      finding({
        check: 'neutron-ovn.orphan-in-nb',
        severity: 'warning',
        ...texts({
          title: say('neutron-ovn-sync.orphan.title', { count: orphans.length, tables: perType(counts) }),
          explanation: say('neutron-ovn-sync.orphan.explanation', { count: orphans.length, tables: perType(counts), names: ids(orphans.map((o) => o.name)) }),
          likelyCause: say('neutron-ovn-sync.orphan.cause'),
          nextStep: say('neutron-ovn-sync.orphan.next', { table: TABLE_OF[(orphans[0] as { kind: Kind }).kind], name: (orphans[0] as { name: string }).name }),
        }),
        evidence: [evidence(nbOut, orphans.map((o) => o.name).slice(0, 10))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const dbOut = completed(input, DB)[0];
  const nbOut = completed(input, NB)[0];
  const db = dbOut && dbOut.state === 'succeeded' ? parseNeutronDb(dbOut.stdout) : null;
  if (db && dbOut && db.noNeutron) return [notHere(dbOut, db.noNeutron, 'no-neutron')];
  // Neutron without OVN (ML2/OVS, linuxbridge): no worker ever joined the ring, no revision was written.
  if (db && dbOut && !db.ring.length && db.revisions === 0) return [notHere(dbOut, `== schema ${db.schema ?? ''}`, 'no-ovn')];

  const found: Finding[] = [];
  if (!db || !dbOut) found.push(notChecked('neutron-ovn.neutron-db', dbOut, outputsOf(input, DB)[0], 'db'));
  const revisions = db && dbOut ? revisionFindings(db, dbOut) : [];
  if (db && dbOut) found.push(...ringFindings(db, dbOut), ...revisions);

  const nbParsed = nbOut && nbOut.state === 'succeeded' ? parseNbObjects(nbOut.stdout) : null;
  const nbFailed = !nbParsed || !KINDS.every((k) => nbParsed[TABLE_OF[k]]?.exit === 0);
  if (nbFailed) {
    // A table whose query failed inside a script that ran: its heading and exit, then ovn-nbctl's own words (stderr).
    const failed = nbParsed ? KINDS.map((k) => TABLE_OF[k]).find((t) => nbParsed[t]?.exit !== 0) : undefined;
    const why = nbOut ? lines(nbOut.stderr).find((l) => l.trim()) : undefined;
    const quoted = failed && nbParsed?.[failed] ? [`== ${failed}`, ...(nbParsed[failed].exitLine ? [nbParsed[failed].exitLine as string] : []), ...(why ? [why] : [])] : undefined;
    found.push(notChecked('neutron-ovn.nb-objects', nbOut, outputsOf(input, NB)[0], 'nb', quoted));
  }
  if (db && dbOut && nbParsed && nbOut && !nbFailed) {
    const compared = compareFindings(db, dbOut, nbParsed, nbOut);
    found.push(...compared);
    // The ok speaks of the sync only: the ring has its own.
    if (!compared.length && !revisions.some((f) => f.severity === 'warning')) {
      const counts = KINDS.map((k) => `${db.objects[k].length} ${TABLE_OF[k]}`).join(', ');
      const ev: Evidence[] = [evidence(dbOut, [db.nowLine ?? '', ...lines(dbOut.stdout).filter((l) => l.startsWith('revisions\t'))].filter(Boolean))];
      found.push(
        finding({
          check: 'neutron-ovn.sync',
          severity: 'ok',
          ...texts({ title: say('neutron-ovn-sync.ok.title'), explanation: say('neutron-ovn-sync.ok.explanation', { counts, revisions: db.revisions ?? '?' }) }),
          evidence: ev,
        }),
      );
    }
  }
  return found;
};
