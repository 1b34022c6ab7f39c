#!/bin/sh
# The memcached this node serves (oslo.cache and keystonemiddleware's memcache_servers point at
# it): found by its listening TCP sockets (`ss -ltnp`: a memcached process, or port 11211), then
# asked `stats` and `stats settings` on each address once, through bash's /dev/tcp (else nc).
# Sections: `== tcp` (the listening lines), `== udp` (memcached's UDP sockets, if any),
# then per address `== stats ADDR PORT` … `== end ADDR PORT exit N`; `== none` when nothing listens.
echo '== tcp'
tcp=$(ss -ltnpH 2>/dev/null | awk '$4 ~ /:11211$/ || /"memcached"/')
[ -n "$tcp" ] && printf '%s\n' "$tcp"
echo '== udp'
ss -lunpH 2>/dev/null | awk '$4 ~ /:11211$/ || /"memcached"/'
if [ -z "$tcp" ]; then
  echo '== none'
  exit 0
fi
# Local address → one to connect to: a wildcard is reached on loopback; [v6] loses its brackets.
printf '%s\n' "$tcp" | awk '{ a = $4; p = a; sub(/.*:/, "", p); sub(/:[0-9]+$/, "", a); gsub(/[][]/, "", a)
  if (a == "*" || a == "0.0.0.0") a = "127.0.0.1"; if (a == "::") a = "::1"; print a, p }' | sort -u |
while read -r addr port; do
  echo "== stats $addr $port"
  if command -v bash >/dev/null 2>&1; then
    # shellcheck disable=SC2016 # $1 and $2 are bash's own arguments, expanded by it.
    out=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" && printf "stats\r\nstats settings\r\nquit\r\n" >&3 && cat <&3' bash "$addr" "$port" 2>&1 </dev/null)
  else
    out=$(printf 'stats\r\nstats settings\r\nquit\r\n' | timeout 5 nc -w 3 "$addr" "$port" 2>&1)
  fi
  rc=$?
  printf '%s\n' "$out" | tr -d '\r'
  echo "== end $addr $port exit $rc"
done
