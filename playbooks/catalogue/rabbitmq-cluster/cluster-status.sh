#!/bin/sh
# rabbitmqctl cluster_status, as it prints it. When no broker answers, say whether one has ever
# run on this node (its Mnesia folder holds a node's data): a node where none ever ran is not a
# RabbitMQ node (the package may be installed as a dependency), one where it did is a broker down.
rabbitmqctl cluster_status
rc=$?
if [ "$rc" -ne 0 ]; then
  base=${RABBITMQ_MNESIA_BASE:-/var/lib/rabbitmq/mnesia}
  if [ -n "$(ls -A "$base" 2>/dev/null)" ]; then
    echo "stackscope: RabbitMQ data in $base: a broker has run on this node" >&2
  else
    echo "stackscope: no RabbitMQ data in $base: no broker has run on this node" >&2
  fi
fi
exit "$rc"
