#!/bin/sh
# The OVN Southbound's side of the gateways, a section per table: every chassis (its row id, to
# name the chassis a port is bound to, and other_config/external_ids, where
# enable-chassis-as-gw is), their tunnel endpoints (to name a BFD peer by its IP), and the
# chassisredirect port bindings (cr-lrp-*: where each router gateway is active now).
sb() { ovn-sbctl --no-leader-only --timeout=10 "$@"; }
echo '== Chassis'
sb --columns=_uuid,name,hostname,other_config,external_ids list Chassis || exit
echo '== Encap'
sb --columns=chassis_name,ip list Encap || exit
echo '== Port_Binding'
sb --columns=logical_port,chassis,up find Port_Binding type=chassisredirect || exit
echo '== end'
