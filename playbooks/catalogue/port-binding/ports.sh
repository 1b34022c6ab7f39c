#!/bin/sh
# Servers of every project with their Nova host, the compute ports with their status, then a show
# of what needs a closer look: servers in ERROR (their fault names a port Nova could not bind, at
# most 10), ports of instances that are not ACTIVE or that such a fault names (binding host and
# vif type, at most 20), and the networks of those ports (provider type and physical network, at
# most 10). A healthy cloud costs two list calls.
echo '== server list'
servers=$(openstack server list --all-projects --long -f json -c ID -c Name -c Status -c Host 2>&1)
rc=$?
printf '%s\n' "$servers"
[ "$rc" -eq 0 ] || exit "$rc"
echo '== port list'
ports=$(openstack port list --device-owner compute:nova -f json -c ID -c Name -c Status 2>&1)
rc=$?
printf '%s\n' "$ports"
[ "$rc" -eq 0 ] || exit "$rc"

# IDs whose "Status" (the line after ID/Name in cliff's JSON) matches $1.
ids_with_status() {
  awk -v want="$1" '
    /^ *"ID": "/ { id = $0; sub(/^ *"ID": "/, "", id); sub(/".*$/, "", id) }
    /^ *"Status": "/ {
      st = $0; sub(/^ *"Status": "/, "", st); sub(/".*$/, "", st)
      if (st ~ want && id != "") print id
      id = ""
    }'
}

faults=''
for id in $(printf '%s\n' "$servers" | ids_with_status '^ERROR$' | head -n 10); do
  echo "== server show $id"
  # The fault's "details" is the whole traceback on one line (its last key): the message names the port.
  shown=$(openstack server show "$id" -f json -c id -c name -c status -c fault -c OS-EXT-SRV-ATTR:host 2>&1)
  printf '%s\n' "$shown" | sed 's/^\( *"details": \).*/\1"(traceback left out)"/'
  faults="$faults
$(printf '%s\n' "$shown" | grep -o 'Binding failed for port [0-9a-f-]*' | sed 's/.* //')"
done

nets=''
for id in $( (printf '%s\n' "$ports" | ids_with_status '^(DOWN|BUILD|ERROR)$'; printf '%s\n' "$faults") | awk 'NF && !seen[$0]++' | head -n 20); do
  echo "== port show $id"
  shown=$(openstack port show "$id" -f json -c id -c name -c status -c binding_host_id -c binding_vif_type -c device_id -c device_owner -c network_id 2>&1)
  printf '%s\n' "$shown"
  nets="$nets
$(printf '%s\n' "$shown" | sed -n 's/^ *"network_id": "\([0-9a-f-]*\)".*/\1/p')"
done

for id in $(printf '%s\n' "$nets" | awk 'NF && !seen[$0]++' | head -n 10); do
  echo "== network show $id"
  openstack network show "$id" -f json -c id -c name -c provider:network_type -c provider:physical_network 2>&1
done
