#!/bin/sh
# Every server of every project (one `openstack server list`), then, for the ones in ERROR, BUILD
# or with a task under way (at most 10, ERROR first), `server show` (fault, updated, host) and
# `server event list` (the action under way), all in ONE openstack process: the client's
# interactive mode reads the commands from stdin, so the cost is one start-up and one token, not
# one per server. The node's clock comes first: the analyzer measures how long each has been
# stuck against the clock the cloud runs on (the threshold, "$1" minutes, is the analyzer's).
# A fault's `details` (a traceback, kilobytes long) is cut on the node; its `message` stays.
echo "== now: $(date -u +%s)"
echo '== server list'
list=$(openstack server list --all-projects --long -f json 2>&1)
rc=$?
printf '%s\n' "$list"
[ "$rc" -eq 0 ] || exit "$rc"
# cliff prints one key per line, ID before Status and Task State in each object. Only UUIDs are
# passed on: the interactive client parses its input lines as commands.
ids=$(printf '%s\n' "$list" | awk '
  function val(s) { sub(/^ *"[^"]*": /, "", s); sub(/,$/, "", s); gsub(/"/, "", s); return s }
  /^ *"ID": "/ { id = val($0); st = ""; ts = "" }
  /^ *"Status": / { st = val($0) }
  /^ *"Task State": / { ts = val($0) }
  /^ *\},?$/ {
    if (id ~ /^[0-9a-fA-F-]+$/) {
      if (st == "ERROR") print 0, id
      else if (st == "BUILD" || (ts != "" && ts != "null")) print 1, id
    }
    id = ""
  }' | sort -s -k1,1n | head -n 10 | cut -d' ' -f2)
[ -n "$ids" ] || exit 0
echo "== server details: $(echo "$ids" | tr '\n' ' ')"
for id in $ids; do
  echo "server show $id -f json -c id -c name -c status -c OS-EXT-STS:task_state -c OS-EXT-STS:vm_state -c OS-EXT-SRV-ATTR:host -c flavor -c created -c updated -c fault"
  echo "server event list $id --long -f json"
done | openstack 2>&1 | sed 's/^\( *"details": \)".*"\(,\{0,1\}\)$/\1"(traceback left out)"\2/'
