/** rabbitmq-cluster's finding texts (playbooks/catalogue/rabbitmq-cluster), in English and Korean. */
import type { Lang } from '../../contract/types.js';

const alarm = (resource: string, title: [string, string], means: [string, string], cause: [string, string], next: [string, string]): Record<string, Record<Lang, string>> => ({
  [`rabbitmq-cluster.alarm.${resource}.title`]: { en: title[0], ko: title[1] },
  [`rabbitmq-cluster.alarm.${resource}.means`]: { en: means[0], ko: means[1] },
  [`rabbitmq-cluster.alarm.${resource}.cause`]: { en: cause[0], ko: cause[1] },
  [`rabbitmq-cluster.alarm.${resource}.next`]: { en: next[0], ko: next[1] },
});

export const rabbitmqClusterTexts: Record<string, Record<Lang, string>> = {
  'rabbitmq-cluster.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },

  // Nothing ran, or nothing here.
  'rabbitmq-cluster.not-run.title': { en: 'RabbitMQ could not be asked', ko: 'RabbitMQ에 물어보지 못함' },
  'rabbitmq-cluster.not-run.explanation': { en: 'rabbitmqctl cluster_status did not run to the end ({why}); the cluster was not checked.', ko: 'rabbitmqctl cluster_status가 끝까지 실행되지 않았습니다({why}). 클러스터를 확인하지 않았습니다.' },
  'rabbitmq-cluster.not-run.none': { en: 'no controller to run it on', ko: '실행할 컨트롤러가 없음' },
  'rabbitmq-cluster.not-here.title': { en: 'Not checked: no RabbitMQ here', ko: '점검 안 함: 여기에는 RabbitMQ가 없음' },
  'rabbitmq-cluster.not-here.explanation': {
    en: 'No RabbitMQ runs on {nodes} (no rabbitmqctl, no rabbitmq container, or no broker has ever kept data there): this cluster uses another message broker, or RabbitMQ runs on nodes Stackscope does not know as controllers.',
    ko: '{nodes}에는 RabbitMQ가 없습니다(rabbitmqctl이나 rabbitmq 컨테이너가 없거나, 브로커가 데이터를 남긴 적이 없음). 이 클러스터는 다른 메시지 브로커를 쓰거나, Stackscope가 컨트롤러로 알지 못하는 노드에서 RabbitMQ가 실행됩니다.',
  },
  'rabbitmq-cluster.unreachable.title': { en: 'RabbitMQ does not answer on {nodes}', ko: '{nodes}에서 RabbitMQ가 응답하지 않음' },
  'rabbitmq-cluster.unreachable.explanation': {
    en: 'rabbitmqctl is there on {nodes} but no broker answered it: "{line}". Without RabbitMQ every OpenStack RPC call (Nova, Neutron, Cinder) fails.',
    ko: '{nodes}에 rabbitmqctl은 있지만 응답한 브로커가 없습니다: "{line}". RabbitMQ가 없으면 OpenStack의 모든 RPC 호출(Nova, Neutron, Cinder)이 실패합니다.',
  },
  'rabbitmq-cluster.unreachable.cause': {
    en: 'The RabbitMQ server is stopped or crashed on these nodes, or the CLI cannot authenticate to it (its Erlang cookie differs from the server\'s).',
    ko: '이 노드들에서 RabbitMQ 서버가 중지되었거나 죽었습니다. 또는 CLI가 서버에 인증하지 못합니다(Erlang 쿠키가 서버와 다름).',
  },
  'rabbitmq-cluster.unreachable.cause.timeout': {
    en: 'The broker does not answer in time: it is overloaded, stuck in a memory alarm with its scheduler busy, or the node is swapping.',
    ko: '브로커가 제시간에 응답하지 않습니다. 과부하이거나, 메모리 알람 상태에서 스케줄러가 바쁘거나, 노드가 스왑 중입니다.',
  },
  'rabbitmq-cluster.unreachable.next': {
    en: 'on {where}: the broker\'s log (/var/log/rabbitmq/, kolla: /var/log/kolla/rabbitmq/) and its service (systemctl status rabbitmq-server; kolla: docker ps -a | grep rabbitmq)',
    ko: '{where}에서: 브로커 로그(/var/log/rabbitmq/, kolla: /var/log/kolla/rabbitmq/)와 서비스 상태(systemctl status rabbitmq-server; kolla: docker ps -a | grep rabbitmq)를 확인하세요',
  },

  // A partition.
  'rabbitmq-cluster.partition.title': { en: 'RabbitMQ network partition between {nodes}', ko: 'RabbitMQ 네트워크 파티션: {nodes}' },
  'rabbitmq-cluster.partition.explanation': {
    en: 'RabbitMQ nodes lost each other and ran apart; they now list a network partition. {views} Queues live on one side each: clients connected to the other side cannot reach them, so RPC calls through those nodes time out, and messages published on both sides diverge.',
    ko: 'RabbitMQ 노드들이 서로를 잃고 따로 실행되어, 지금 네트워크 파티션을 보고합니다. {views} 큐는 한쪽에만 있으므로 다른 쪽에 연결된 클라이언트는 큐에 닿지 못해 그 노드를 거치는 RPC 호출이 타임아웃되고, 양쪽에 publish된 메시지가 서로 달라집니다.',
  },
  'rabbitmq-cluster.partition.view': { en: '{node} sees running: {running}.', ko: '{node}가 보는 실행 중 노드: {running}.' },
  'rabbitmq-cluster.partition.cause': {
    en: 'The nodes could not talk for longer than net_ticktime (a network cut, a paused VM, a host under heavy load), and cluster_partition_handling = ignore (the default) leaves both sides running until someone restarts one of them.',
    ko: '노드들이 net_ticktime보다 오래 통신하지 못했고(네트워크 단절, 멈춘 VM, 과부하 호스트), cluster_partition_handling = ignore(기본값)라서 누군가 한쪽을 재시작할 때까지 양쪽이 계속 실행됩니다.',
  },
  'rabbitmq-cluster.partition.next': {
    en: 'restart the side you trust least, e.g. on {where}: rabbitmqctl stop_app && rabbitmqctl start_app (node {node}); then rabbitmqctl cluster_status shows Network Partitions: (none). Consider cluster_partition_handling = pause_minority; runbook rabbitmq-alarm-partition',
    ko: '덜 믿는 쪽을 재시작하세요. 예: {where}에서 rabbitmqctl stop_app && rabbitmqctl start_app(노드 {node}). 그 뒤 rabbitmqctl cluster_status에 Network Partitions: (none)이 보여야 합니다. cluster_partition_handling = pause_minority도 고려하세요. 런북 rabbitmq-alarm-partition을 따르세요',
  },

  // A member that runs nowhere.
  'rabbitmq-cluster.down.title': { en: 'RabbitMQ node {node} is a cluster member but not running', ko: 'RabbitMQ 노드 {node}: 클러스터 멤버지만 실행 중이 아님' },
  'rabbitmq-cluster.down.explanation': {
    en: '{node} is listed among the cluster\'s disk/RAM nodes but no node lists it as running: {running} of {members} members run.{quorum}{own}',
    ko: '{node}은(는) 클러스터의 disk/RAM 노드 목록에 있지만 어느 노드도 실행 중으로 보지 않습니다: 멤버 {members}개 중 {running}개 실행 중.{quorum}{own}',
  },
  'rabbitmq-cluster.down.majority': {
    en: ' The rest keep a majority and serve, but queues whose leader lived there are unavailable or fail over, and clients connected to it reconnect elsewhere.',
    ko: ' 나머지가 과반을 유지하며 서비스하지만, 그 노드에 리더가 있던 큐는 쓸 수 없거나 페일오버되고, 그 노드에 연결된 클라이언트는 다른 노드로 재연결합니다.',
  },
  'rabbitmq-cluster.down.no-majority': {
    en: ' The running nodes are no majority: quorum queues stop accepting messages and RPC stalls.',
    ko: ' 실행 중인 노드가 과반이 아닙니다. quorum 큐가 메시지를 받지 않고 RPC가 멈춥니다.',
  },
  'rabbitmq-cluster.down.own': { en: ' rabbitmqctl on {where} says: "{line}".', ko: ' {where}의 rabbitmqctl 응답: "{line}".' },
  'rabbitmq-cluster.down.cause': {
    en: 'The broker on that node is stopped, crashed (out of memory, disk full) or its node is down.',
    ko: '그 노드의 브로커가 중지되었거나 죽었거나(메모리 부족, 디스크 가득 참), 노드 자체가 다운되었습니다.',
  },
  'rabbitmq-cluster.down.next': {
    en: 'on {where}: start RabbitMQ (systemctl start rabbitmq-server; kolla: docker start rabbitmq) and read its log for why it stopped; then rabbitmqctl cluster_status',
    ko: '{where}에서: RabbitMQ를 시작하고(systemctl start rabbitmq-server; kolla: docker start rabbitmq) 멈춘 이유를 로그에서 확인한 뒤 rabbitmqctl cluster_status를 보세요',
  },

  // Alarms.
  'rabbitmq-cluster.alarm.explanation': {
    en: 'RabbitMQ raised a {what} alarm on {node} (listed by {seen}). While any node has a resource alarm, the whole cluster blocks every connection that publishes: Nova, Neutron and Cinder RPC calls hang and then fail with MessagingTimeout, and services look down.',
    ko: 'RabbitMQ가 {node}에서 {what} 알람을 올렸습니다({seen}에서 확인). 어느 노드라도 자원 알람이 있으면 클러스터 전체가 publish하는 모든 연결을 막습니다. Nova, Neutron, Cinder의 RPC 호출이 멈췄다가 MessagingTimeout으로 실패하고, 서비스가 down으로 보입니다.',
  },
  ...alarm(
    'memory',
    ['RabbitMQ memory alarm on {node}: publishers are blocked', '{node}의 RabbitMQ 메모리 알람: publisher가 막힘'],
    ['memory', '메모리'],
    [
      'The broker uses more memory than its high watermark (vm_memory_high_watermark): queues piling up without consumers, many connections or channels, or a watermark set too low.',
      '브로커가 메모리 상한(vm_memory_high_watermark)보다 많은 메모리를 씁니다: consumer 없이 쌓이는 큐, 너무 많은 연결이나 채널, 또는 너무 낮게 설정된 상한.',
    ],
    [
      'on {node}: rabbitmq-diagnostics memory_breakdown; rabbitmqctl list_queues name messages consumers | sort -k2 -n | tail; rabbitmqctl environment | grep vm_memory_high_watermark; runbook rabbitmq-alarm-partition',
      '{node}에서: rabbitmq-diagnostics memory_breakdown; rabbitmqctl list_queues name messages consumers | sort -k2 -n | tail; rabbitmqctl environment | grep vm_memory_high_watermark. 런북 rabbitmq-alarm-partition을 따르세요',
    ],
  ),
  ...alarm(
    'disk',
    ['RabbitMQ disk alarm on {node}: publishers are blocked', '{node}의 RabbitMQ 디스크 알람: publisher가 막힘'],
    ['free disk space', '디스크 여유 공간'],
    [
      'The disk holding the broker\'s data (/var/lib/rabbitmq, kolla: the rabbitmq volume) has less free space than disk_free_limit: logs, queues paged to disk or something else filled it.',
      '브로커 데이터가 있는 디스크(/var/lib/rabbitmq, kolla: rabbitmq 볼륨)의 여유 공간이 disk_free_limit보다 적습니다: 로그, 디스크로 내려간 큐, 또는 다른 무언가가 채웠습니다.',
    ],
    [
      'on {node}: df -h /var/lib/rabbitmq (kolla: /var/lib/docker); free space, then the alarm clears by itself; runbook rabbitmq-alarm-partition',
      '{node}에서: df -h /var/lib/rabbitmq (kolla: /var/lib/docker). 공간을 비우면 알람은 저절로 풀립니다. 런북 rabbitmq-alarm-partition을 따르세요',
    ],
  ),
  ...alarm(
    'file-descriptors',
    ['RabbitMQ file descriptor alarm on {node}: publishers are blocked', '{node}의 RabbitMQ 파일 디스크립터 알람: publisher가 막힘'],
    ['file descriptor', '파일 디스크립터'],
    [
      'The broker used up its file descriptors (ulimit -n of the service): too many client connections, often services reconnecting in a loop.',
      '브로커가 파일 디스크립터(서비스의 ulimit -n)를 다 썼습니다: 클라이언트 연결이 너무 많습니다. 서비스가 재연결을 반복하는 경우가 흔합니다.',
    ],
    [
      'on {node}: rabbitmqctl list_connections user peer_host | sort | uniq -c | sort -n | tail; raise LimitNOFILE of rabbitmq-server (kolla: rabbitmq_ulimits)',
      '{node}에서: rabbitmqctl list_connections user peer_host | sort | uniq -c | sort -n | tail; rabbitmq-server의 LimitNOFILE을 늘리세요(kolla: rabbitmq_ulimits)',
    ],
  ),
  ...alarm(
    'other',
    ['RabbitMQ alarm on {node}: publishers are blocked', '{node}의 RabbitMQ 알람: publisher가 막힘'],
    ['resource', '자원'],
    ['A resource of the broker ran out (see the alarm line).', '브로커의 자원이 바닥났습니다(알람 줄 참고).'],
    ['on {node}: rabbitmq-diagnostics alarms; rabbitmqctl status', '{node}에서: rabbitmq-diagnostics alarms; rabbitmqctl status'],
  ),

  // File descriptors close to the limit.
  'rabbitmq-cluster.fd.title': { en: 'RabbitMQ on {node} uses {percent} % of its file descriptors', ko: '{node}의 RabbitMQ가 파일 디스크립터를 {percent}% 사용' },
  'rabbitmq-cluster.sockets.title': { en: 'RabbitMQ on {node} uses {percent} % of its sockets', ko: '{node}의 RabbitMQ가 소켓을 {percent}% 사용' },
  'rabbitmq-cluster.fd.means': { en: 'file descriptors', ko: '파일 디스크립터' },
  'rabbitmq-cluster.sockets.means': { en: 'sockets (client connections)', ko: '소켓(클라이언트 연결)' },
  'rabbitmq-cluster.fd.explanation': {
    en: '{node} has {used} of {limit} {what} in use. At the limit the broker refuses new connections and raises a file descriptor alarm, which blocks every publisher of the cluster.',
    ko: '{node}가 {what}를 {limit}개 중 {used}개 쓰고 있습니다. 한도에 닿으면 브로커가 새 연결을 거부하고 파일 디스크립터 알람을 올려 클러스터의 모든 publisher가 막힙니다.',
  },
  'rabbitmq-cluster.fd.cause': {
    en: 'Many client connections (every OpenStack service worker opens its own), services reconnecting in a loop without closing, or a low ulimit -n for the service.',
    ko: '클라이언트 연결이 많거나(OpenStack 서비스 worker마다 연결을 엽니다), 서비스가 닫지 않고 재연결을 반복하거나, 서비스의 ulimit -n이 낮습니다.',
  },
  'rabbitmq-cluster.fd.next': {
    en: 'on {where}: rabbitmqctl list_connections user peer_host | sort | uniq -c | sort -n | tail; raise LimitNOFILE (kolla: rabbitmq_ulimits) if the count is expected',
    ko: '{where}에서: rabbitmqctl list_connections user peer_host | sort | uniq -c | sort -n | tail. 연결 수가 정상이라면 LimitNOFILE(kolla: rabbitmq_ulimits)을 늘리세요',
  },

  // All well.
  'rabbitmq-cluster.ok.title': { en: 'RabbitMQ: {running} of {members} nodes running, no partition, no alarm', ko: 'RabbitMQ: 노드 {members}개 중 {running}개 실행 중, 파티션 없음, 알람 없음' },
  'rabbitmq-cluster.ok.explanation': {
    en: 'Every cluster member runs as seen from {nodes}; no network partition and no resource alarm.{fds}',
    ko: '{nodes}에서 본 모든 클러스터 멤버가 실행 중이고, 네트워크 파티션과 자원 알람이 없습니다.{fds}',
  },
  'rabbitmq-cluster.ok.fds': { en: ' File descriptors in use (used/limit): {list}.', ko: ' 사용 중인 파일 디스크립터(사용/한도): {list}.' },

  'rabbitmq-cluster.status-unread.title': { en: 'RabbitMQ file descriptors not read on {nodes}', ko: '{nodes}의 RabbitMQ 파일 디스크립터를 읽지 못함' },
  'rabbitmq-cluster.status-unread.explanation': {
    en: 'Neither rabbitmqctl status nor /proc of the broker process gave the file descriptors of the broker on {nodes}: how close those brokers are to their limit was not checked (the cluster view and its alarms were).',
    ko: '{nodes}에서 rabbitmqctl status도 브로커 프로세스의 /proc도 파일 디스크립터 수를 주지 않았습니다. 그 브로커가 한도에 얼마나 가까운지는 확인하지 않았습니다(클러스터 상태와 알람은 확인함).',
  },
};
