#!/bin/sh
# Every queue of every vhost with its ready and unacknowledged messages and its consumers, sampled
# twice 3 s apart by ONE rabbitmqctl: `eval` runs on the broker, so one Erlang VM boot does both
# samples and all vhosts (list_queues lists one vhost per call and boots a VM each time). Where the
# broker lacks these functions, one list_queues of the default vhost instead (no second sample).
# Read-only: it only lists. Where no broker ever kept data and none is registered with epmd, nothing
# is asked.
base=${RABBITMQ_MNESIA_BASE:-/var/lib/rabbitmq/mnesia}
if [ -z "$(ls -A "$base" 2>/dev/null)" ] && ! epmd -names 2>/dev/null | grep -q '^name rabbit'; then
  echo "stackscope: no RabbitMQ data in $base: no broker has run on this node" >&2
  exit 69
fi
out=$(rabbitmqctl -q eval '
Items = [name, messages_ready, messages_unacknowledged, consumers],
Sample = fun(S) ->
  lists:foreach(fun(V) ->
    lists:foreach(fun(I) ->
      {resource, _, queue, N} = proplists:get_value(name, I),
      io:format("sample ~s vhost=~ts queue=~ts ready=~p unacked=~p consumers=~p~n",
        [S, V, N, proplists:get_value(messages_ready, I), proplists:get_value(messages_unacknowledged, I), proplists:get_value(consumers, I)])
    end, rabbit_amqqueue:info_all(V, Items))
  end, lists:sort(rabbit_vhost:list_names()))
end,
T0 = erlang:monotonic_time(millisecond),
Sample("1"),
timer:sleep(3000),
io:format("sample 2 after ~p ms~n", [erlang:monotonic_time(millisecond) - T0]),
Sample("2"),
io:format("stackscope: samples done~n").' 2>&1)
rc=$?
case $out in
  *"stackscope: samples done"*)
    printf '%s\n' "$out" | grep -v '^ok$'
    exit 0 ;;
  *undef*) ;;
  *)
    printf '%s\n' "$out" >&2
    exit "$rc" ;;
esac
printf '%s\n' "$out" | head -n 5 >&2
echo "stackscope: eval gave no samples (exit $rc); one list_queues of the default vhost instead" >&2
echo "stackscope: list_queues name messages_ready messages_unacknowledged consumers"
exec rabbitmqctl -q list_queues name messages_ready messages_unacknowledged consumers
