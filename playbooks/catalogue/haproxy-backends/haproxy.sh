#!/bin/sh
# haproxy-backends: this node's HAProxy (the process in this network namespace, whether on the host
# or in a container), the lines of its configuration that name the stats socket and the bound
# addresses, keepalived's virtual addresses, then `show stat` from the admin socket. Files and the
# socket are read through /proc/PID/root, so a containerised HAProxy (Kolla) is read as it sees them.
# Only the lines named are printed: never a password (stats auth, auth_pass).
me=$(readlink /proc/self/ns/net 2>/dev/null)

# The first process named $1 in this network namespace.
find_pid() {
  for d in /proc/[0-9]*; do
    comm=''
    read -r comm 2>/dev/null <"$d/comm" || continue
    [ "$comm" = "$1" ] || continue
    [ "$(readlink "$d/ns/net" 2>/dev/null)" = "$me" ] || continue
    echo "${d#/proc/}"
    return 0
  done
  return 1
}

# The values after -f of a process's command line (keepalived also takes --use-file=PATH).
config_args() {
  tr '\0' '\n' <"/proc/$1/cmdline" | awk 'f { print; f = 0; next } $0 == "-f" || $0 == "--use-file" { f = 1; next } /^--use-file=/ { sub(/^--use-file=/, ""); print }'
}

# The files a config argument names: the file, or a directory's *.cfg (HAProxy reads both).
config_files() {
  if [ -d "$1" ]; then for f in "$1"/*.cfg; do [ -f "$f" ] && echo "$f"; done; elif [ -f "$1" ]; then echo "$1"; fi
}

haproxy_lines() {
  awk '/^[ \t]*(listen|frontend|backend)[ \t]/ || /^[ \t]*bind[ \t]/ || /^[ \t]*stats[ \t]+socket[ \t]/' "$1"
}

keepalived_lines() {
  awk '/^[ \t]*vrrp_instance[ \t]/ { print; next }
       /^[ \t]*(virtual_ipaddress|virtual_ipaddress_excluded)[ \t]*\{/ { inblock = 1; print; next }
       inblock && /\}/ { inblock = 0; next }
       inblock { print }' "$1"
}

show_stat() {
  dir=$(dirname "$1")
  base=$(basename "$1")
  # From the socket's folder: a path under /proc/PID/root can be longer than a socket address may be.
  cd "$dir" 2>/dev/null || { echo "stackscope: no folder $dir for the stats socket" >&2; return 2; }
  if command -v socat >/dev/null 2>&1; then
    echo 'show stat' | socat -t 5 - "UNIX-CONNECT:$base"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
while True:
    b = s.recv(65536)
    if not b:
        break
    sys.stdout.write(b.decode("utf-8", "replace"))' "$base"
  else
    echo 'stackscope: neither socat nor python3 on this node to read the stats socket' >&2
    return 2
  fi
}

# keepalived first: its virtual addresses matter whether or not HAProxy runs here.
kpid=$(find_pid keepalived)
if [ -n "$kpid" ]; then
  kroot=/proc/$kpid/root
  kconf=$(config_args "$kpid" | head -n 1)
  [ -n "$kconf" ] || kconf=/etc/keepalived/keepalived.conf
  echo "keepalived pid $kpid config $kconf"
  [ -f "$kroot$kconf" ] && keepalived_lines "$kroot$kconf"
else
  for c in /etc/keepalived/keepalived.conf /etc/kolla/keepalived/keepalived.conf; do
    [ -f "$c" ] || continue
    echo "keepalived not running, config $c"
    keepalived_lines "$c"
    break
  done
fi

pid=$(find_pid haproxy)
if [ -z "$pid" ]; then
  for c in /etc/haproxy/haproxy.cfg /etc/kolla/haproxy/haproxy.cfg; do
    # A configuration that proxies something (the package's default one proxies nothing).
    if [ -f "$c" ] && grep -Eq '^[[:space:]]*(listen|frontend)[[:space:]]' "$c"; then
      echo "stackscope: haproxy is configured ($c) but no haproxy process runs on this node"
      haproxy_lines "$c"
      exit 0
    fi
  done
  echo 'stackscope: no haproxy on this node'
  exit 0
fi

root=/proc/$pid/root
echo "haproxy pid $pid"
sock=''
for arg in $(config_args "$pid"); do
  for f in $(config_files "$root$arg"); do
    echo "config ${f#"$root"}"
    haproxy_lines "$f"
    [ -n "$sock" ] || sock=$(awk '$1 == "stats" && $2 == "socket" { sub(/^unix@/, "", $3); if ($3 ~ /^\//) { print $3; exit } }' "$f")
  done
done
if [ -z "$sock" ]; then
  echo 'stackscope: no stats socket in the configuration' >&2
  exit 3
fi
echo "show stat $sock"
show_stat "$root$sock" || { echo "stackscope: the stats socket $sock did not answer" >&2; exit 4; }
