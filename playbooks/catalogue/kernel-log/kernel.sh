#!/bin/sh
# The kernel messages that page people (OOM kills, hung tasks, conntrack table full, NIC resets and
# link changes), from the journal's last 24 hours, else the ring buffer (dmesg), else
# /var/log/kern.log. Only matching lines are printed, verbatim (at most 2000), between a
# `== source:` header and a `== read: N lines, matched: M` trailer, after the node's clock, so the
# analyzer can window the sources that carry older lines and tell an empty log from a quiet kernel.
pat='Out of memory|oom-kill:|Killed process|invoked oom-killer|blocked for more than [0-9]+ seconds|nf_conntrack: table full|NETDEV WATCHDOG|Reset adapter|Detected Hardware Unit Hang|[Ll]ink is [Dd]own|: Link down'
scan() {
  awk -v pat="$pat" '/^-- / { next } { n++ } $0 ~ pat { m++; if (m <= 2000) print } END { printf "== read: %d lines, matched: %d\n", n, m; exit (n == 0) }'
}
echo "== now: $(date +%s)"
if command -v journalctl >/dev/null 2>&1; then
  echo '== source: journalctl -k --since "24 hours ago"'
  journalctl -k --since '24 hours ago' -o short-iso --no-pager -q 2>/dev/null | scan && exit 0
fi
if command -v dmesg >/dev/null 2>&1; then
  echo '== source: dmesg --time-format iso'
  dmesg --time-format iso 2>/dev/null | scan && exit 0
fi
if [ -r /var/log/kern.log ]; then
  echo '== source: /var/log/kern.log'
  tail -n 200000 /var/log/kern.log | scan && exit 0
fi
echo '== source: none'
