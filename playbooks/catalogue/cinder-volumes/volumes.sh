#!/bin/sh
# Every volume of every project, then `volume show` (which has updated_at) for those in a state a
# volume should only pass through, at most 25 of them; the node's own clock first, so the
# analyzer measures how long each has been stuck against the clock the cloud runs on. The
# threshold ("$1", minutes) is applied by the analyzer, not here.
echo "== now: $(date -u +%s)"
echo '== volume list'
list=$(openstack volume list --all-projects --long -f json 2>&1)
rc=$?
printf '%s\n' "$list"
[ "$rc" -eq 0 ] || exit "$rc"
printf '%s\n' "$list" | awk '
  /^ *"ID": "/ { id = $0; sub(/^ *"ID": "/, "", id); sub(/".*$/, "", id) }
  /^ *"Status": "/ {
    st = $0; sub(/^ *"Status": "/, "", st); sub(/".*$/, "", st)
    if (st ~ /^(attaching|detaching|reserved|creating|deleting|error|error_deleting|error_extending|extending|downloading|uploading|backing-up|restoring-backup|maintenance|retyping)$/ && id != "") print id
    id = ""
  }' | head -n 25 | while read -r id; do
  echo "== volume show $id"
  openstack volume show "$id" -f json -c id -c name -c status -c updated_at -c attachments -c os-vol-host-attr:host -c migration_status 2>&1
done
