/** instances-stuck's finding texts (playbooks/catalogue/instances-stuck), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const instancesStuckTexts: Record<string, Record<Lang, string>> = {
  'instances-stuck.minutes': { en: '{m} min', ko: '{m}분' },
  'instances-stuck.hours': { en: '{h} h {m} min', ko: '{h}시간 {m}분' },
  'instances-stuck.days': { en: '{d} d {h} h', ko: '{d}일 {h}시간' },
  'instances-stuck.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'instances-stuck.on-host': { en: 'on host {host}', ko: '호스트 {host}' },
  'instances-stuck.no-host': { en: 'on no host (never placed, or cleared when the build failed)', ko: '호스트 없음(배치된 적이 없거나 빌드 실패로 비워짐)' },
  'instances-stuck.ago': { en: ' ({age} ago by the clock of {node})', ko: ' ({node}의 시계로 {age} 전)' },
  'instances-stuck.action': { en: ' Last action: {action}, started {start} (request {request}){failed}.', ko: ' 마지막 작업: {action}, 시작 {start} (요청 {request}){failed}.' },
  'instances-stuck.action.failed': { en: ', result "{message}"', ko: ', 결과 "{message}"' },

  'instances-stuck.not-here.title': { en: "Not checked: no Compute API (Nova) in this cloud's catalog", ko: '점검 안 함: 이 클라우드의 카탈로그에 Compute API(Nova)가 없음' },
  'instances-stuck.not-here.explanation': {
    en: 'The openstack client on {node} found no compute endpoint: this cloud runs no Nova, so it has no servers to check.',
    ko: '{node}의 openstack 클라이언트가 compute 엔드포인트를 찾지 못했습니다. 이 클라우드는 Nova를 운영하지 않으므로 점검할 서버가 없습니다.',
  },
  'instances-stuck.failed.title': { en: 'Could not list the servers', ko: '서버 목록을 가져오지 못함' },
  'instances-stuck.failed.explanation': { en: 'openstack server list on {node} failed: {line}', ko: '{node}에서 openstack server list가 실패했습니다: {line}' },
  'instances-stuck.failed.cause.no-credentials': { en: 'No admin credentials were loaded on that node (no openrc or clouds.yaml where the cluster says).', ko: '그 노드에서 관리자 자격 증명을 불러오지 못했습니다(클러스터 설정의 위치에 openrc나 clouds.yaml이 없음).' },
  'instances-stuck.failed.cause.rejected': { en: 'Keystone or Nova refused the credentials (wrong password, expired token, or a user without the admin role).', ko: 'Keystone이나 Nova가 자격 증명을 거부했습니다(잘못된 비밀번호, 만료된 토큰, 또는 admin 역할이 없는 사용자).' },
  'instances-stuck.failed.cause.unreachable': { en: 'The Keystone or Nova API did not answer (the API service, HAProxy or the VIP is down).', ko: 'Keystone이나 Nova API가 응답하지 않았습니다(API 서비스, HAProxy 또는 VIP 다운).' },
  'instances-stuck.failed.next': {
    en: 'Run `openstack server list --all-projects` by hand on a controller with admin credentials; check the cluster credentials setting; run nova-services.',
    ko: '관리자 자격 증명으로 컨트롤러에서 `openstack server list --all-projects`를 직접 실행해 보고, 클러스터의 자격 증명 설정을 확인한 뒤 nova-services를 실행하세요.',
  },
  'instances-stuck.not-run.title': { en: 'Servers not checked', ko: '서버를 점검하지 못함' },
  'instances-stuck.not-run.explanation': { en: 'The server list did not run to the end: {why}.', ko: '서버 목록 조회가 끝까지 실행되지 않았습니다: {why}.' },
  'instances-stuck.not-run.none': { en: 'no controller ran it', ko: '실행한 컨트롤러가 없음' },

  'instances-stuck.error.title': { en: 'Server {name} is in ERROR: {fault}', ko: '서버 {name}이(가) ERROR 상태: {fault}' },
  'instances-stuck.error.title.no-fault': { en: 'Server {name} is in ERROR (no fault recorded)', ko: '서버 {name}이(가) ERROR 상태 (기록된 fault 없음)' },
  'instances-stuck.error.explanation': {
    en: 'Server {id} ({flavor}) is in ERROR {host}, since {since}{age}.{fault}{action}{old}',
    ko: '서버 {id}({flavor})은(는) {since}부터 ERROR 상태입니다{age}. {host}.{fault}{action}{old}',
  },
  'instances-stuck.error.fault': { en: ' Nova recorded the fault "{message}".', ko: ' Nova가 기록한 fault: "{message}".' },
  'instances-stuck.error.no-fault': { en: ' Nova recorded no fault for it (an operator may have set the state with reset-state).', ko: ' Nova에 기록된 fault가 없습니다(운영자가 reset-state로 상태를 바꿨을 수 있음).' },
  'instances-stuck.error.old': { en: ' The failure is more than a day old: a left-over server rather than a failure now.', ko: ' 실패한 지 하루가 넘었습니다. 지금의 장애라기보다 남겨진 서버입니다.' },

  'instances-stuck.fault.no-valid-host.cause': {
    en: 'The scheduler found no compute for it: Placement had no allocation candidate for its flavor (no capacity left, reserved or allocation ratios, a trait or aggregate no host has) or a scheduler filter removed every host (computes down or disabled, availability zone).',
    ko: '스케줄러가 이 서버를 둘 컴퓨트를 찾지 못했습니다. Placement에 플레이버에 맞는 할당 후보가 없었거나(남은 용량 없음, reserved·allocation ratio, 어떤 호스트에도 없는 trait·aggregate) 스케줄러 필터가 모든 호스트를 제외했습니다(컴퓨트 down·disabled, 가용 영역).',
  },
  'instances-stuck.fault.no-valid-host.next': {
    en: 'Run placement-capacity with the flavor’s size (`openstack flavor show {flavor}`: vcpus, ram, disk) and nova-services (computes down or disabled, the scheduler log’s filter); runbook placement-no-valid-host.',
    ko: '플레이버 크기(`openstack flavor show {flavor}`의 vcpus, ram, disk)로 placement-capacity를 실행하고, nova-services(down·disabled 컴퓨트, 스케줄러 로그의 필터)를 실행하세요. 런북 placement-no-valid-host를 따르세요.',
  },
  'instances-stuck.fault.port-binding.cause': {
    en: 'Neutron could not bind the server’s port on the compute (binding_failed): no OVN chassis or agent for that host, or no bridge mapping on it for the network’s physical network.',
    ko: 'Neutron이 컴퓨트에서 서버의 포트를 바인딩하지 못했습니다(binding_failed). 그 호스트에 OVN chassis나 에이전트가 없거나, 네트워크의 물리 네트워크에 대한 브리지 매핑이 없습니다.',
  },
  'instances-stuck.fault.port-binding.next': {
    en: '`openstack port list --server {id} --long` and `openstack port show PORT -c binding_vif_type -c binding_host_id`; the network’s provider:physical_network against the chassis’ ovn-bridge-mappings (ovn-health); the neutron-server log for the port.',
    ko: '`openstack port list --server {id} --long`와 `openstack port show PORT -c binding_vif_type -c binding_host_id`를 확인하고, 네트워크의 provider:physical_network를 chassis의 ovn-bridge-mappings와 비교하세요(ovn-health). neutron-server 로그에서 그 포트를 찾으세요.',
  },
  'instances-stuck.fault.network.cause': {
    en: 'The compute gave up waiting for Neutron to say the port was plugged (vif_plugging_timeout): ovn-controller or the OVS agent on the compute did not wire it, or Neutron did not tell Nova.',
    ko: '컴퓨트가 Neutron의 포트 연결 완료 알림을 기다리다 포기했습니다(vif_plugging_timeout). 컴퓨트의 ovn-controller나 OVS 에이전트가 포트를 연결하지 못했거나, Neutron이 Nova에 알리지 않았습니다.',
  },
  'instances-stuck.fault.network.next': {
    en: 'On the compute: ovs-health and ovn-health (chassis, port bindings); the nova-compute and neutron-server logs for request {request}.',
    ko: '컴퓨트에서 ovs-health와 ovn-health(chassis, 포트 바인딩)를 실행하고, nova-compute와 neutron-server 로그에서 요청 {request}을(를) 찾으세요.',
  },
  'instances-stuck.fault.volume.cause': { en: 'A volume of the server could not be created or attached (Cinder, its backend, or os-brick on the compute).', ko: '서버의 볼륨을 만들거나 연결하지 못했습니다(Cinder, 그 백엔드, 또는 컴퓨트의 os-brick).' },
  'instances-stuck.fault.volume.next': { en: 'Run cinder-volumes (backends down, volumes stuck); `openstack volume list --all-projects --long` for the server’s volumes; the cinder-volume log.', ko: 'cinder-volumes를 실행하고(down 백엔드, 멈춘 볼륨), `openstack volume list --all-projects --long`으로 서버의 볼륨을 보고 cinder-volume 로그를 확인하세요.' },
  'instances-stuck.fault.rpc.cause': { en: 'A Nova service did not answer an RPC call in time: RabbitMQ trouble, or nova-conductor/nova-compute overloaded or down.', ko: 'Nova 서비스가 RPC 호출에 제때 응답하지 않았습니다. RabbitMQ 문제이거나 nova-conductor/nova-compute가 과부하 또는 down 상태입니다.' },
  'instances-stuck.fault.rpc.next': { en: 'Run nova-services and the RabbitMQ checks; the nova-conductor log for request {request}.', ko: 'nova-services와 RabbitMQ 점검을 실행하고, nova-conductor 로그에서 요청 {request}을(를) 찾으세요.' },
  'instances-stuck.fault.retries.cause': {
    en: 'The build failed on every compute it was tried on (rescheduled until max_attempts): the real error is in those computes’ nova-compute logs (e.g. "Instance failed to spawn").',
    ko: '시도한 모든 컴퓨트에서 빌드가 실패했습니다(max_attempts까지 재스케줄링). 실제 오류는 그 컴퓨트들의 nova-compute 로그에 있습니다(예: "Instance failed to spawn").',
  },
  'instances-stuck.fault.retries.next': {
    en: 'Run nova-compute-log; `openstack server event show {id} {request}` names the hosts tried (admin); grep their nova-compute logs for {id}.',
    ko: 'nova-compute-log를 실행하세요. `openstack server event show {id} {request}`가 시도한 호스트를 알려 줍니다(관리자). 그 호스트들의 nova-compute 로그에서 {id}를 찾으세요.',
  },
  'instances-stuck.fault.other.cause': { en: 'The fault message says what failed; the service that raised it logged the details.', ko: 'fault 메시지가 실패한 내용을 말해 줍니다. 그 오류를 낸 서비스가 자세한 내용을 로그에 남겼습니다.' },
  'instances-stuck.fault.other.next': {
    en: '`openstack server show {id} -c fault` (admins see the traceback in details); `openstack server event show {id} {request}`; the nova-conductor and nova-compute logs for {id}.',
    ko: '`openstack server show {id} -c fault`(관리자는 details에서 traceback을 봄)와 `openstack server event show {id} {request}`를 확인하고, nova-conductor와 nova-compute 로그에서 {id}를 찾으세요.',
  },
  'instances-stuck.fault.none.cause': { en: 'Its vm_state was set to error without a fault: by `nova reset-state`, or by a task that failed before it could record why.', ko: 'fault 없이 vm_state가 error로 바뀌었습니다. `nova reset-state`에 의해서이거나, 이유를 기록하기 전에 실패한 작업 때문입니다.' },
  'instances-stuck.fault.none.next': { en: '`openstack server event list {id} --long` and `openstack server event show {id} {request}`; the nova-compute log of its host for {id}.', ko: '`openstack server event list {id} --long`와 `openstack server event show {id} {request}`를 확인하고, 호스트의 nova-compute 로그에서 {id}를 찾으세요.' },

  'instances-stuck.stuck.title': { en: 'Server {name} stuck in {state} for {age}', ko: '서버 {name}이(가) {age} 동안 {state} 상태에 멈춤' },
  'instances-stuck.stuck.explanation': {
    en: 'Server {id} has been {state} {host} since {updated} (UTC), {age} by the clock of {node}, longer than the {limit} min such a step should take.{action}',
    ko: '서버 {id}은(는) {updated}(UTC)부터 {state} 상태이며({host}), {node}의 시계로 {age}가 지나 이 단계가 걸려야 할 {limit}분을 넘었습니다.{action}',
  },
  'instances-stuck.task.build.cause': {
    en: 'The build stopped on the way: the compute’s nova-compute is down or hung and never took the request, the image download or the port plugging never finished, or nova-conductor lost the request.',
    ko: '빌드가 중간에 멈췄습니다. 컴퓨트의 nova-compute가 down이거나 멈춰 요청을 받지 못했거나, 이미지 다운로드나 포트 연결이 끝나지 않았거나, nova-conductor가 요청을 잃었습니다.',
  },
  'instances-stuck.task.build.next': {
    en: 'Run nova-services (is nova-compute on {host} up?) and nova-compute-log; grep the nova-conductor and nova-compute logs for {request}; once nothing works on it any more, `openstack server delete {id}` and build again.',
    ko: 'nova-services({host}의 nova-compute가 up인지)와 nova-compute-log를 실행하고, nova-conductor와 nova-compute 로그에서 {request}을(를) 찾으세요. 더 진행되는 작업이 없으면 `openstack server delete {id}` 후 다시 만드세요.',
  },
  'instances-stuck.task.delete.cause': { en: 'The compute that must delete it does not answer (nova-compute down or hung), or a volume detach or port unbind on the way does not finish.', ko: '삭제를 맡은 컴퓨트가 응답하지 않거나(nova-compute down 또는 멈춤), 도중의 볼륨 분리나 포트 해제가 끝나지 않습니다.' },
  'instances-stuck.task.delete.next': {
    en: 'Run nova-services (nova-compute on {host}) and cinder-volumes; when nova-compute is back the delete completes; otherwise `openstack server set --state error {id}` then `openstack server delete {id}` (admin).',
    ko: 'nova-services({host}의 nova-compute)와 cinder-volumes를 실행하세요. nova-compute가 돌아오면 삭제가 끝납니다. 그렇지 않으면 `openstack server set --state error {id}` 후 `openstack server delete {id}`(관리자)를 실행하세요.',
  },
  'instances-stuck.task.migrate.cause': { en: 'A migration or resize stopped between the source and the destination compute (an RPC timeout, a compute restarted or down, a failed disk copy).', ko: '마이그레이션이나 크기 변경이 원본과 대상 컴퓨트 사이에서 멈췄습니다(RPC 타임아웃, 컴퓨트 재시작 또는 down, 디스크 복사 실패).' },
  'instances-stuck.task.migrate.next': {
    en: '`openstack server migration list --server {id}`; both computes’ nova-compute logs for {request}; when it is certain nothing runs: `openstack server set --state active {id}` (admin) and check where its disk really is.',
    ko: '`openstack server migration list --server {id}`를 보고, 두 컴퓨트의 nova-compute 로그에서 {request}을(를) 찾으세요. 진행 중인 작업이 없다고 확실할 때 `openstack server set --state active {id}`(관리자)를 실행하고 디스크가 실제로 어디 있는지 확인하세요.',
  },
  'instances-stuck.task.reboot.cause': { en: 'The hypervisor did not finish the power action, or nova-compute on its host stopped answering.', ko: '하이퍼바이저가 전원 작업을 끝내지 못했거나, 호스트의 nova-compute가 응답을 멈췄습니다.' },
  'instances-stuck.task.reboot.next': { en: 'Run nova-services and nova-compute-log for {host}; `openstack server reboot --hard {id}` once nova-compute answers.', ko: '{host}에 대해 nova-services와 nova-compute-log를 실행하고, nova-compute가 응답하면 `openstack server reboot --hard {id}`를 실행하세요.' },
  'instances-stuck.task.snapshot.cause': { en: 'A snapshot, shelve or image upload is still running (a large disk) or stopped between the compute and Glance.', ko: '스냅샷, shelve, 이미지 업로드가 아직 진행 중이거나(큰 디스크) 컴퓨트와 Glance 사이에서 멈췄습니다.' },
  'instances-stuck.task.snapshot.next': { en: '`openstack image list --property instance_uuid={id}`; the nova-compute log on {host} and the Glance API log; when nothing runs any more, `openstack server set --state active {id}` (admin).', ko: '`openstack image list --property instance_uuid={id}`를 보고 {host}의 nova-compute 로그와 Glance API 로그를 확인하세요. 더 진행 중인 작업이 없으면 `openstack server set --state active {id}`(관리자)를 실행하세요.' },
  'instances-stuck.task.other.cause': { en: 'A task Nova started on the server has not finished: nova-compute on its host is down or hung, or the task failed without clearing its state.', ko: 'Nova가 서버에서 시작한 작업이 끝나지 않았습니다. 호스트의 nova-compute가 down이거나 멈췄거나, 작업이 상태를 지우지 못하고 실패했습니다.' },
  'instances-stuck.task.other.next': { en: 'Run nova-services and nova-compute-log for {host}; `openstack server event show {id} {request}`.', ko: '{host}에 대해 nova-services와 nova-compute-log를 실행하고 `openstack server event show {id} {request}`를 확인하세요.' },

  'instances-stuck.more.title': { en: '{count} more server(s) in ERROR, BUILD or a task ({errors} in ERROR) not looked at', ko: 'ERROR·BUILD·작업 상태인 서버 {count}개(ERROR {errors}개)를 더 보지 못함' },
  'instances-stuck.more.explanation': {
    en: 'The list shows {count} more server(s) in ERROR, BUILD or with a task than the {shown} looked at closely (the check asks details for 10 at most, ERROR first): {names}.',
    ko: '목록에는 자세히 본 {shown}개 외에도 ERROR·BUILD·작업 상태인 서버가 {count}개 더 있습니다(점검은 ERROR부터 최대 10개까지만 상세를 조회): {names}.',
  },
  'instances-stuck.more.next': { en: '`openstack server list --all-projects --status ERROR --long` and `openstack server show ID -c fault` for each.', ko: '`openstack server list --all-projects --status ERROR --long`를 실행하고 각각 `openstack server show ID -c fault`를 확인하세요.' },
  'instances-stuck.details-missing.title': { en: 'Details of {count} server(s) could not be read', ko: '서버 {count}개의 상세를 읽지 못함' },
  'instances-stuck.details-missing.explanation': { en: 'server show printed nothing for {ids}: {line}', ko: '{ids}에 대해 server show가 아무것도 출력하지 않았습니다: {line}' },

  'instances-stuck.ok.title': { en: 'No server in ERROR, none stuck longer than {limit} min ({count} servers)', ko: 'ERROR 상태 서버 없음, {limit}분 넘게 멈춘 서버 없음 (서버 {count}개)' },
  'instances-stuck.ok.explanation': {
    en: '{count} server(s) listed in every project; {transit} in BUILD or with a task under way, none for longer than {limit} min.',
    ko: '모든 프로젝트에서 서버 {count}개를 조회했습니다. BUILD 상태이거나 작업 중인 서버는 {transit}개이며, {limit}분을 넘은 서버는 없습니다.',
  },
};
