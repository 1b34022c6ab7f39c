#!/bin/sh
# rabbitmqctl status (alarms, memory, file descriptors) where a broker keeps its data; elsewhere
# nothing is asked (each rabbitmqctl call boots an Erlang VM: seconds of CPU for no answer).
base=${RABBITMQ_MNESIA_BASE:-/var/lib/rabbitmq/mnesia}
if [ -z "$(ls -A "$base" 2>/dev/null)" ]; then
  echo "stackscope: no RabbitMQ data in $base: no broker has run on this node" >&2
  exit 69
fi
exec rabbitmqctl status
