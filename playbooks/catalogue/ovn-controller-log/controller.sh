#!/bin/sh
# ovn-controller's state and its own account of the last day, filtered on the node: whether it is
# connected to the southbound database now, then its log (the running daemon's --log-file, else
# the packages' or Kolla's path; the rotated .1 before it). Prints, in order:
#   == now: EPOCH OFFSET        the node's clock (the analyzer's windows end here)
#   == connection-status, what ovn-appctl answered, == exit: CODE
#   == log: PATH | none (why)
#   == first: LINE              the oldest line read (how far back the read goes)
#   matching lines, verbatim (at most 3000)
#   == last: LINE               the newest line read (a daemon that stopped says why)
#   == read: N lines, matched: M
max=20000
pat='Claiming lport |Releasing lport |Changing chassis for lport |\|reconnect\|[A-Z]+\|(tcp|ssl):|OpenFlow error|\|inc_proc_eng\|[A-Z]+\|node: [^ ]+, (recompute|handler for input).* took [0-9]+ms|Unreasonably long [0-9]+ms poll interval|\|EMER\||terminating with signal'
echo "== now: $(date '+%s %z')"
echo '== connection-status'
ovn-appctl -t ovn-controller connection-status 2>&1
echo "== exit: $?"

log=''
for rundir in "${OVN_RUNDIR:-/var/run/ovn}" /var/run/openvswitch; do
  pid=$(cat "$rundir/ovn-controller.pid" 2>/dev/null) && break
done
if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ]; then
  arg=$(tr '\0' '\n' <"/proc/$pid/cmdline" | grep -m1 -e '^--log-file')
  case $arg in
    --log-file=*) log=${arg#--log-file=} ;;
    --log-file) log=${OVN_LOGDIR:-/var/log/ovn}/ovn-controller.log ;;
    *) log='-' ;;
  esac
fi
if [ -z "$log" ]; then
  for f in /var/log/kolla/openvswitch/ovn-controller.log /var/log/ovn/ovn-controller.log /var/log/openvswitch/ovn-controller.log; do
    if [ -r "$f" ]; then log=$f; break; fi
  done
fi
if [ "$log" = '-' ]; then
  echo '== log: none (ovn-controller runs without --log-file: it logs to its console)'
elif [ -z "$log" ] || [ ! -r "$log" ]; then
  echo "== log: none (no readable ovn-controller.log${log:+ at $log})"
else
  echo "== log: $log"
  # The pattern goes through the environment: awk -v would take its backslashes as escapes.
  { if [ -r "$log.1" ]; then tail -n "$max" "$log.1"; fi; tail -n "$max" "$log"; } | tail -n "$max" |
    PAT=$pat awk '
      { n++ }
      n == 1 { print "== first: " $0 }
      $0 ~ ENVIRON["PAT"] { m++; if (m <= 3000) print }
      { last = $0 }
      END { if (n) print "== last: " last; printf "== read: %d lines, matched: %d\n", n, m }'
fi
exit 0
