#!/bin/sh
# One rabbitmqctl per broker node (each call boots an Erlang VM: seconds of CPU on a busy
# controller): cluster_status, which lists every node's alarms too. The broker's file descriptors
# come from /proc (no second VM); `rabbitmqctl status` (memory and disk detail) runs only when an
# alarm names this node. Where no broker ever kept data and none is registered with epmd, nothing
# is asked: rabbitmqctl is often installed where no broker runs.
base=${RABBITMQ_MNESIA_BASE:-/var/lib/rabbitmq/mnesia}
if [ -z "$(ls -A "$base" 2>/dev/null)" ] && ! epmd -names 2>/dev/null | grep -q '^name rabbit'; then
  echo "stackscope: no RabbitMQ data in $base: no broker has run on this node" >&2
  exit 69
fi
out=$(rabbitmqctl cluster_status)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne 0 ]; then
  echo "stackscope: RabbitMQ data in $base: a broker has run on this node" >&2
  exit "$rc"
fi
# The node that answered: "Cluster status of node rabbit@x ..." (3.6 quotes it: 'rabbit@x').
node=$(printf '%s\n' "$out" | sed -n "s/^Cluster status of node '\{0,1\}\([^' ]*\)'\{0,1\} .*/\1/p" | head -n 1)
if [ -n "$node" ] && printf '%s\n' "$out" | grep -q "alarm on node $node\$"; then
  echo "stackscope: ---- rabbitmqctl status ----"
  rabbitmqctl status
fi
# The broker's process: its pid file (RabbitMQ's default is beside its data), else the one beam that
# booted rabbit (`-s rabbit boot`), else, where several did (brokers sharing a host), the one whose
# environment names this node (RabbitMQ 3.8+ takes its name from there, not from the arguments).
pid=
for f in "${RABBITMQ_PID_FILE:-}" "$base/$node.pid"; do
  [ -n "$f" ] && [ -r "$f" ] && pid=$(tr -dc 0-9 < "$f") && [ -n "$pid" ] && [ -d "/proc/$pid/fd" ] && break
  pid=
done
if [ -z "$pid" ]; then
  brokers=$(grep -l -z -x -F -e boot /proc/[0-9]*/cmdline 2>/dev/null | while read -r f; do
    if grep -q -a -F beam "$f" 2>/dev/null && grep -q -z -x -F rabbit "$f" 2>/dev/null; then f=${f#/proc/}; echo "${f%/cmdline}"; fi
  done)
  if [ "$(printf '%s\n' "$brokers" | grep -c .)" -eq 1 ]; then
    pid=$brokers
  else
    for p in $brokers; do
      if grep -q -z -x -F "RABBITMQ_NODENAME=$node" "/proc/$p/environ" 2>/dev/null; then pid=$p; break; fi
    done
  fi
fi
limit=$(sed -n 's/^Max open files  *\([0-9][0-9]*\) .*/\1/p' "/proc/$pid/limits" 2>/dev/null)
if [ -n "$pid" ] && [ -n "$limit" ] && fds=$(ls -l "/proc/$pid/fd" 2>/dev/null); then
  open=$(printf '%s\n' "$fds" | grep -c ' -> ')
  sockets=$(printf '%s\n' "$fds" | grep -c ' -> socket:')
  echo "stackscope: file descriptors of $node (pid $pid): $open open, $sockets sockets, limit $limit"
else
  echo "stackscope: file descriptors of $node not read: no readable broker process${pid:+ (pid $pid)}"
fi
