/** nova-services' finding texts (playbooks/catalogue/nova-services), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const novaServicesTexts: Record<string, Record<Lang, string>> = {
  // Pieces several findings share.
  'nova-services.join.and': { en: '{a} and {b}', ko: '{a}, 그리고 {b}' },
  'nova-services.join.comma': { en: '{a}, {b}', ko: '{a}, {b}' },
  'nova-services.who': { en: '{binary} on {host}', ko: '{host}의 {binary}' },
  'nova-services.unknown': { en: 'unknown', ko: '알 수 없음' },
  'nova-services.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },

  // What a nova-compute log says (parse.ts computeKinds), by kind.
  'nova-services.kind.amqp.means': { en: 'it cannot reach RabbitMQ', ko: 'RabbitMQ에 연결할 수 없음' },
  'nova-services.kind.amqp.cause': {
    en: 'nova-compute reports its heartbeat through RabbitMQ to nova-conductor; with the broker unreachable (RabbitMQ down, a firewall on port 5672, a wrong transport_url or credentials) the heartbeat stops and the service turns down.',
    ko: 'nova-compute는 RabbitMQ를 거쳐 nova-conductor에 하트비트를 보고합니다. 브로커에 닿지 않으면(RabbitMQ 다운, 5672 포트 방화벽, 잘못된 transport_url 또는 자격 증명) 하트비트가 끊기고 서비스가 down이 됩니다.',
  },
  'nova-services.kind.amqp.next': {
    en: 'check RabbitMQ (rabbitmqctl cluster_status) and, from the compute node, the port in transport_url (nc -zv <rabbit-host> 5672)',
    ko: 'RabbitMQ(rabbitmqctl cluster_status)를 확인하고, compute 노드에서 transport_url의 포트를 확인하세요(nc -zv <rabbit-host> 5672)',
  },
  'nova-services.kind.rpc-timeout.means': { en: 'its RPC calls to nova-conductor time out', ko: 'nova-conductor로 가는 RPC 호출이 타임아웃됨' },
  'nova-services.kind.rpc-timeout.cause': {
    en: 'nova-compute reaches RabbitMQ but gets no reply from nova-conductor (conductor down or overloaded, or a RabbitMQ partition/stuck queue): its service status report never lands, so the service shows down.',
    ko: 'nova-compute가 RabbitMQ에는 닿지만 nova-conductor에게서 응답을 받지 못합니다(conductor 다운 또는 과부하, RabbitMQ 파티션/막힌 큐). 서비스 상태 보고가 도착하지 않아 서비스가 down으로 보입니다.',
  },
  'nova-services.kind.rpc-timeout.next': {
    en: 'openstack compute service list --service nova-conductor; rabbitmqctl list_queues name messages consumers | grep -E "conductor|reply"',
    ko: 'conductor와 큐 확인: openstack compute service list --service nova-conductor; rabbitmqctl list_queues name messages consumers | grep -E "conductor|reply"',
  },
  'nova-services.kind.db.means': { en: 'it reports database errors', ko: '데이터베이스 오류를 보고함' },
  'nova-services.kind.db.cause': {
    en: 'The database behind nova-conductor/nova-compute is unreachable or rejects the connection.',
    ko: 'nova-conductor/nova-compute 뒤의 데이터베이스에 닿지 않거나, 데이터베이스가 연결을 거부합니다.',
  },
  'nova-services.kind.db.next': {
    en: `run the galera-health playbook; mysql -e "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_status'"`,
    ko: `galera-health 플레이북을 실행하세요. mysql -e "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_status'"`,
  },
  'nova-services.kind.libvirt.means': { en: 'it lost its connection to libvirt', ko: 'libvirt 연결이 끊김' },
  'nova-services.kind.libvirt.cause': {
    en: 'libvirtd on the compute node is down or hung; nova-compute cannot manage instances (and nova may have disabled the service itself).',
    ko: 'compute 노드의 libvirtd가 다운되었거나 응답이 없습니다. nova-compute가 인스턴스를 관리할 수 없습니다(nova가 서비스를 스스로 비활성화했을 수도 있습니다).',
  },
  'nova-services.kind.libvirt.next': {
    en: 'on the compute node: systemctl status libvirtd (kolla: docker ps -a | grep nova_libvirt); virsh list --all',
    ko: 'compute 노드에서: systemctl status libvirtd (kolla: docker ps -a | grep nova_libvirt); virsh list --all',
  },
  'nova-services.kind.refused.means': { en: 'a service it calls refuses connections', ko: '호출하는 서비스가 연결을 거부함' },
  'nova-services.kind.refused.cause': {
    en: 'An endpoint nova-compute depends on (RabbitMQ, Placement, Keystone) refuses connections.',
    ko: 'nova-compute가 의존하는 엔드포인트(RabbitMQ, Placement, Keystone)가 연결을 거부합니다.',
  },
  'nova-services.kind.refused.next': {
    en: 'grep -i refused in the nova-compute log for the address, then check that service',
    ko: 'nova-compute 로그에서 grep -i refused로 주소를 찾은 뒤, 그 서비스를 확인하세요',
  },

  // The service list could not be read.
  'nova-services.list.skipped.title': { en: 'Nova services could not be listed', ko: 'Nova 서비스 목록을 읽지 못함' },
  'nova-services.list.not-run.explanation': {
    en: 'Could not list compute services: {why}. No Nova service was checked.',
    ko: 'compute 서비스 목록을 읽지 못했습니다: {why}. 어떤 Nova 서비스도 확인하지 않았습니다.',
  },
  'nova-services.step.incomplete': { en: 'the step did not complete ({why})', ko: '단계가 끝나지 않음({why})' },
  'nova-services.step.not-run': { en: 'the step did not run', ko: '단계가 실행되지 않음' },
  'nova-services.list.failed.explanation': {
    en: 'Could not list compute services: {line}. No Nova service state was checked.',
    ko: 'compute 서비스 목록을 읽지 못했습니다: {line}. 어떤 Nova 서비스 상태도 확인하지 않았습니다.',
  },
  'nova-services.list.cause.no-credentials': {
    en: 'The openstack client on this node has no credentials: source an admin openrc (or set OS_CLOUD) for the user Stackscope connects as.',
    ko: '이 노드의 openstack 클라이언트에 자격 증명이 없습니다. Stackscope가 접속하는 사용자에게 admin openrc를 source하세요(또는 OS_CLOUD 설정).',
  },
  'nova-services.list.cause.no-endpoint': {
    en: "No Nova API answered: the Keystone catalog has no compute endpoint, or the client is pinned to another service's endpoint (OS_ENDPOINT / --os-endpoint).",
    ko: '응답한 Nova API가 없습니다. Keystone 카탈로그에 compute 엔드포인트가 없거나, 클라이언트가 다른 서비스의 엔드포인트에 고정되어 있습니다(OS_ENDPOINT / --os-endpoint).',
  },
  'nova-services.list.cause.rejected': {
    en: 'The credentials are rejected or lack the admin role (listing services is admin-only).',
    ko: '자격 증명이 거부되었거나 admin 역할이 없습니다(서비스 목록 조회는 admin 전용).',
  },
  'nova-services.list.cause.unreachable': { en: 'The Nova API endpoint is unreachable from this node.', ko: '이 노드에서 Nova API 엔드포인트에 닿지 않습니다.' },
  'nova-services.list.next': {
    en: 'openstack endpoint list --service compute; openstack compute service list',
    ko: 'compute 엔드포인트와 서비스 목록 확인: openstack endpoint list --service compute; openstack compute service list',
  },

  // A service that is down.
  'nova-services.down.title': { en: '{who} is down{disabled}', ko: '{who}이(가) down 상태{disabled}' },
  'nova-services.down.title.disabled': { en: ' (and disabled)', ko: ' (비활성화 상태이기도 함)' },
  'nova-services.down.explanation': {
    en: 'Nova reports {who} as down: last heartbeat {heartbeat}.{compute}{forced}{why}',
    ko: 'Nova가 {who}을(를) down으로 보고합니다. 마지막 하트비트: {heartbeat}.{compute}{forced}{why}',
  },
  'nova-services.down.compute': {
    en: ' The scheduler sends no new instances there and its instances cannot be managed.',
    ko: ' 스케줄러가 그 호스트에 새 인스턴스를 보내지 않고, 그 호스트의 인스턴스는 관리할 수 없습니다.',
  },
  'nova-services.down.forced': {
    en: ' It is marked forced-down (an operator set it, e.g. before evacuating).',
    ko: ' forced-down으로 표시되어 있습니다(운영자가 설정함, 예: evacuate 전).',
  },
  'nova-services.down.log.none': {
    en: ' Its nova-compute log was not collected (no target node matches this host name).',
    ko: ' nova-compute 로그를 수집하지 못했습니다(이 호스트 이름과 맞는 대상 노드가 없음).',
  },
  'nova-services.down.log.unread': { en: ' Its nova-compute log could not be read ({why}).', ko: ' nova-compute 로그를 읽지 못했습니다({why}).' },
  'nova-services.down.log.empty': {
    en: ' Its nova-compute log is empty here, so the reason is not visible from this node.',
    ko: ' 여기서는 nova-compute 로그가 비어 있어, 이 노드에서는 원인이 보이지 않습니다.',
  },
  'nova-services.down.log.quiet': {
    en: ' Its recent nova-compute log shows no RabbitMQ, conductor, database or libvirt error: the process is probably stopped or hung.',
    ko: ' 최근 nova-compute 로그에 RabbitMQ, conductor, 데이터베이스, libvirt 오류가 없습니다. 프로세스가 중지되었거나 멈춘 것으로 보입니다.',
  },
  'nova-services.down.log.says': { en: ' Its nova-compute log says {means} (lines quoted).', ko: ' nova-compute 로그에 나타난 문제: {means}(해당 줄 인용).' },
  'nova-services.down.cause': {
    en: '{binary} stopped reporting its heartbeat (service_down_time, 60 s by default): the process is stopped or hung, or its messages do not reach nova-conductor.',
    ko: '{binary}이(가) 하트비트 보고를 멈췄습니다(service_down_time, 기본 60초). 프로세스가 중지되었거나 멈췄거나, 메시지가 nova-conductor에 닿지 않습니다.',
  },
  'nova-services.down.next.compute': {
    en: 'on {host}: systemctl status nova-compute (kolla: docker logs nova_compute; helm: kubectl -n openstack get pods -o wide | grep nova-compute)',
    ko: '{host}에서: systemctl status nova-compute (kolla: docker logs nova_compute; helm: kubectl -n openstack get pods -o wide | grep nova-compute)',
  },
  'nova-services.down.next': { en: 'check {binary} on {host}', ko: '{host}의 {binary}을(를) 확인하세요' },
  'nova-services.down.next.kind': {
    en: '{next}; then on {host}: restart nova-compute once the cause is fixed',
    ko: '{next}. 원인을 고친 뒤 {host}에서 nova-compute를 재시작하세요',
  },

  // A service that is up but disabled.
  'nova-services.disabled.title': { en: '{who} is disabled{reason}', ko: '{who}이(가) 비활성화됨{reason}' },
  'nova-services.disabled.explanation': {
    en: '{who} is up but disabled, so the scheduler places no new instances there{reason}.',
    ko: '{who}은(는) up 상태지만 비활성화되어 있어 스케줄러가 새 인스턴스를 배치하지 않습니다{reason}.',
  },
  'nova-services.disabled.reason': { en: '; reason recorded: "{reason}"', ko: '. 기록된 이유: "{reason}"' },
  'nova-services.disabled.no-reason': { en: ' (no reason recorded)', ko: '(기록된 이유 없음)' },
  'nova-services.disabled.cause.auto': {
    en: 'Nova disabled it automatically (repeated build failures, or libvirt connection lost); the reason says which.',
    ko: 'Nova가 자동으로 비활성화했습니다(빌드 실패 반복, 또는 libvirt 연결 끊김). 어느 쪽인지는 이유에 적혀 있습니다.',
  },
  'nova-services.disabled.cause.operator': {
    en: 'An operator disabled it (maintenance, decommissioning) and it may have been forgotten.',
    ko: '운영자가 비활성화했고(유지보수, 퇴역), 다시 켜는 것을 잊었을 수 있습니다.',
  },
  'nova-services.disabled.next': {
    en: 'when it should take instances again: openstack compute service set --enable {host} {binary}',
    ko: '다시 인스턴스를 받아야 할 때: openstack compute service set --enable {host} {binary}',
  },

  // No compute service, or all fine.
  'nova-services.no-compute.title': { en: 'No nova-compute service is registered', ko: '등록된 nova-compute 서비스가 없음' },
  'nova-services.no-compute.explanation': {
    en: 'The service list has {count} Nova services but no nova-compute: no hypervisor can take instances.',
    ko: '서비스 목록에 Nova 서비스가 {count}개 있지만 nova-compute는 없습니다. 인스턴스를 받을 하이퍼바이저가 없습니다.',
  },
  'nova-services.no-compute.cause': {
    en: 'nova-compute never started on the compute nodes, or they were never added to a cell.',
    ko: 'compute 노드에서 nova-compute가 시작된 적이 없거나, 노드가 cell에 추가된 적이 없습니다.',
  },
  'nova-services.no-compute.next': {
    en: 'nova-manage cell_v2 discover_hosts --verbose; check nova-compute on the compute nodes',
    ko: 'nova-manage cell_v2 discover_hosts --verbose 를 실행하고, compute 노드의 nova-compute를 확인하세요',
  },
  'nova-services.ok.title': { en: 'All {count} Nova services are up and enabled', ko: 'Nova 서비스 {count}개 모두 up이고 활성화됨' },
  'nova-services.ok.explanation': {
    en: '{computes} nova-compute and {others} other Nova services report state up and status enabled.',
    ko: 'nova-compute {computes}개와 다른 Nova 서비스 {others}개가 state up, status enabled로 보고합니다.',
  },

  // Scheduling failures, from the nova-scheduler log.
  'nova-services.filtered.title': {
    en: 'Scheduling failed on {node}: filter {filter} removed every host (not Placement)',
    ko: '{node}에서 스케줄링 실패: {filter} 필터가 모든 호스트를 제외함 (Placement 문제 아님)',
  },
  'nova-services.filtered.explanation': {
    en: 'nova-scheduler got candidate hosts from Placement, then its filter {filter} removed the last one, so the request ended in NoValidHost ({count} request(s) in the last lines). This is a filter decision, not missing capacity.{computeDown}',
    ko: 'nova-scheduler가 Placement에서 후보 호스트를 받았지만, {filter} 필터가 마지막 후보까지 제외해서 요청이 NoValidHost로 끝났습니다(마지막 줄들에서 요청 {count}건). 용량 부족이 아니라 필터의 판단입니다.{computeDown}',
  },
  'nova-services.see-line': { en: '(see the line)', ko: '(해당 줄 참고)' },
  'nova-services.filtered.compute-down': {
    en: ' ComputeFilter drops compute services that are down or disabled{here}.',
    ko: ' ComputeFilter는 down이거나 비활성화된 compute 서비스를 제외합니다{here}.',
  },
  'nova-services.filtered.here': { en: ' — here {hosts}', ko: ' — 여기서는 {hosts}' },
  'nova-services.filtered.cause.down': {
    en: 'The only candidate compute services are down or disabled (ComputeFilter); see the nova.service-down findings.',
    ko: '후보 compute 서비스가 모두 down이거나 비활성화되어 있습니다(ComputeFilter). nova.service-down 결과를 보세요.',
  },
  'nova-services.filtered.cause.not-heard': {
    en: 'The scheduler has not heard from the candidate compute service ("has not been heard from in a while"): nova-compute is down or cut off from RabbitMQ/nova-conductor.',
    ko: '스케줄러가 후보 compute 서비스의 소식을 받지 못했습니다("has not been heard from in a while"). nova-compute가 다운되었거나 RabbitMQ/nova-conductor와 끊어졌습니다.',
  },
  'nova-services.filtered.cause.requirements': {
    en: 'The flavor/image/server-group requirements do not match any host for {filter} (extra specs, image properties, aggregates, affinity).',
    ko: 'flavor/이미지/server group 요구 사항이 {filter} 기준으로 어느 호스트와도 맞지 않습니다(extra spec, 이미지 속성, aggregate, affinity).',
  },
  'nova-services.that-filter': { en: 'that filter', ko: '그 필터' },
  'nova-services.the-filter': { en: 'the filter', ko: '해당 필터' },
  'nova-services.filtered.next.down': {
    en: 'openstack compute service list --service nova-compute; bring the down nova-compute back, then retry the request',
    ko: 'openstack compute service list --service nova-compute 로 확인하고, down된 nova-compute를 살린 뒤 요청을 다시 시도하세요',
  },
  'nova-services.filtered.next.requirements': {
    en: 'compare the flavor extra specs and image properties with what {filter} checks (openstack flavor show; openstack image show); see the nova scheduler filter docs',
    ko: '{filter}이(가) 검사하는 항목과 flavor extra spec, 이미지 속성을 비교하세요(openstack flavor show; openstack image show). nova 스케줄러 필터 문서를 참고하세요',
  },
  'nova-services.no-candidates.title': {
    en: 'Scheduling failed on {node}: Placement returned no allocation candidates',
    ko: '{node}에서 스케줄링 실패: Placement가 할당 후보를 돌려주지 않음',
  },
  'nova-services.no-candidates.explanation': {
    en: "nova-scheduler asked Placement for hosts with the requested VCPU/MEMORY_MB/DISK_GB (and traits) and got none back ({count} time(s) in the last lines). No filter ran: the NoValidHost comes from Placement's inventory and allocations.",
    ko: 'nova-scheduler가 요청한 VCPU/MEMORY_MB/DISK_GB(와 trait)를 가진 호스트를 Placement에 물었지만 하나도 받지 못했습니다(마지막 줄들에서 {count}번). 필터는 실행되지 않았습니다. NoValidHost는 Placement의 인벤토리와 할당에서 나온 것입니다.',
  },
  'nova-services.no-candidates.cause': {
    en: 'No resource provider has enough free capacity (inventory minus reserved, times allocation_ratio, minus allocations), or the request needs a trait no provider has.',
    ko: '여유 용량(인벤토리 − reserved, × allocation_ratio, − 할당)이 충분한 resource provider가 없거나, 요청에 어떤 provider에도 없는 trait가 필요합니다.',
  },
  'nova-services.no-candidates.next': {
    en: 'run the placement-capacity playbook; openstack allocation candidate list --resource VCPU=<n> --resource MEMORY_MB=<mb>',
    ko: 'placement-capacity 플레이북을 실행하세요. openstack allocation candidate list --resource VCPU=<n> --resource MEMORY_MB=<mb>',
  },
  'nova-services.no-valid-host.title': { en: 'nova-scheduler on {node} logged NoValidHost without saying why', ko: '{node}의 nova-scheduler가 이유 없이 NoValidHost를 기록함' },
  'nova-services.no-valid-host.explanation': {
    en: 'The scheduler log shows NoValidHost but neither a filter result nor a Placement answer in the lines read; the reason is earlier in the log or at DEBUG level.',
    ko: '스케줄러 로그에 NoValidHost가 있지만, 읽은 줄에는 필터 결과도 Placement 응답도 없습니다. 이유는 로그의 더 앞쪽이나 DEBUG 레벨에 있습니다.',
  },
  'nova-services.no-valid-host.next': {
    en: 'grep the request ID in the nova-scheduler and nova-conductor logs',
    ko: 'nova-scheduler와 nova-conductor 로그에서 요청 ID를 grep하세요',
  },

  // nova-compute logs errors while Nova lists it up; logs that were empty.
  'nova-services.log-errors.title': { en: 'nova-compute on {node} logs errors: {means}', ko: '{node}의 nova-compute가 오류를 기록함: {means}' },
  'nova-services.log-errors.explanation': {
    en: "The last lines of nova-compute's log on {node} show that {means}{listed}.",
    ko: '{node}의 nova-compute 로그 마지막 줄들에 나타난 문제: {means}{listed}.',
  },
  'nova-services.log-errors.listed-up': { en: ', although Nova does not list it as down (yet)', ko: '. Nova는 (아직) 이 서비스를 down으로 보지 않습니다' },
  'nova-services.logs.skipped.title': { en: 'Some Nova logs were empty', ko: '일부 Nova 로그가 비어 있음' },
  'nova-services.logs.part': { en: '{binary} on {nodes}', ko: '{nodes}의 {binary}' },
  'nova-services.logs.skipped.explanation': {
    en: 'No log lines from {parts}: the service does not run there, or it logs elsewhere (e.g. /var/log/nova/*.log instead of the journal), so its log could not be checked.',
    ko: '{parts}에서 로그 줄이 하나도 없습니다. 그 서비스가 거기서 실행되지 않거나 다른 곳에 로그를 남기므로(예: journal 대신 /var/log/nova/*.log), 로그를 확인하지 못했습니다.',
  },
};
