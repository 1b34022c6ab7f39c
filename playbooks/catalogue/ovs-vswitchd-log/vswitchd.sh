#!/bin/sh
# ovs-vswitchd's own account of the last day, filtered on the node so only a few lines travel:
# its log (the running daemon's --log-file, else the packages' or Kolla's path; the rotated .1
# before it) and the datapath's counters. Prints, in order:
#   == now: EPOCH OFFSET          the node's clock (the analyzer's 24 h window ends here)
#   == log: PATH | none (why)
#   == first: LINE                the oldest line read (how far back the read goes)
#   matching lines, verbatim (at most 2000)
#   == last: LINE                 the newest line read (how the log ends: a daemon that stopped says why)
#   == read: N lines, matched: M
#   == upcall/show, == dpctl/show (twice, 2 s apart, when it has lost upcalls), == exit: CODE
max=20000
pat='Unreasonably long [0-9]+ms poll interval|\|timeval[^|]*\|WARN\|context switches:|upcall: datapath reached the dynamic limit|twice as high as current dynamic flow limit|lost packet on (port channel|handler)|Dropped [0-9]+ log messages in last|could not open network device|ethtool command [A-Z_]+ on network device [^ ]+ failed: No such device|Spent an unreasonably long [0-9]+ms dumping flows|\|EMER\|'
echo "== now: $(date '+%s %z')"

log=''
pid=$(cat "${OVS_RUNDIR:-/var/run/openvswitch}/ovs-vswitchd.pid" 2>/dev/null)
if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ]; then
  arg=$(tr '\0' '\n' <"/proc/$pid/cmdline" | grep -m1 -e '^--log-file')
  case $arg in
    --log-file=*) log=${arg#--log-file=} ;;
    --log-file) log=${OVS_LOGDIR:-/var/log/openvswitch}/ovs-vswitchd.log ;;
    *) log='-' ;;
  esac
fi
if [ -z "$log" ]; then
  for f in /var/log/kolla/openvswitch/ovs-vswitchd.log /var/log/openvswitch/ovs-vswitchd.log; do
    if [ -r "$f" ]; then log=$f; break; fi
  done
fi
if [ "$log" = '-' ]; then
  echo '== log: none (ovs-vswitchd runs without --log-file: it logs to its console)'
elif [ -z "$log" ] || [ ! -r "$log" ]; then
  echo "== log: none (no readable ovs-vswitchd.log${log:+ at $log})"
else
  echo "== log: $log"
  # The pattern goes through the environment: awk -v would take its backslashes as escapes.
  { if [ -r "$log.1" ]; then tail -n "$max" "$log.1"; fi; tail -n "$max" "$log"; } | tail -n "$max" |
    PAT=$pat awk '
      { n++ }
      n == 1 { print "== first: " $0 }
      $0 ~ ENVIRON["PAT"] { m++; if (m <= 2000) print }
      { last = $0 }
      END { if (n) print "== last: " last; printf "== read: %d lines, matched: %d\n", n, m }'
fi

echo '== upcall/show'
ovs-appctl -t ovs-vswitchd upcall/show 2>&1 | grep -E '^[^ ]|^  (flows|dump duration) '
echo '== dpctl/show'
dp=$(ovs-appctl -t ovs-vswitchd dpctl/show 2>&1)
rc=$?
printf '%s\n' "$dp" | grep -E '^[^ ]|^  (lookups|flows):'
echo "== exit: $rc"
# A lost counter above zero may be old: a second look tells whether it still grows.
if [ "$rc" -eq 0 ] && printf '%s\n' "$dp" | grep -q 'lost:[1-9]'; then
  sleep 2
  echo '== dpctl/show again'
  ovs-appctl -t ovs-vswitchd dpctl/show 2>&1 | grep -E '^[^ ]|^  lookups:'
fi
exit 0
