import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseNbObjects, parseNeutronDb } from './parse.js';

/**
 * The neutron-ovn-sync step scripts themselves, run with sh as the engine runs them, with `mysql`
 * and `ovn-nbctl` stand-ins on PATH printing what the real ones print. The SQL itself was run by
 * hand against the lab's cached Neutron (Zed) schema in a MariaDB 10.11 with rows of each case.
 */
const withTools = standIns('neutron-ovn-sync-sh-');
const run = (name: string, bin: string): { out: string; err: string; status: number | null } => {
  const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin; export PATH; . ${join(import.meta.dirname, name)}`], { encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe('neutron-db.sh', () => {
  it('finds the schema holding ovn_hash_ring, then runs one read-only session in it', () => {
    const bin = withTools({
      // The first call looks the schema up; the second gets it with -D and the SELECTs.
      mysql: [
        'case "$*" in',
        '*information_schema*) echo neutron ;;',
        `*"-D neutron"*) case "$*" in *INSERT*|*UPDATE*|*DELETE*) exit 9 ;; esac; printf 'now\\t2026-12-05 10:00:00\\t2026-12-05 10:00:00\\nring\\tmechanism_driver\\tcontroller-1\\t66666666-6666-4666-8666-666666666666\\t12\\nrevisions\\t3\\nnetwork\\t11111111-1111-4111-8111-111111111111\\t86400\\n' ;;`,
        '*) exit 3 ;;',
        'esac',
      ].join('\n'),
    });
    const r = run('neutron-db.sh', bin);
    expect(r.status, r.err).toBe(0);
    const db = parseNeutronDb(r.out);
    expect(db).toMatchObject({ schema: 'neutron', noNeutron: null, revisions: 3, ring: [{ host: 'controller-1', age: 12 }] });
    expect(db?.objects.network.map((o) => o.id)).toEqual(['11111111-1111-4111-8111-111111111111']);
  });

  it('says there is no Neutron when no schema has the table, and passes a refused lookup on', () => {
    const none = run('neutron-db.sh', withTools({ mysql: 'exit 0' }));
    expect(none.status).toBe(0);
    expect(parseNeutronDb(none.out)?.noNeutron).toBe('== no-neutron: no schema has an ovn_hash_ring table');
    const denied = run('neutron-db.sh', withTools({ mysql: "echo \"ERROR 1045 (28000): Access denied for user 'root'@'localhost'\" >&2; exit 1" }));
    expect(denied.status).toBe(1);
    expect(denied.out).toBe('');
    expect(denied.err).toContain('ERROR 1045');
  });
});

describe('neutron-db.sh under a flavour’s mysql function', () => {
  it('calls the function both times (Kolla and openstack-helm define `mysql` to add their defaults file), never a mysql from PATH', () => {
    const bin = withTools({ mysql: 'echo "mysql from PATH, without the defaults file" >&2; exit 7' });
    const fn = `mysql() { case "$*" in *information_schema*) echo neutron ;; *) printf 'now\\t2026-12-05 10:00:00\\t2026-12-05 10:00:00\\nrevisions\\t0\\n' ;; esac; }`;
    const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin; export PATH; ${fn}\n. ${join(import.meta.dirname, 'neutron-db.sh')}`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(parseNeutronDb(r.stdout)).toMatchObject({ schema: 'neutron', revisions: 0 });
  });
});

describe('nb-objects.sh', () => {
  it('keeps the names of the rows with neutron:* external_ids, each table ending with its query’s exit', () => {
    const bin = withTools({
      'ovn-nbctl': [
        'case "$*" in',
        "*\"list Logical_Switch_Port\"*) printf '%s\\n' '9c1c2d57-3a0b-4bd6-93c5-0b8f3e1e2a10,\"neutron:cidrs=\"\"10.0.0.5/24\"\" neutron:device_owner=compute:nova neutron:revision_number=4\"' 'provnet-8d2c,' 'op-lsp1,owner=me' ;;",
        "*\"list Logical_Switch\"*) printf '%s\\n' 'neutron-4b6e1a3c-2f7d-4e0a-9c1b-5d8e7f6a2b30,\"neutron:mtu=1442 neutron:network_name=private neutron:revision_number=2\"' 'op-ls,' ;;",
        '*"list Logical_Router"*) echo "database connection failed ()" >&2; exit 1 ;;',
        "*\"list Port_Group\"*) printf '%s\\n' 'neutron_pg_drop,' 'pg_0c9d3e1a_5b7f_4c2d_8e6a_1f3b5d7c9e20,neutron:security_group_id=0c9d3e1a-5b7f-4c2d-8e6a-1f3b5d7c9e20' ;;",
        'esac',
      ].join('\n'),
    });
    const r = run('nb-objects.sh', bin);
    expect(r.status, r.err).toBe(0);
    expect(r.out).toBe(
      [
        '== Logical_Switch',
        'neutron-4b6e1a3c-2f7d-4e0a-9c1b-5d8e7f6a2b30',
        '== exit 0',
        '== Logical_Switch_Port',
        '9c1c2d57-3a0b-4bd6-93c5-0b8f3e1e2a10',
        '== exit 0',
        '== Logical_Router',
        '== exit 1',
        '== Port_Group',
        'pg_0c9d3e1a_5b7f_4c2d_8e6a_1f3b5d7c9e20',
        '== exit 0',
        '',
      ].join('\n'),
    );
    const nb = parseNbObjects(r.out);
    expect(nb?.Logical_Router).toEqual({ names: [], exit: 1, exitLine: '== exit 1' });
    expect(nb?.Port_Group.names).toEqual(['pg_0c9d3e1a_5b7f_4c2d_8e6a_1f3b5d7c9e20']);
  });
});
