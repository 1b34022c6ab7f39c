#!/bin/sh
# Neutron's side of the OVN sync, read from its database the way neutron-server's maintenance task
# reads it (neutron/db/ovn_revision_numbers_db.py, ovn_hash_ring_db.py): the OVN hash ring (which
# neutron-server workers heartbeat), the resources whose OVN revision differs from Neutron's
# (get_inconsistent_resources, created more than 60 s ago), those deleted in Neutron and not yet in
# OVN (get_deleted_resources), and the ids of the networks, ports, routers and security groups to
# compare with the OVN Northbound DB. Only SELECTs; no column holds a secret.
# The schema is the one holding ovn_hash_ring (`neutron` first): none means no Neutron here.
db=$(mysql -N -B -e "SELECT table_schema FROM information_schema.tables WHERE table_name = 'ovn_hash_ring' ORDER BY table_schema = 'neutron' DESC, table_schema LIMIT 1") || exit $?
if [ -z "$db" ]; then
  echo '== no-neutron: no schema has an ovn_hash_ring table'
  exit 0
fi
echo "== schema $db"
# Neutron writes these times with timeutils.utcnow() (UTC); ovn_revision_numbers' own columns are
# the server's NOW() (sa.func.now()). No `exec`: `mysql` may be the flavour's shell function (Kolla's
# defaults file, openstack-helm's admin_user.cnf), and Kolla's trap must still remove that file.
mysql -N -B -D "$db" -e "
SELECT 'now', UTC_TIMESTAMP(), NOW();
SELECT 'ring', group_name, hostname, node_uuid, TIMESTAMPDIFF(SECOND, updated_at, UTC_TIMESTAMP()) FROM ovn_hash_ring ORDER BY hostname, group_name, updated_at DESC;
SELECT 'revisions', COUNT(*) FROM ovn_revision_numbers;
SELECT 'drift-count', r.resource_type, COUNT(*) FROM ovn_revision_numbers r JOIN standardattributes s ON s.id = r.standard_attr_id
 WHERE s.created_at < UTC_TIMESTAMP() - INTERVAL 60 SECOND AND r.revision_number <> s.revision_number GROUP BY r.resource_type;
SELECT 'drift', r.resource_type, r.resource_uuid, r.revision_number, s.revision_number, TIMESTAMPDIFF(SECOND, COALESCE(s.updated_at, s.created_at), UTC_TIMESTAMP())
 FROM ovn_revision_numbers r JOIN standardattributes s ON s.id = r.standard_attr_id
 WHERE s.created_at < UTC_TIMESTAMP() - INTERVAL 60 SECOND AND r.revision_number <> s.revision_number ORDER BY r.resource_type, s.updated_at LIMIT 200;
SELECT 'deleted-count', resource_type, COUNT(*) FROM ovn_revision_numbers WHERE standard_attr_id IS NULL GROUP BY resource_type;
SELECT 'deleted', resource_type, resource_uuid, TIMESTAMPDIFF(SECOND, updated_at, NOW()) FROM ovn_revision_numbers WHERE standard_attr_id IS NULL ORDER BY resource_type, updated_at LIMIT 200;
SELECT 'network', n.id, TIMESTAMPDIFF(SECOND, s.created_at, UTC_TIMESTAMP()) FROM networks n JOIN standardattributes s ON s.id = n.standard_attr_id;
SELECT 'port', p.id, TIMESTAMPDIFF(SECOND, s.created_at, UTC_TIMESTAMP()) FROM ports p JOIN standardattributes s ON s.id = p.standard_attr_id WHERE p.device_owner <> 'network:floatingip';
SELECT 'router', r.id, TIMESTAMPDIFF(SECOND, s.created_at, UTC_TIMESTAMP()) FROM routers r JOIN standardattributes s ON s.id = r.standard_attr_id;
SELECT 'security_group', g.id, TIMESTAMPDIFF(SECOND, s.created_at, UTC_TIMESTAMP()) FROM securitygroups g JOIN standardattributes s ON s.id = g.standard_attr_id;
"
