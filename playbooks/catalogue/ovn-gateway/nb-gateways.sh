#!/bin/sh
# The OVN Northbound's gateway configuration, a section per table (each `== TABLE` line, then
# what ovn-nbctl printed): the router ports that have a gateway (gateway_chassis or
# ha_chassis_group), the routers (which port is whose), the Gateway_Chassis rows with their
# priorities, and the HA chassis groups with their members. Stops at the first failing read.
nb() { ovn-nbctl --no-leader-only --timeout=10 "$@"; }
echo '== Logical_Router_Port'
nb --columns=_uuid,name,networks,gateway_chassis,ha_chassis_group,external_ids find Logical_Router_Port 'gateway_chassis!=[]' || exit
nb --columns=_uuid,name,networks,gateway_chassis,ha_chassis_group,external_ids find Logical_Router_Port 'ha_chassis_group!=[]' || exit
echo '== Logical_Router'
nb --columns=_uuid,name,ports,external_ids list Logical_Router || exit
echo '== Gateway_Chassis'
nb --columns=_uuid,chassis_name,priority list Gateway_Chassis || exit
echo '== HA_Chassis_Group'
nb --columns=_uuid,name,ha_chassis list HA_Chassis_Group || exit
echo '== HA_Chassis'
nb --columns=_uuid,chassis_name,priority list HA_Chassis || exit
echo '== end'
