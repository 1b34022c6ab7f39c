/** rabbitmq-queues' finding texts (playbooks/catalogue/rabbitmq-queues), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const rabbitmqQueuesTexts: Record<string, Record<Lang, string>> = {
  // A service's queue holds messages and nobody reads it.
  'rabbitmq-queues.no-consumer.title': { en: 'RabbitMQ queue {queues}: {messages} messages and no consumer ({service})', ko: 'RabbitMQ 큐 {queues}: 메시지 {messages}개, consumer 없음 ({service})' },
  'rabbitmq-queues.no-consumer.explanation': {
    en: 'In both samples {queues} held messages ({messages} now) and had no consumer: {service} is not reading them{where}. RPC calls to it wait until they time out (MessagingTimeout in the caller’s log); casts pile up and run late, all at once, when it comes back. Read on {node}.',
    ko: '두 번의 측정 모두에서 {queues}에 메시지가 있고(현재 {messages}개) consumer가 없었습니다. {service}이(가) 읽지 않고 있습니다{where}. 그 서비스로 가는 RPC 호출은 타임아웃될 때까지 기다리고(호출한 쪽 로그의 MessagingTimeout), cast는 쌓였다가 서비스가 돌아오면 한꺼번에 늦게 실행됩니다. {node}에서 읽음.',
  },
  'rabbitmq-queues.no-consumer.hosts': { en: ' on {hosts}', ko: ' (호스트: {hosts})' },
  'rabbitmq-queues.no-consumer.cause': {
    en: '{service} is stopped or crashed, lost its AMQP connection and did not reconnect, or connects to another RabbitMQ (a transport_url that changed).',
    ko: '{service}이(가) 멈췄거나 죽었고, AMQP 연결을 잃고 다시 연결하지 못했거나, 다른 RabbitMQ에 연결하고 있습니다(바뀐 transport_url).',
  },
  'rabbitmq-queues.no-consumer.next': {
    en: 'Check that {service} runs (nova-services for Nova) and read its log for AMQP errors; once it runs, `rabbitmqctl list_consumers | grep {queue}` shows it consuming again.',
    ko: '{service}이(가) 실행 중인지 확인하고(Nova는 nova-services) 로그에서 AMQP 오류를 찾으세요. 실행되면 `rabbitmqctl list_consumers | grep {queue}`에 다시 consumer가 보입니다.',
  },
  'rabbitmq-queues.no-consumer.next.hosts': {
    en: 'On {hosts}: check that {service} runs and read its log for AMQP errors (nova-services lists down computes); a host removed for good leaves its queue behind: delete it once nothing should read it.',
    ko: '{hosts}에서 {service}이(가) 실행 중인지 확인하고 로그의 AMQP 오류를 찾으세요(nova-services가 down인 컴퓨트를 보여 줍니다). 아주 없앤 호스트는 큐를 남기므로, 읽을 서비스가 없다면 그 큐를 지우세요.',
  },

  // Notifications nobody consumes.
  'rabbitmq-queues.notifications.title': { en: 'RabbitMQ: {messages} notifications in {queues} and no consumer', ko: 'RabbitMQ: {queues}에 알림 {messages}개, consumer 없음' },
  'rabbitmq-queues.notifications.explanation': {
    en: 'Services publish notifications to {queues} ({messages} messages now) and nothing consumes them: they only grow, until the broker’s memory or disk alarm blocks every publisher. Read on {node}.',
    ko: '서비스가 {queues}에 알림을 보내지만(현재 메시지 {messages}개) 아무도 소비하지 않습니다. 큐는 계속 커지기만 하다가 브로커의 메모리·디스크 알람이 모든 publisher를 막게 됩니다. {node}에서 읽음.',
  },
  'rabbitmq-queues.notifications.cause': {
    en: 'Notifications are enabled ([oslo_messaging_notifications] driver) but no listener (Ceilometer, designate-sink, a billing tool) reads them, or it is down.',
    ko: '알림이 켜져 있지만([oslo_messaging_notifications] driver) 읽는 리스너(Ceilometer, designate-sink, 과금 도구)가 없거나 멈춰 있습니다.',
  },
  'rabbitmq-queues.notifications.next': {
    en: 'Start the listener that should read them, or set `[oslo_messaging_notifications] driver = noop` in the services that need not send them; then purge the queue (`rabbitmqctl purge_queue NAME`) or give it a TTL policy.',
    ko: '읽어야 할 리스너를 시작하거나, 보낼 필요가 없는 서비스에는 `[oslo_messaging_notifications] driver = noop`을 설정하세요. 그다음 큐를 비우거나(`rabbitmqctl purge_queue NAME`) TTL 정책을 주세요.',
  },

  // Reply and fanout queues of a restarted service.
  'rabbitmq-queues.leftover.title': { en: '{count} reply or fanout queue(s) without consumer ({messages} messages)', ko: 'consumer 없는 reply·fanout 큐 {count}개 (메시지 {messages}개)' },
  'rabbitmq-queues.leftover.explanation': {
    en: 'Queues that belonged to one process each and lost it: {queues}. Their messages are answers or broadcasts nobody waits for any more.',
    ko: '각각 한 프로세스에 속했다가 그 프로세스를 잃은 큐입니다: {queues}. 그 메시지는 이제 아무도 기다리지 않는 응답이나 브로드캐스트입니다.',
  },
  'rabbitmq-queues.leftover.cause': {
    en: 'A service restarted or crashed; oslo.messaging gives these queues an expiry (rabbit_transient_queues_ttl, 30 min by default), so they go away by themselves.',
    ko: '서비스가 재시작했거나 죽었습니다. oslo.messaging은 이 큐에 만료 시간(rabbit_transient_queues_ttl, 기본 30분)을 주므로 저절로 사라집니다.',
  },
  'rabbitmq-queues.leftover.next': { en: 'Nothing, unless they stay longer than the expiry or keep growing: then find which service restarts in a loop.', ko: '만료 시간보다 오래 남거나 계속 늘지 않으면 할 일은 없습니다. 그렇다면 어떤 서비스가 계속 재시작하는지 찾으세요.' },

  // A consumer that holds messages and does not acknowledge them.
  'rabbitmq-queues.stuck.title': { en: 'RabbitMQ queue {queue}: {unacked} messages unacknowledged and not going down', ko: 'RabbitMQ 큐 {queue}: 확인(ack)되지 않은 메시지 {unacked}개가 줄지 않음' },
  'rabbitmq-queues.stuck.explanation': {
    en: '{queue} had {before} unacknowledged messages, then {after} {seconds} s later, with {ready} ready and {consumers} consumer(s). oslo.messaging acknowledges an RPC message as soon as it takes it, so held messages mean a consumer of {service} that took them and stopped.',
    ko: '{queue}의 확인되지 않은 메시지가 {before}개에서 {seconds}초 뒤 {after}개였고, 대기(ready) {ready}개, consumer {consumers}개입니다. oslo.messaging은 RPC 메시지를 받자마자 확인하므로, 메시지를 쥐고 있다는 것은 {service}의 consumer가 메시지를 받은 뒤 멈췄다는 뜻입니다.',
  },
  'rabbitmq-queues.stuck.cause': {
    en: 'A {service} worker hangs (a blocked eventlet hub, a call waiting on a dead database or lock) while its AMQP connection stays open, so RabbitMQ keeps the messages assigned to it.',
    ko: '{service} worker가 멈췄지만(막힌 eventlet 허브, 죽은 DB나 잠금을 기다리는 호출) AMQP 연결은 열려 있어 RabbitMQ가 메시지를 그 worker에 계속 배정해 둡니다.',
  },
  'rabbitmq-queues.stuck.next': {
    en: 'on {node}: rabbitmqctl list_consumers | grep {queue} (the channel), rabbitmqctl list_channels connection messages_unacknowledged; read the {service} log for what it waits on, then restart that worker (its messages go back to the queue).',
    ko: '{node}에서: rabbitmqctl list_consumers | grep {queue}(채널), rabbitmqctl list_channels connection messages_unacknowledged. {service} 로그에서 무엇을 기다리는지 확인하고 그 worker를 재시작하세요(메시지는 큐로 돌아갑니다).',
  },

  // Too much waiting overall.
  'rabbitmq-queues.backlog.title': { en: 'RabbitMQ: {messages} messages waiting in queues that have consumers', ko: 'RabbitMQ: consumer가 있는 큐에 대기 중인 메시지 {messages}개' },
  'rabbitmq-queues.backlog.explanation': {
    en: '{messages} messages wait in queues whose consumers are connected, over the {limit} this check allows (backlog_warn). The largest: {top}.',
    ko: 'consumer가 연결된 큐에 메시지 {messages}개가 기다리고 있어, 이 점검이 허용하는 {limit}개(backlog_warn)를 넘습니다. 가장 큰 큐: {top}.',
  },
  'rabbitmq-queues.backlog.cause': {
    en: 'Consumers are slower than publishers (too few workers, a slow database, a burst of work); a large backlog costs the broker memory and ends in a memory alarm.',
    ko: 'consumer가 publisher보다 느립니다(worker 부족, 느린 데이터베이스, 일시적인 작업 폭주). 쌓인 메시지는 브로커 메모리를 먹고 결국 메모리 알람으로 이어집니다.',
  },
  'rabbitmq-queues.backlog.next': {
    en: 'Look at the largest queues above: their consumers’ logs and worker counts; run rabbitmq-cluster for memory alarms.',
    ko: '위의 가장 큰 큐들의 consumer 로그와 worker 수를 확인하고, 메모리 알람은 rabbitmq-cluster로 확인하세요.',
  },

  'rabbitmq-queues.ok.title': { en: 'RabbitMQ queues: none waits without a consumer ({count} queues, {messages} messages ready)', ko: 'RabbitMQ 큐: consumer 없이 기다리는 큐 없음 (큐 {count}개, 대기 메시지 {messages}개)' },
  'rabbitmq-queues.ok.explanation': {
    en: '{count} queues in {vhosts} vhost(s), {consumed} with consumers, read twice {seconds} s apart on {node}: no queue held messages without a consumer, no consumer held messages unacknowledged; {messages} messages ready in all.',
    ko: '{node}에서 {seconds}초 간격으로 두 번 읽은 vhost {vhosts}개의 큐 {count}개(consumer가 있는 큐 {consumed}개): consumer 없이 메시지를 가진 큐도, 메시지를 확인하지 않고 쥔 consumer도 없습니다. 대기 메시지는 모두 {messages}개입니다.',
  },
  'rabbitmq-queues.ok.explanation.one-sample': {
    en: '{count} queues of the default vhost, {consumed} with consumers, read once on {node} (the broker lacks what the two samples use, so held messages were not compared): no queue held messages without a consumer; {messages} messages ready in all.',
    ko: '{node}에서 기본 vhost의 큐 {count}개(consumer가 있는 큐 {consumed}개)를 한 번 읽었습니다(브로커에 두 번 측정할 기능이 없어 확인되지 않은 메시지는 비교하지 못함). consumer 없이 메시지를 가진 큐는 없습니다. 대기 메시지는 모두 {messages}개입니다.',
  },

  'rabbitmq-queues.not-here.title': { en: 'No RabbitMQ on {node}', ko: '{node}에 RabbitMQ 없음' },
  'rabbitmq-queues.not-here.explanation': {
    en: 'No broker runs or ever kept data on {node}, the controller asked; the queues were not read. Where RabbitMQ runs on other nodes: stackscope run rabbitmq-queues CLUSTER --node NODE.',
    ko: '물어본 컨트롤러 {node}에서는 브로커가 실행되거나 데이터를 둔 적이 없어 큐를 읽지 않았습니다. RabbitMQ가 다른 노드에서 실행된다면: stackscope run rabbitmq-queues CLUSTER --node NODE.',
  },
  'rabbitmq-queues.unread.title': { en: 'RabbitMQ queues not read on {node}', ko: '{node}에서 RabbitMQ 큐를 읽지 못함' },
  'rabbitmq-queues.unread.not-running': {
    en: 'rabbitmqctl on {node} could not reach its broker (exit {code}): the queues were not checked. rabbitmq-cluster tells whether the broker is down.',
    ko: '{node}의 rabbitmqctl이 브로커에 닿지 못해(종료 코드 {code}) 큐를 확인하지 못했습니다. 브로커가 멈췄는지는 rabbitmq-cluster가 알려 줍니다.',
  },
  'rabbitmq-queues.unread.timeout': {
    en: 'The broker on {node} did not list its queues in time (exit {code}): the queues were not checked. A broker that cannot list queues is often blocked by an alarm or a partition: run rabbitmq-cluster.',
    ko: '{node}의 브로커가 제시간에 큐를 나열하지 못해(종료 코드 {code}) 큐를 확인하지 못했습니다. 큐를 나열하지 못하는 브로커는 알람이나 파티션으로 막힌 경우가 많으니 rabbitmq-cluster를 실행하세요.',
  },
  'rabbitmq-queues.unread.other': {
    en: 'rabbitmqctl on {node} printed no queue list (exit {code}): the queues were not checked.',
    ko: '{node}의 rabbitmqctl이 큐 목록을 출력하지 않아(종료 코드 {code}) 큐를 확인하지 못했습니다.',
  },
  'rabbitmq-queues.not-run.title': { en: 'RabbitMQ queues not checked', ko: 'RabbitMQ 큐를 확인하지 못함' },
  'rabbitmq-queues.not-run.explanation': { en: 'The queue listing did not run to the end on any controller: {why}.', ko: '어느 컨트롤러에서도 큐 목록 조회가 끝까지 실행되지 않았습니다: {why}.' },
  'rabbitmq-queues.not-run.none': { en: 'no controller to ask', ko: '물어볼 컨트롤러가 없음' },
};
