/** cinder-volumes' finding texts (playbooks/catalogue/cinder-volumes), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const cinderVolumesTexts: Record<string, Record<Lang, string>> = {
  'cinder-volumes.minutes': { en: '{m} min', ko: '{m}분' },
  'cinder-volumes.hours': { en: '{h} h {m} min', ko: '{h}시간 {m}분' },
  'cinder-volumes.backend': { en: 'volume backend {host}', ko: '볼륨 백엔드 {host}' },
  'cinder-volumes.service': { en: '{binary} on {host}', ko: '{host}의 {binary}' },
  'cinder-volumes.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },

  'cinder-volumes.down.title': { en: 'Cinder: {who} is down', ko: 'Cinder: {who}이(가) down 상태' },
  'cinder-volumes.down.explanation': {
    en: 'Cinder lists {who} as down: its last heartbeat was at {heartbeat}. {effect}',
    ko: 'Cinder가 {who}을(를) down으로 표시합니다. 마지막 하트비트는 {heartbeat}입니다. {effect}',
  },
  'cinder-volumes.down.effect.volume': {
    en: 'No volume on this backend can be created, attached, detached, extended or deleted; requests wait and volumes stay in creating/attaching/deleting.',
    ko: '이 백엔드의 볼륨은 생성·연결·분리·확장·삭제가 모두 안 됩니다. 요청은 대기하고 볼륨은 creating/attaching/deleting 상태에 머뭅니다.',
  },
  'cinder-volumes.down.effect.scheduler': { en: 'New volumes are not placed on any backend: they stay in creating or go to error.', ko: '새 볼륨이 어떤 백엔드에도 배치되지 않아 creating에 머물거나 error가 됩니다.' },
  'cinder-volumes.down.effect.other': { en: 'What this service does for Cinder is not being done.', ko: '이 서비스가 Cinder에서 맡은 일이 수행되지 않습니다.' },
  'cinder-volumes.down.cause.volume': {
    en: 'cinder-volume stopped, lost RabbitMQ or the database, or cannot reach its storage (Ceph monitors, the array, the LVM volume group), so it stops reporting.',
    ko: 'cinder-volume이 멈췄거나, RabbitMQ·데이터베이스 연결을 잃었거나, 스토리지(Ceph 모니터, 스토리지 어레이, LVM 볼륨 그룹)에 닿지 못해 상태 보고를 멈췄습니다.',
  },
  'cinder-volumes.down.cause': { en: 'The service stopped, or lost RabbitMQ or the database, so its heartbeat stopped.', ko: '서비스가 멈췄거나 RabbitMQ·데이터베이스 연결을 잃어 하트비트가 멈췄습니다.' },
  'cinder-volumes.down.next': {
    en: 'On {host}: the {binary} log (`journalctl -u {binary}`, /var/log/kolla/cinder/{binary}.log or the pod’s log) for AMQP, database or storage errors; run ceph-health if the backend is Ceph; then restart {binary}.',
    ko: '{host}에서 {binary} 로그(`journalctl -u {binary}`, /var/log/kolla/cinder/{binary}.log 또는 pod 로그)의 AMQP·데이터베이스·스토리지 오류를 확인하고, 백엔드가 Ceph면 ceph-health를 실행한 뒤 {binary}를 다시 시작하세요.',
  },
  'cinder-volumes.disabled.title': { en: 'Cinder: {who} is disabled', ko: 'Cinder: {who}이(가) disabled 상태' },
  'cinder-volumes.disabled.explanation': { en: '{who} is up but disabled: the scheduler sends it no new volumes.{reason}', ko: '{who}은(는) up이지만 disabled 상태라 스케줄러가 새 볼륨을 보내지 않습니다.{reason}' },
  'cinder-volumes.disabled.reason': { en: ' Reason given: "{reason}".', ko: ' 사유: "{reason}".' },
  'cinder-volumes.disabled.next': { en: 'If the maintenance is over: `openstack volume service set --enable {host} {binary}`.', ko: '유지보수가 끝났다면 `openstack volume service set --enable {host} {binary}`를 실행하세요.' },
  'cinder-volumes.services.ok.title': { en: 'All {count} Cinder services are up and enabled', ko: 'Cinder 서비스 {count}개가 모두 up이고 enabled' },
  'cinder-volumes.services.ok.explanation': { en: 'Volume backends: {backends}.', ko: '볼륨 백엔드: {backends}.' },

  'cinder-volumes.stuck.title': { en: 'Volume {name} stuck in {status} for {age}', ko: '볼륨 {name}이(가) {age} 동안 {status} 상태에 멈춤' },
  'cinder-volumes.stuck.explanation': {
    en: 'Volume {id} has been {status} since {updated} (UTC), {age} by the clock of {node}, longer than the {limit} min a volume should take.{host}{server}',
    ko: '볼륨 {id}은(는) {updated}(UTC)부터 {status} 상태이며, {node}의 시계로 {age}가 지나 볼륨이 걸려야 할 {limit}분을 넘었습니다.{host}{server}',
  },
  'cinder-volumes.stuck.host': { en: ' Its backend: {host}.', ko: ' 백엔드: {host}.' },
  'cinder-volumes.stuck.server': { en: ' Attached to server(s): {servers}.', ko: ' 연결된 서버: {servers}.' },
  'cinder-volumes.stuck.attach.cause': {
    en: 'The attach/detach conversation between nova-compute and cinder-volume broke off (an RPC timeout, a restarted service, os-brick failing to connect iSCSI/RBD on the compute).',
    ko: 'nova-compute와 cinder-volume 사이의 연결·분리 과정이 중간에 끊겼습니다(RPC 타임아웃, 서비스 재시작, 컴퓨트에서 os-brick의 iSCSI/RBD 연결 실패).',
  },
  'cinder-volumes.stuck.attach.next': {
    en: '`openstack volume show {id}` and the server’s `openstack server event list`; the nova-compute and cinder-volume logs around updated_at; once neither side holds it, reset with `cinder reset-state --state available --attach-status detached {id}` (admin).',
    ko: '`openstack volume show {id}`와 서버의 `openstack server event list`, updated_at 전후의 nova-compute·cinder-volume 로그를 확인하고, 양쪽 어디에도 연결이 남아 있지 않을 때 `cinder reset-state --state available --attach-status detached {id}`(관리자)로 되돌리세요.',
  },
  'cinder-volumes.stuck.delete.cause': { en: 'cinder-volume could not delete it on the backend (it has snapshots or clones, the backend is unreachable, or the service restarted mid-way).', ko: 'cinder-volume이 백엔드에서 삭제하지 못했습니다(스냅샷·클론이 있음, 백엔드에 닿지 않음, 또는 작업 중 서비스 재시작).' },
  'cinder-volumes.stuck.delete.next': { en: 'The cinder-volume log for {id}; `openstack volume snapshot list --volume {id}`; after fixing the cause, `cinder reset-state --state available {id}` and delete again.', ko: 'cinder-volume 로그에서 {id}를 찾고 `openstack volume snapshot list --volume {id}`를 확인하세요. 원인을 고친 뒤 `cinder reset-state --state available {id}` 후 다시 삭제하세요.' },
  'cinder-volumes.stuck.create.cause': { en: 'No backend accepted it (the scheduler found no valid backend, or the chosen cinder-volume is down) or the backend is slow to create (an image download).', ko: '받아 줄 백엔드가 없었거나(스케줄러가 유효한 백엔드를 찾지 못함, 또는 선택된 cinder-volume이 down), 백엔드의 생성이 느립니다(이미지 다운로드).' },
  'cinder-volumes.stuck.create.next': { en: 'The cinder-scheduler log for {id} ("No valid backend"); the volume service list above; the capacity of the backend (ceph-health for Ceph).', ko: 'cinder-scheduler 로그에서 {id}("No valid backend")를 찾고, 위의 볼륨 서비스 목록과 백엔드 용량(Ceph는 ceph-health)을 확인하세요.' },
  'cinder-volumes.stuck.error.cause': { en: 'An operation on it failed on the backend or in the scheduler; the volume is unusable until looked at.', ko: '백엔드나 스케줄러에서 작업이 실패했습니다. 확인하기 전까지 볼륨을 쓸 수 없습니다.' },
  'cinder-volumes.stuck.error.next': { en: '`openstack volume show {id}` and `cinder message-list --resource_uuid {id}` (user messages say why); the cinder-volume log; delete or reset it once understood.', ko: '`openstack volume show {id}`와 `cinder message-list --resource_uuid {id}`(사용자 메시지에 이유가 있음), cinder-volume 로그를 확인하고, 이해한 뒤 삭제하거나 상태를 되돌리세요.' },
  'cinder-volumes.stuck.other.cause': { en: 'A long operation (extend, upload to image, backup, retype, migration) stopped or is still running on a slow backend.', ko: '긴 작업(확장, 이미지 업로드, 백업, retype, 마이그레이션)이 멈췄거나 느린 백엔드에서 아직 진행 중입니다.' },
  'cinder-volumes.stuck.other.next': { en: 'The cinder-volume (or cinder-backup) log for {id}; if nothing is running any more, `cinder reset-state --state available {id}` (admin).', ko: 'cinder-volume(또는 cinder-backup) 로그에서 {id}를 확인하고, 더 진행 중인 작업이 없으면 `cinder reset-state --state available {id}`(관리자)를 실행하세요.' },
  'cinder-volumes.volumes.ok.title': { en: 'No volume stuck longer than {limit} min', ko: '{limit}분 넘게 멈춘 볼륨 없음' },
  'cinder-volumes.volumes.ok.explanation': { en: '{count} volume(s) listed; {transit} in a transitional or error state, none for longer than {limit} min.', ko: '볼륨 {count}개 중 {transit}개가 전이·error 상태이며, {limit}분을 넘긴 것은 없습니다.' },

  'cinder-volumes.not-here.title': { en: "Not checked: no Cinder in this cloud's catalog", ko: '점검 안 함: 이 클라우드의 카탈로그에 Cinder 없음' },
  'cinder-volumes.not-here.explanation': {
    en: 'The openstack client on {node} found no Block Storage (volumev3) endpoint in the service catalog: this cloud runs without Cinder, so no volume service or volume was checked.',
    ko: '{node}의 openstack 클라이언트가 서비스 카탈로그에서 Block Storage(volumev3) 엔드포인트를 찾지 못했습니다. 이 클라우드는 Cinder 없이 운영되므로 볼륨 서비스와 볼륨은 점검하지 않았습니다.',
  },
  'cinder-volumes.services.failed.title': { en: 'Could not list the Cinder services', ko: 'Cinder 서비스 목록을 가져오지 못함' },
  'cinder-volumes.volumes.failed.title': { en: 'Could not list the volumes', ko: '볼륨 목록을 가져오지 못함' },
  'cinder-volumes.failed.explanation': { en: 'The openstack client on {node} answered: {line}. Nothing about Cinder was concluded from it.', ko: '{node}의 openstack 클라이언트 응답: {line}. 이것으로 Cinder에 대해 판단한 것은 없습니다.' },
  'cinder-volumes.failed.cause.no-credentials': { en: 'The client has no admin credentials on that node (no openrc or clouds.yaml where the cluster says).', ko: '그 노드의 클라이언트에 관리자 자격 증명이 없습니다(클러스터 설정이 가리키는 곳에 openrc나 clouds.yaml이 없음).' },
  'cinder-volumes.failed.cause.rejected': { en: 'Keystone or Cinder rejected the credentials (expired password, not admin).', ko: 'Keystone이나 Cinder가 자격 증명을 거부했습니다(만료된 비밀번호, 관리자 아님).' },
  'cinder-volumes.failed.cause.unreachable': { en: 'The Cinder API (or Keystone) does not answer: the service is down or the VIP/HAProxy does not reach it.', ko: 'Cinder API(또는 Keystone)가 응답하지 않습니다. 서비스가 down이거나 VIP/HAProxy가 닿지 않습니다.' },
  'cinder-volumes.failed.next': { en: 'Run the same command on the controller with the admin credentials loaded; `openstack catalog show volumev3`.', ko: '컨트롤러에서 관리자 자격 증명을 불러온 뒤 같은 명령과 `openstack catalog show volumev3`를 실행하세요.' },
  'cinder-volumes.not-run.title': { en: 'Not checked: Cinder', ko: '점검 안 함: Cinder' },
  'cinder-volumes.not-run.explanation': { en: 'The Cinder steps did not complete ({why}).', ko: 'Cinder 단계가 끝나지 않았습니다({why}).' },
  'cinder-volumes.not-run.none': { en: 'no controller', ko: '컨트롤러 없음' },
};
