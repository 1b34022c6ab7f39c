/**
 * The log signatures of openstack-log-signatures (playbooks/catalogue/openstack-log-signatures),
 * in English and Korean: what each one is called, what it means and what to do. The engine puts
 * the counts, the window and the known-bug sentence around them (log-signatures.ts).
 */
import type { Lang } from '../../contract/types.js';

const P = 'openstack-log-signatures.sig';

export const openstackLogSignaturesTexts: Record<string, Record<Lang, string>> = {
  [`${P}.oslo-greenlet-heartbeat.title`]: { en: 'oslo.messaging heartbeat crashed its greenlet', ko: 'oslo.messaging 하트비트가 greenlet 오류로 중단됨' },
  [`${P}.oslo-greenlet-heartbeat.explanation`]: {
    en: '"greenlet.error: cannot switch to a different thread" is what a non-WSGI service that uses green threads prints when oslo.messaging runs its RabbitMQ heartbeat in a native thread (heartbeat_in_pthread = True): the heartbeat dies, RabbitMQ closes the connection and RPC calls stall until it reconnects.',
    ko: '"greenlet.error: cannot switch to a different thread"는 green thread를 쓰는 비 WSGI 서비스에서 oslo.messaging이 RabbitMQ 하트비트를 네이티브 스레드로 돌릴 때(heartbeat_in_pthread = True) 나옵니다. 하트비트가 멈추면 RabbitMQ가 연결을 끊고, 다시 연결될 때까지 RPC 호출이 멈춥니다.',
  },
  [`${P}.oslo-greenlet-heartbeat.next`]: {
    en: 'Set [oslo_messaging_rabbit] heartbeat_in_pthread = False for this service (nova-compute, neutron agents) and restart it; grep -B8 "cannot switch to a different thread" in its log for the traceback.',
    ko: '이 서비스(nova-compute, neutron 에이전트)의 [oslo_messaging_rabbit] heartbeat_in_pthread = False로 설정하고 재시작하세요. 로그에서 grep -B8 "cannot switch to a different thread"로 traceback을 확인하세요.',
  },

  [`${P}.amqp-unreachable.title`]: { en: 'RabbitMQ unreachable from the service', ko: '서비스에서 RabbitMQ에 닿지 않음' },
  [`${P}.amqp-unreachable.explanation`]: {
    en: 'oslo.messaging lost its connection to RabbitMQ ("AMQP server on … is unreachable") and keeps retrying; while it is away, RPC calls from and to this service fail or time out. The text after "unreachable:" says why: "Too many heartbeats missed" (the broker or the service stalled), "Connection reset by peer" or CONNECTION_FORCED (the broker closed it), "Connection refused" (nothing listens).',
    ko: 'oslo.messaging이 RabbitMQ 연결을 잃고("AMQP server on … is unreachable") 계속 재시도합니다. 연결이 없는 동안 이 서비스로 오가는 RPC 호출은 실패하거나 타임아웃됩니다. "unreachable:" 뒤의 문구가 이유입니다. "Too many heartbeats missed"(브로커나 서비스가 멈춤), "Connection reset by peer" 또는 CONNECTION_FORCED(브로커가 끊음), "Connection refused"(수신 대기 없음).',
  },
  [`${P}.amqp-unreachable.next`]: {
    en: 'On a RabbitMQ node: rabbitmqctl cluster_status and rabbitmq-diagnostics check_local_alarms; from this node: nc -zv <rabbit-host> 5672 for the host in transport_url.',
    ko: 'RabbitMQ 노드에서 rabbitmqctl cluster_status와 rabbitmq-diagnostics check_local_alarms를 확인하고, 이 노드에서 transport_url의 호스트로 nc -zv <rabbit-host> 5672를 실행하세요.',
  },

  [`${P}.amqp-heartbeat-reset.title`]: { en: 'AMQP heartbeat thread failing', ko: 'AMQP 하트비트 스레드 오류' },
  [`${P}.amqp-heartbeat-reset.explanation`]: {
    en: 'oslo.messaging\'s heartbeat thread hit an error talking to RabbitMQ ("Unexpected error during heartbeart thread processing", usually Connection reset by peer): the broker dropped a connection whose heartbeats stopped. In services run under a WSGI server with eventlet monkey-patching the heartbeat thread is suspended between requests (LP#1825584).',
    ko: 'oslo.messaging의 하트비트 스레드가 RabbitMQ와 통신하다 오류를 냈습니다("Unexpected error during heartbeart thread processing", 대개 Connection reset by peer). 하트비트가 끊긴 연결을 브로커가 닫은 것입니다. eventlet monkey-patching을 쓰는 WSGI 서버 아래의 서비스에서는 요청 사이에 하트비트 스레드가 멈춥니다(LP#1825584).',
  },
  [`${P}.amqp-heartbeat-reset.next`]: {
    en: 'Check RabbitMQ\'s log for "missed heartbeats from client" at the same time; for API services under mod_wsgi/uWSGI set [oslo_messaging_rabbit] heartbeat_in_pthread = True (not for eventlet services).',
    ko: '같은 시각 RabbitMQ 로그에 "missed heartbeats from client"가 있는지 확인하세요. mod_wsgi/uWSGI 아래의 API 서비스라면 [oslo_messaging_rabbit] heartbeat_in_pthread = True로 설정하세요(eventlet 서비스에는 설정하지 마세요).',
  },

  [`${P}.rpc-messaging-timeout.title`]: { en: 'RPC calls time out (MessagingTimeout)', ko: 'RPC 호출 타임아웃(MessagingTimeout)' },
  [`${P}.rpc-messaging-timeout.explanation`]: {
    en: 'A call through RabbitMQ got no reply within rpc_response_timeout: the service that should answer (nova-conductor, neutron-server, an agent) is down, overloaded or not consuming its queue, or the broker lost the reply. For nova-compute this stops its service status reports, so it turns down.',
    ko: 'RabbitMQ를 거친 호출이 rpc_response_timeout 안에 응답을 받지 못했습니다. 응답해야 할 서비스(nova-conductor, neutron-server, 에이전트)가 다운되었거나 과부하이거나 큐를 소비하지 않거나, 브로커가 응답을 잃었습니다. nova-compute의 경우 서비스 상태 보고가 멈춰 down으로 바뀝니다.',
  },
  [`${P}.rpc-messaging-timeout.next`]: {
    en: 'openstack compute service list (and network agent list); rabbitmqctl list_queues name messages consumers | grep -E "conductor|reply" for queues without consumers.',
    ko: 'openstack compute service list(와 network agent list)를 확인하고, rabbitmqctl list_queues name messages consumers | grep -E "conductor|reply"로 컨슈머 없는 큐를 찾으세요.',
  },

  [`${P}.ovn-controller-sb-stale.title`]: { en: 'ovn-controller keeps finding a stale southbound server', ko: 'ovn-controller가 오래된 southbound 서버를 계속 만남' },
  [`${P}.ovn-controller-sb-stale.explanation`]: {
    en: 'ovn-controller reconnects again and again because the southbound server it reaches "has stale data": its raft log is behind what the client has already seen, typically after the SB database was rebuilt or restored (Red Hat bug 1829109). Until it settles, port bindings on this chassis are not updated.',
    ko: 'ovn-controller가 연결한 southbound 서버가 "stale data"를 가지고 있어 계속 다시 연결합니다. 그 서버의 raft 로그가 클라이언트가 이미 본 것보다 뒤처진 상태로, 보통 SB 데이터베이스를 다시 만들거나 복원한 뒤에 생깁니다(Red Hat 버그 1829109). 안정될 때까지 이 chassis의 포트 바인딩이 갱신되지 않습니다.',
  },
  [`${P}.ovn-controller-sb-stale.next`]: {
    en: 'Check the SB cluster (ovn-health playbook; ovs-appctl -t /var/run/ovn/ovnsb_db.ctl cluster/status OVN_Southbound), then reset the client\'s view: ovn-appctl -t ovn-controller sb-cluster-state-reset.',
    ko: 'SB 클러스터를 확인한 뒤(ovn-health 플레이북, ovs-appctl -t /var/run/ovn/ovnsb_db.ctl cluster/status OVN_Southbound) 클라이언트 상태를 초기화하세요: ovn-appctl -t ovn-controller sb-cluster-state-reset.',
  },

  [`${P}.neutron-ovn-stale-data.title`]: { en: 'neutron-server keeps finding a stale OVN database server', ko: 'neutron-server가 오래된 OVN 데이터베이스 서버를 계속 만남' },
  [`${P}.neutron-ovn-stale-data.explanation`]: {
    en: 'neutron-server\'s OVSDB connections (ovsdbapp) keep reconnecting because the OVN server they reach "has stale data", typically after the database was rebuilt (Red Hat bug 1829109). Neutron API calls that touch OVN are slow or fail meanwhile.',
    ko: 'neutron-server의 OVSDB 연결(ovsdbapp)이 연결한 OVN 서버가 "stale data"를 가지고 있어 계속 다시 연결합니다. 보통 데이터베이스를 다시 만든 뒤에 생깁니다(Red Hat 버그 1829109). 그동안 OVN을 건드리는 Neutron API 호출이 느리거나 실패합니다.',
  },
  [`${P}.neutron-ovn-stale-data.next`]: {
    en: 'Check the NB/SB clusters (ovn-health playbook), then restart neutron-server so it drops the old view.',
    ko: 'NB/SB 클러스터를 확인한 뒤(ovn-health 플레이북) neutron-server를 재시작해 이전 상태를 버리게 하세요.',
  },

  [`${P}.neutron-ovn-leader-bouncing.title`]: { en: 'neutron-server keeps chasing the OVN raft leader', ko: 'neutron-server가 OVN raft 리더를 계속 찾아다님' },
  [`${P}.neutron-ovn-leader-bouncing.explanation`]: {
    en: 'neutron-server had to reconnect to another OVN database server many times because the one it reached was "not cluster leader": the NB (port 6641) or SB (6642/16642) leader keeps changing. That instability slows the Neutron API and can fail port and router operations.',
    ko: 'neutron-server가 연결한 OVN 데이터베이스 서버가 "not cluster leader"여서 다른 서버로 여러 번 다시 연결했습니다. NB(6641 포트) 또는 SB(6642/16642) 리더가 계속 바뀌고 있습니다. 이 불안정은 Neutron API를 느리게 하고 포트·라우터 작업을 실패시킬 수 있습니다.',
  },
  [`${P}.neutron-ovn-leader-bouncing.next`]: {
    en: 'Look at the raft cluster (ovn-health playbook; cluster/status on each ovsdb-server): elections, slow disks, CPU starvation or election timers too short for the database size.',
    ko: 'raft 클러스터를 보세요(ovn-health 플레이북, 각 ovsdb-server의 cluster/status). 선거 반복, 느린 디스크, CPU 부족, 데이터베이스 크기에 비해 짧은 election timer를 확인하세요.',
  },

  [`${P}.ovn-sb-inactivity-probe.title`]: { en: 'OVN southbound server drops clients on inactivity probe', ko: 'OVN southbound 서버가 inactivity probe로 클라이언트를 끊음' },
  [`${P}.ovn-sb-inactivity-probe.explanation`]: {
    en: 'The SB ovsdb-server got "no response to inactivity probe" from a client and disconnected it: the client (ovn-controller, neutron) or this server was too busy to answer in time. Each disconnect costs a full resync for that client.',
    ko: 'SB ovsdb-server가 클라이언트에게서 "no response to inactivity probe"를 받고 연결을 끊었습니다. 클라이언트(ovn-controller, neutron)나 이 서버가 너무 바빠 제때 응답하지 못한 것입니다. 끊길 때마다 그 클라이언트는 전체 재동기화를 합니다.',
  },
  [`${P}.ovn-sb-inactivity-probe.next`]: {
    en: 'Check load on the server and the named client; raise the probe interval if they are merely busy: ovn-sbctl set connection . inactivity_probe=60000 (and ovn-remote-probe-interval on the chassis).',
    ko: '서버와 해당 클라이언트의 부하를 확인하세요. 단지 바쁜 것이라면 probe 간격을 늘리세요: ovn-sbctl set connection . inactivity_probe=60000(chassis에서는 ovn-remote-probe-interval).',
  },

  [`${P}.ovn-sb-elections.title`]: { en: 'Frequent raft elections in the OVN southbound database', ko: 'OVN southbound 데이터베이스에서 raft 선거가 잦음' },
  [`${P}.ovn-sb-elections.explanation`]: {
    en: 'The SB database started raft elections again and again ("timeout expired, starting election"): followers stop hearing from the leader in time. Clients reconnect after each one, which hurts the whole cloud\'s networking control plane.',
    ko: 'SB 데이터베이스가 raft 선거를 거듭 시작했습니다("timeout expired, starting election"). 팔로워가 제때 리더의 신호를 받지 못하고 있습니다. 선거마다 클라이언트가 다시 연결하므로 클라우드 전체의 네트워크 제어 평면이 영향을 받습니다.',
  },
  [`${P}.ovn-sb-elections.next`]: {
    en: 'Check the raft cluster and the network between the controllers (ovn-health playbook); look for long poll intervals ("Unreasonably long") in the same log and raise the election timer if the database is large.',
    ko: 'raft 클러스터와 컨트롤러 사이 네트워크를 확인하세요(ovn-health 플레이북). 같은 로그에서 긴 poll 간격("Unreasonably long")을 찾고, 데이터베이스가 크면 election timer를 늘리세요.',
  },

  [`${P}.nova-libvirt-node-device.title`]: { en: 'nova-compute raced libvirt over a vanished node device', ko: 'nova-compute가 사라진 노드 장치로 libvirt와 경합함' },
  [`${P}.nova-libvirt-node-device.explanation`]: {
    en: 'nova-compute\'s resource update listed a host device (often a tap interface of an instance being migrated or deleted) that was gone when it asked libvirt about it ("Node device not found"); the periodic update fails and the node\'s inventory goes stale until the next one.',
    ko: 'nova-compute의 자원 갱신이 호스트 장치(대개 마이그레이션되거나 삭제되는 인스턴스의 tap 인터페이스)를 나열했는데, libvirt에 물었을 때는 이미 없었습니다("Node device not found"). 주기적 갱신이 실패하고 다음 갱신까지 노드의 인벤토리가 낡은 상태로 남습니다.',
  },
  [`${P}.nova-libvirt-node-device.next`]: {
    en: 'If it repeats, check which device it names (virsh nodedev-list | grep <name>) and what was being migrated at that time.',
    ko: '반복된다면 어떤 장치인지(virsh nodedev-list | grep <이름>)와 그 시각에 마이그레이션 중이던 인스턴스를 확인하세요.',
  },

  [`${P}.rabbitmq-missed-heartbeats.title`]: { en: 'RabbitMQ closed connections that stopped heartbeating', ko: 'RabbitMQ가 하트비트가 끊긴 연결을 닫음' },
  [`${P}.rabbitmq-missed-heartbeats.explanation`]: {
    en: 'RabbitMQ closed AMQP connections because their clients missed heartbeats ("missed heartbeats from client"); the client named in the line (service:pid) then logs "AMQP server … is unreachable: Too many heartbeats missed" and reconnects, and its RPC calls stall meanwhile. The client stalled (a blocked eventlet hub, CPU starvation) or the network between them dropped packets.',
    ko: '클라이언트가 하트비트를 놓쳐("missed heartbeats from client") RabbitMQ가 AMQP 연결을 닫았습니다. 줄에 적힌 클라이언트(서비스:pid)는 이어서 "AMQP server … is unreachable: Too many heartbeats missed"를 기록하고 다시 연결하며, 그동안 RPC 호출이 멈춥니다. 클라이언트가 멈췄거나(eventlet hub 차단, CPU 부족) 둘 사이 네트워크가 패킷을 잃었습니다.',
  },
  [`${P}.rabbitmq-missed-heartbeats.next`]: {
    en: 'Find the client in the line (its address and service:pid) and read its log at that time; rabbitmqctl list_connections name state timeout shows the heartbeat timeouts in use.',
    ko: '줄에 적힌 클라이언트(주소와 서비스:pid)를 찾아 그 시각의 로그를 읽으세요. rabbitmqctl list_connections name state timeout으로 사용 중인 하트비트 타임아웃을 볼 수 있습니다.',
  },
};
