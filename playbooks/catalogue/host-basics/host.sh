#!/bin/sh
# The host's basics in one pass, each section headed by a `== ` line: the kernel's boot id (nodes
# that print the same one are one host: containers and network namespaces share it), cores and
# load, memory and swap, disk and inode use of the folders OpenStack fills, processes stuck in
# D state or left as zombies, and systemd's failed units where systemd runs. Only procfs, coreutils
# df/nproc/timeout and ps: no daemon is asked anything, so it costs a few milliseconds per node.
echo "== boot-id: $(cat /proc/sys/kernel/random/boot_id 2>/dev/null)"
echo "== cores: $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null)"
echo "== loadavg: $(cat /proc/loadavg 2>/dev/null)"
echo '== meminfo'
grep -E '^(MemTotal|MemAvailable|SwapTotal|SwapFree):' /proc/meminfo 2>/dev/null
# The folders that fill up on OpenStack hosts, those that exist here; df names the mount of each
# (the same mount may come back for several folders). timeout: a hung NFS mount must not hang us.
set --
for d in / /var/lib/docker /var/lib/containers /var/log /var/lib/nova/instances /var/lib/mysql; do
  [ -d "$d" ] && set -- "$@" "$d"
done
echo "== df -P $*"
timeout 10 df -P "$@" 2>&1
echo "== df -Pi $*"
timeout 10 df -Pi "$@" 2>&1
# Process states: R running, S sleeping, D uninterruptible (I/O), Z zombie; up to 5 of each bad kind named.
echo '== ps-states'
ps -eo stat=,pid=,comm= 2>/dev/null | awk '
  { s = substr($1, 1, 1); n[s]++; if ((s == "D" || s == "Z") && k[s]++ < 5) ex[s] = ex[s] " " $3 "(" $2 ")" }
  END { printf "total %d D %d Z %d\n", NR, n["D"], n["Z"]; if (ex["D"] != "") print "D:" ex["D"]; if (ex["Z"] != "") print "Z:" ex["Z"] }'
# systemd's own test of whether it runs (sd_booted): without it `systemctl` can only refuse.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  echo '== systemctl --failed'
  timeout 10 systemctl --failed --no-legend --plain --no-pager 2>&1
  echo "== systemctl exit: $?"
else
  echo '== systemd: not running'
fi
