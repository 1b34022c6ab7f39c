#!/bin/sh
# The OVN Northbound side: the names of the rows Neutron made (those whose external_ids carry a
# neutron:* key) in the four tables that stand for its networks (Logical_Switch neutron-<id>),
# ports (Logical_Switch_Port <id>), routers (Logical_Router neutron-<id>) and security groups
# (Port_Group pg_<id with _>). sed keeps the name column only (external_ids of thousands of ports
# would be megabytes); each table ends with the exit status of its query.
for table in Logical_Switch Logical_Switch_Port Logical_Router Port_Group; do
  echo "== $table"
  { ovn-nbctl --no-leader-only --timeout=10 --format=csv --data=bare --no-headings --columns=name,external_ids list "$table"; echo "== exit $?"; } |
    sed -n -e '/^== exit /p' -e 's/^\([^,"]*\),.*neutron:.*/\1/p'
done
