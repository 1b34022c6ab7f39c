#!/bin/sh
# api-errors: this controller's HAProxy log, counted on the node (a busy cloud logs millions of
# lines a day; only counts and a few example lines travel). Where the log is: Kolla's
# /var/log/kolla/haproxy/haproxy.log, rsyslog's /var/log/haproxy.log (Debian/Ubuntu), else a log file
# the running HAProxy of this network namespace holds open itself (`log fd@N`, `log stdout` to a
# file), else the journal (`journalctl -t haproxy`, where no rsyslog writes a file). Each request line
# of `option httplog` is counted per backend and hour of its accept date (`[05/Dec/2026:12:00:00.120]`,
# the node's local time): requests, 5xx answers, and 503s with no server (`<NOSRV>`: every server of
# the backend down); the last 5xx lines of each backend and HAProxy's own "has no server available"
# alerts are printed as they are. The node's clock and offset come first, to window by.
LINES=300000
echo "== now: $(date '+%s %z')"

me=$(readlink /proc/self/ns/net 2>/dev/null)
# The haproxy of this network namespace (Kolla's container shares the host's): one grep over the
# process names, then the namespace of the few that match.
haproxy_pid() {
  grep -lx haproxy /proc/[0-9]*/comm 2>/dev/null | while read -r f; do
    d=${f%/comm}
    if [ "$(readlink "$d/ns/net" 2>/dev/null)" = "$me" ]; then
      echo "${d#/proc/}"
      break
    fi
  done
}

count() {
  awk '
    / has no server available!/ { na++; alerts[na % 5] = $0; next }
    match($0, /\[[0-9][0-9]\/[A-Z][a-z][a-z]\/[0-9][0-9][0-9][0-9]:[0-9][0-9]:[0-9][0-9]:[0-9][0-9](\.[0-9]+)?\] /) {
      hour = substr($0, RSTART + 1, 14)
      n = split(substr($0, RSTART + RLENGTH), f, " ")
      if (n < 4 || f[4] !~ /^-?[0-9]+$/ || f[2] !~ /\//) next
      be = f[2]; sub(/\/.*/, "", be)
      srv = f[2]; sub(/^[^\/]*\//, "", srv)
      k = be " " hour
      if (!(k in req)) order[++nk] = k
      req[k]++
      read++
      if (first == "") first = hour
      if (f[4] >= 500 && f[4] <= 599) {
        err[k]++
        if (srv == "<NOSRV>") { nosrv[k]++; lastnosrv[be] = $0 }
        ne[be]++
        ex[be, ne[be] % 3] = $0
      }
    }
    END {
      printf "== read: %d requests, first hour: %s\n", read, (first == "" ? "-" : first)
      for (i = 1; i <= nk; i++) printf "hour %s %d %d %d\n", order[i], req[order[i]], err[order[i]] + 0, nosrv[order[i]] + 0
      for (b in ne) for (j = (ne[b] > 3 ? ne[b] - 2 : 1); j <= ne[b]; j++) print "example " ex[b, j % 3]
      for (b in lastnosrv) print "nosrv " lastnosrv[b]
      for (j = (na > 5 ? na - 4 : 1); j <= na; j++) print "alert " alerts[j % 5]
    }'
}

for f in /var/log/kolla/haproxy/haproxy.log /var/log/haproxy.log; do
  if [ -r "$f" ] && [ -s "$f" ]; then
    # Yesterday's file too when logrotate left it uncompressed (delaycompress): a day's window
    # read just after midnight's rotation would otherwise hold minutes.
    if [ -r "$f.1" ]; then
      echo "== source: $f.1 $f"
      cat "$f.1" "$f" | tail -n "$LINES" | count
    else
      echo "== source: $f"
      tail -n "$LINES" "$f" | count
    fi
    exit 0
  fi
done
pid=$(haproxy_pid)
if [ -n "$pid" ]; then
  for fd in /proc/"$pid"/fd/*; do
    case "${fd##*/}" in 0 | 1 | 2) continue ;; esac
    target=$(readlink "$fd" 2>/dev/null)
    case "$target" in
      /*.log)
        if [ -f "$fd" ]; then
          echo "== source: $target (open by haproxy pid $pid)"
          tail -n "$LINES" "$fd" | count
          exit 0
        fi
        ;;
    esac
  done
fi
if [ -n "$pid" ] && command -v journalctl >/dev/null 2>&1; then
  echo '== source: journalctl -t haproxy --since "25 hours ago"'
  journalctl -q --no-pager -t haproxy --since '25 hours ago' 2>/dev/null | tail -n "$LINES" | count
  exit 0
fi
if [ -n "$pid" ]; then
  echo "== source: none (haproxy pid $pid runs here, but no log file or journal was found)"
else
  echo '== source: none (no haproxy on this node)'
fi
