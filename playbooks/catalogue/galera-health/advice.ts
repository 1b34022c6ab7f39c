/** Flavour-specific commands for the next steps the galera-health findings recommend. */
import type { AnalyzerInput } from '../../engine/types.js';

type Flavour = AnalyzerInput['deployment'];

/** How to run one SQL statement against the local mysqld on `node`. */
export function sqlOn(flavour: Flavour, node: string, sql: string): string {
  const q = `"${sql.replace(/"/g, '\\"')}"`;
  if (flavour === 'kolla') return `ssh ${node} docker exec mariadb mysql -uroot -p -e ${q}`;
  if (flavour === 'openstack-helm')
    return `kubectl -n openstack exec <mariadb-server pod on ${node}> -c mariadb -- mysql --defaults-extra-file=/etc/mysql/admin_user.cnf --protocol=socket -e ${q}`;
  return `ssh ${node} mysql -e ${q}`;
}

/** Where to look when mysqld is not running on `node`. */
export function whyDown(flavour: Flavour, node: string): string {
  if (flavour === 'kolla') return `ssh ${node} 'docker ps -a --filter name=mariadb; tail -n 100 /var/log/kolla/mariadb/mariadb.log'`;
  if (flavour === 'openstack-helm')
    return `kubectl -n openstack get pods -l application=mariadb,component=server -o wide; kubectl -n openstack logs <mariadb-server pod on ${node}> -c mariadb --previous --tail 100`;
  return `ssh ${node} 'systemctl status mariadb; journalctl -u mariadb -n 100 --no-pager'`;
}

/** How to start mysqld on `node` so that it joins the running Primary component. */
export function startJoin(flavour: Flavour, node: string): string {
  if (flavour === 'kolla') return `ssh ${node} docker start mariadb`;
  if (flavour === 'openstack-helm') return `kubectl -n openstack delete pod <mariadb-server pod on ${node}> (the StatefulSet recreates it and it rejoins)`;
  return `ssh ${node} systemctl start mariadb`;
}

/** How to start a brand-new Primary component from a stopped `node` (its grastate.dat at `path`). */
export function bootstrapStopped(flavour: Flavour, node: string, path: string | null): string {
  const file = path ?? '<datadir>/grastate.dat';
  if (flavour === 'kolla')
    return `kolla-ansible mariadb_recovery -i <inventory> (it runs mysqld --wsrep-recover on every node and bootstraps the most advanced one; expect it to pick ${node})`;
  if (flavour === 'openstack-helm')
    return `openstack-helm's mariadb start script recovers a fully stopped cluster by itself (it gathers every pod's grastate in the mariadb-mariadb-state ConfigMap and bootstraps the most advanced pod); watch it with kubectl -n openstack get configmap mariadb-mariadb-state -o yaml and kubectl -n openstack logs <mariadb-server pod on ${node}> -c mariadb. By hand: set safe_to_bootstrap: 1 in ${file} on ${node} and restart that pod first.`;
  return `ssh ${node} "sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' ${file} && galera_new_cluster"`;
}

/** How to learn a crashed node's last committed position. */
export function recoverPosition(flavour: Flavour, nodes: string[]): string {
  const list = nodes.join(', ');
  if (flavour === 'kolla') return `kolla-ansible mariadb_recovery -i <inventory> runs mysqld --wsrep-recover on every node (${list} included) and bootstraps the most advanced one`;
  if (flavour === 'openstack-helm')
    return `openstack-helm's mariadb start script runs mysqld --wsrep-recover in each restarting pod and records the result as seqno.<pod> in the mariadb-mariadb-state ConfigMap; read it with kubectl -n openstack get configmap mariadb-mariadb-state -o yaml`;
  return `with mysqld stopped, run galera_recovery (or mysqld --wsrep-recover --user=mysql) on ${list} and read "WSREP: Recovered position: UUID:SEQNO" in its output or the error log`;
}
