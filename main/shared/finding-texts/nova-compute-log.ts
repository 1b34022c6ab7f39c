/** nova-compute-log's finding texts (playbooks/catalogue/nova-compute-log): its log signatures and its hour-by-hour table, in English and Korean. */
import type { Lang } from '../../contract/types.js';

const P = 'nova-compute-log.sig';

export const novaComputeLogTexts: Record<string, Record<Lang, string>> = {
  [`${P}.libvirt-error.title`]: { en: 'libvirt errors in nova-compute', ko: 'nova-compute의 libvirt 오류' },
  [`${P}.libvirt-error.explanation`]: {
    en: 'nova-compute got errors back from libvirt (libvirtError): starting, stopping, migrating or inspecting instances failed in the hypervisor, or libvirtd itself was unreachable.',
    ko: 'nova-compute가 libvirt로부터 오류(libvirtError)를 받았습니다. 하이퍼바이저에서 인스턴스 시작·중지·마이그레이션·조회가 실패했거나 libvirtd 자체에 닿지 못했습니다.',
  },
  [`${P}.libvirt-error.next`]: {
    en: 'Read the message after "libvirtError:" in the lines quoted; on the compute: `virsh list --all`, the libvirtd/qemu logs (/var/log/libvirt/, or the nova_libvirt container’s), and whether libvirtd is running.',
    ko: '인용된 줄에서 "libvirtError:" 뒤의 메시지를 읽고, 컴퓨트에서 `virsh list --all`, libvirtd·qemu 로그(/var/log/libvirt/ 또는 nova_libvirt 컨테이너의 로그), libvirtd 실행 여부를 확인하세요.',
  },
  [`${P}.resource-update-failed.title`]: { en: 'nova-compute failed to update its resources', ko: 'nova-compute의 자원 갱신 실패' },
  [`${P}.resource-update-failed.explanation`]: {
    en: 'The resource tracker’s periodic update ("Error updating resources for node") failed: this compute’s usage and inventory in Nova and Placement stop being refreshed, so the scheduler works from stale numbers (NoValidHost, or instances placed on a full host).',
    ko: '리소스 트래커의 주기적 갱신("Error updating resources for node")이 실패했습니다. 이 컴퓨트의 사용량과 인벤토리가 Nova와 Placement에서 갱신되지 않아 스케줄러가 낡은 수치로 판단합니다(NoValidHost, 또는 가득 찬 호스트에 배치).',
  },
  [`${P}.resource-update-failed.next`]: {
    en: 'The traceback after the quoted line says why (libvirt, Placement unreachable or refusing the inventory, a database error); run placement-capacity and nova-services.',
    ko: '인용된 줄 뒤의 traceback이 원인을 말해 줍니다(libvirt, Placement에 닿지 않거나 인벤토리 거부, 데이터베이스 오류). placement-capacity와 nova-services를 실행하세요.',
  },
  [`${P}.oslo-messaging-error.title`]: { en: 'oslo.messaging errors in nova-compute', ko: 'nova-compute의 oslo.messaging 오류' },
  [`${P}.oslo-messaging-error.explanation`]: {
    en: 'nova-compute’s RPC layer logged errors: its connection to RabbitMQ failed or was reset, or a call to nova-conductor got no answer. While it lasts, the compute misses its heartbeats and the requests sent to it.',
    ko: 'nova-compute의 RPC 계층이 오류를 기록했습니다. RabbitMQ 연결이 실패했거나 끊겼고, 또는 nova-conductor 호출에 응답이 없었습니다. 그동안 컴퓨트는 하트비트와 자신에게 온 요청을 놓칩니다.',
  },
  [`${P}.oslo-messaging-error.next`]: {
    en: 'Run the RabbitMQ checks and openstack-log-signatures (which names the known kinds: AMQP unreachable, MessagingTimeout, heartbeat resets); nova-services shows whether the compute dropped out.',
    ko: 'RabbitMQ 점검과 openstack-log-signatures(알려진 종류: AMQP 연결 불가, MessagingTimeout, 하트비트 리셋을 구분)를 실행하세요. nova-services는 컴퓨트가 빠졌는지 보여 줍니다.',
  },
  [`${P}.spawn-failed.title`]: { en: 'Instances failed to spawn on this compute', ko: '이 컴퓨트에서 인스턴스 생성 실패' },
  [`${P}.spawn-failed.explanation`]: {
    en: 'nova-compute could not start instances it was given ("Instance failed to spawn"): the line names the instance and the exception (a port that could not be bound, an image that could not be fetched, a libvirt or disk error). Nova reschedules the build elsewhere or puts the server in ERROR.',
    ko: 'nova-compute가 받은 인스턴스를 시작하지 못했습니다("Instance failed to spawn"). 그 줄이 인스턴스와 예외(바인딩할 수 없는 포트, 가져올 수 없는 이미지, libvirt·디스크 오류)를 알려 줍니다. Nova는 빌드를 다른 곳으로 재스케줄링하거나 서버를 ERROR로 만듭니다.',
  },
  [`${P}.spawn-failed.next`]: {
    en: 'Run instances-stuck (the servers in ERROR and their faults); the exception at the end of the quoted line says where to look next (PortBindingFailed → Neutron/OVN, ImageNotFound → Glance, libvirtError → the hypervisor).',
    ko: 'instances-stuck(ERROR 상태 서버와 그 fault)을 실행하세요. 인용된 줄 끝의 예외가 다음에 볼 곳을 알려 줍니다(PortBindingFailed → Neutron/OVN, ImageNotFound → Glance, libvirtError → 하이퍼바이저).',
  },

  'nova-compute-log.per-hour.title': { en: 'nova-compute errors on {node} hour by hour: {count} in {hours} hour(s) of the last 24', ko: '{node}의 시간대별 nova-compute 오류: 최근 24시간 중 {hours}개 시간대에 {count}건' },
  'nova-compute-log.per-hour.explanation': {
    en: 'Error entries (the lines of one traceback count once) by hour on the clock of {node} ({offset}): {rows}',
    ko: '{node}의 시계({offset}) 기준 시간대별 오류 항목 수(한 traceback의 줄들은 한 건으로 셈): {rows}',
  },
  'nova-compute-log.hour': {
    en: '{hour} — libvirt {libvirt}, resource update {resource}, oslo.messaging {messaging}, failed spawn {spawn}.',
    ko: '{hour} — libvirt {libvirt}, 자원 갱신 {resource}, oslo.messaging {messaging}, 생성 실패 {spawn}.',
  },
};
