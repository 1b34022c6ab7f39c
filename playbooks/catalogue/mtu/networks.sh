#!/bin/sh
# The tenant networks as Neutron wrote them into the OVN Northbound DB: each Logical_Switch with
# its ports and external_ids (neutron:mtu, neutron:network_name), then the ports of type localnet
# (a switch holding one is a flat/VLAN provider network: its traffic leaves untunnelled).
echo '== switches'
ovn-nbctl --no-leader-only --timeout=10 --format=csv --data=bare --no-headings --columns=_uuid,name,ports,external_ids list Logical_Switch
echo "== localnet (exit $?)"
ovn-nbctl --no-leader-only --timeout=10 --data=bare --no-headings --columns=_uuid find Logical_Switch_Port type=localnet
