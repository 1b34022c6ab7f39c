import { describe, expect, it } from 'vitest';
import { mutatingReason } from './read-only.js';

describe('read-only check for runbook commands', () => {
  it('lets the reading commands of the shipped runbooks through', () => {
    for (const c of [
      `mysql -N -B -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_status')"`,
      `d=$(my_print_defaults --mysqld | sed -n 's/^--datadir=//p' | tail -n 1); cat "\${d:-/var/lib/mysql}/grastate.dat"`,
      `ovn-nbctl --no-leader-only show`,
      `for pg in $(ovn-nbctl --bare --columns=name find Port_Group "ports{>=}$lsp"); do ovn-nbctl acl-list "$pg"; done`,
      `openstack allocation candidate list --resource VCPU=4`,
      `for u in $(openstack resource provider list -f value -c uuid); do openstack resource provider inventory list "$u"; done`,
      `ovs-vsctl show 2>/dev/null; journalctl -u nova-compute -n 50 2>&1 | grep -i error`,
      `mysql -e "SELECT a > b FROM t"`,
      `curl -sS http://127.0.0.1:8778/`,
      `rabbitmq-diagnostics check_local_alarms; rabbitmqctl -q status | grep -E '^(Total memory used|Memory high watermark setting):'`,
      `rabbitmqctl -q list_connections --no-table-headers user peer_host state`,
      `rabbitmqctl cluster_status | tr -d '\\033' | awk 'NF'; rabbitmqctl -q environment | grep -o 'cluster_partition_handling,[a-z_]*'`,
    ]) {
      expect(mutatingReason(c), c).toBeNull();
    }
  });

  it('names why a command that changes something is refused', () => {
    expect(mutatingReason('rm -rf /var/lib/mysql')).toBe('changes files (rm)');
    expect(mutatingReason('uptime; sudo reboot')).toBe('stops processes or the host (reboot)');
    expect(mutatingReason('systemctl restart mariadb')).toBe('changes a service (systemctl restart)');
    expect(mutatingReason('echo x > /etc/nova/nova.conf')).toBe('writes a file (redirection with >)');
    expect(mutatingReason('ovn-nbctl --no-leader-only acl-del pg_x to-lport 1002 "tcp"')).toBe('changes an OVSDB database (acl-del)');
    expect(mutatingReason('ovn-nbctl set Logical_Switch_Port p1 enabled=false')).toBe('changes an OVSDB database (set)');
    expect(mutatingReason('openstack security group rule create --protocol tcp default')).toBe('changes the cloud (openstack … create)');
    expect(mutatingReason(`mysql -e "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"`)).toBe('writes to the database (SET GLOBAL)');
    expect(mutatingReason(`mysql nova -e "delete from instances where id = 1"`)).toBe('writes to the database (delete from)');
    expect(mutatingReason('curl -X DELETE http://x/allocations/1')).toBe('sends a DELETE request');
    expect(mutatingReason("sed -i 's/a/b/' /etc/hosts")).toBe('edits a file in place (sed -i)');
    expect(mutatingReason('kubectl -n openstack delete pod x')).toBe('changes Kubernetes (kubectl delete)');
    expect(mutatingReason('ls | tee /tmp/out')).toBe('changes files (tee)');
    expect(mutatingReason('rabbitmqctl stop_app; rabbitmqctl start_app')).toBe('changes RabbitMQ (rabbitmqctl stop_app)');
    expect(mutatingReason('rabbitmqctl -q set_vm_memory_high_watermark 0.4')).toBe('changes RabbitMQ (rabbitmqctl set_vm_memory_high_watermark)');
    expect(mutatingReason('rabbitmqctl -n rabbit@ctl-1 forget_cluster_node rabbit@ctl-3')).toBe('changes RabbitMQ (rabbitmqctl forget_cluster_node)');
    expect(mutatingReason('rabbitmqctl purge_queue conductor')).toBe('changes RabbitMQ (rabbitmqctl purge_queue)');
    expect(mutatingReason(`rabbitmqctl eval 'init:stop().'`)).toBe('changes RabbitMQ (rabbitmqctl eval)');
    expect(mutatingReason('rabbitmq-plugins enable rabbitmq_management')).toBe('changes RabbitMQ plugins (rabbitmq-plugins enable)');
  });
});
