/** ovs-vswitchd-log's finding texts (playbooks/catalogue/ovs-vswitchd-log), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const ovsVswitchdLogTexts: Record<string, Record<Lang, string>> = {
  'ovs-vswitchd-log.span': { en: 'first at {first}, last at {last}', ko: '처음 {first}, 마지막 {last}' },
  'ovs-vswitchd-log.span.once': { en: 'at {at}', ko: '{at}에 한 번' },
  'ovs-vswitchd-log.span.unknown': { en: 'at times the log does not give', ko: '시각은 로그에 없음' },
  'ovs-vswitchd-log.partial': { en: ' The lines read go back only {span}, so the count may be higher.', ko: ' 읽은 줄이 {span} 전까지만 거슬러 올라가므로 실제 횟수는 더 많을 수 있습니다.' },

  'ovs-vswitchd-log.poll.title': { en: '{node}: ovs-vswitchd stalled {count} time(s) in 24 h (worst {worst} ms)', ko: '{node}: ovs-vswitchd가 24시간 동안 {count}번 멈춤 (최악 {worst} ms)' },
  'ovs-vswitchd-log.poll.explanation': {
    en: 'ovs-vswitchd on {node} logged "Unreasonably long … poll interval" {count} time(s), {span} (threads: {threads}): for up to {worst} ms it did not get back to its loop, so packets of new flows, OpenFlow and database updates waited that long.{split}{ctx} Three or more in a day, or one of {worst_min} ms or more, is more than a busy moment (warning at {count_min}).{partial}',
    ko: '{node}의 ovs-vswitchd가 "Unreasonably long … poll interval"을 {count}번 기록했습니다({span}, 스레드: {threads}). 최대 {worst} ms 동안 루프로 돌아오지 못해 새 플로우의 패킷, OpenFlow와 데이터베이스 갱신이 그만큼 기다렸습니다.{split}{ctx} 하루 세 번 이상이거나 {worst_min} ms 이상이 한 번이라도 있으면 일시적인 부하 이상입니다({count_min}번부터 경고).{partial}',
  },
  'ovs-vswitchd-log.poll.split': { en: ' The worst one spent {user} ms in user space and {system} ms in the kernel.', ko: ' 가장 긴 경우 사용자 공간에서 {user} ms, 커널에서 {system} ms를 썼습니다.' },
  'ovs-vswitchd-log.poll.ctx': { en: ' It was preempted up to {involuntary} times in one interval (involuntary context switches): other work took its CPU.', ko: ' 한 구간에서 최대 {involuntary}번 선점되었습니다(비자발적 컨텍스트 스위치). 다른 작업이 CPU를 가져갔습니다.' },
  'ovs-vswitchd-log.poll.cause': {
    en: 'The host is short of CPU (instances or other daemons on the cores vswitchd runs on), the kernel was slow to answer netlink (many ports or flows, a large conntrack table), or memory pressure (page faults while vswitchd is mlock-ed).',
    ko: '호스트의 CPU가 부족하거나(vswitchd가 쓰는 코어에 인스턴스나 다른 데몬), 커널의 netlink 응답이 느리거나(포트·플로우가 많음, 큰 conntrack 테이블), 메모리 압박(mlock된 vswitchd의 페이지 폴트)입니다.',
  },
  'ovs-vswitchd-log.poll.next': {
    en: 'On {node}: `top -H -p $(pidof ovs-vswitchd)` and the load at those times; `ovs-appctl upcall/show`, `ovs-appctl coverage/show`; keep vswitchd off the instances\' pinned cores (cpu_shared_set / isolcpus).',
    ko: '{node}에서 `top -H -p $(pidof ovs-vswitchd)`와 그 시각의 부하를 보고, `ovs-appctl upcall/show`, `ovs-appctl coverage/show`를 확인하세요. vswitchd를 인스턴스가 고정된 코어에서 떼어 두세요(cpu_shared_set / isolcpus).',
  },

  'ovs-vswitchd-log.flow-limit.title': { en: '{node}: the datapath is at its flow limit', ko: '{node}: 데이터패스가 플로우 한도에 닿음' },
  'ovs-vswitchd-log.flow-limit.explanation': {
    en: 'ovs-vswitchd on {node} keeps the number of datapath flows under a limit it lowers when dumping the flows takes too long; at the limit, new flows are not installed and their packets take the slow path through vswitchd or are dropped.{log}{now}{partial}',
    ko: '{node}의 ovs-vswitchd는 데이터패스 플로우 수를 한도 아래로 유지하며, 플로우 덤프가 오래 걸리면 한도를 낮춥니다. 한도에 닿으면 새 플로우가 설치되지 않아 그 패킷은 vswitchd를 거치는 느린 경로로 가거나 버려집니다.{log}{now}{partial}',
  },
  'ovs-vswitchd-log.flow-limit.log': { en: ' The log says the limit was reached {count} time(s), {span}.', ko: ' 로그에 한도 도달이 {count}번 기록되었습니다({span}).' },
  'ovs-vswitchd-log.flow-limit.now': { en: ' Now: {current} flows of a limit of {limit} (the last dump took {dump} ms).', ko: ' 현재 한도 {limit}개 중 {current}개의 플로우가 있습니다(마지막 덤프 {dump} ms).' },
  'ovs-vswitchd-log.flow-limit.cause': {
    en: 'More distinct flows than the revalidators can dump in time: a flood of short connections or a scan, flows that never idle out, or vswitchd short of CPU (slow dumps lower the limit).',
    ko: '리밸리데이터가 제때 덤프할 수 있는 것보다 많은 플로우: 짧은 연결 폭주나 스캔, 만료되지 않는 플로우, 또는 CPU가 부족한 vswitchd(느린 덤프가 한도를 낮춤)입니다.',
  },
  'ovs-vswitchd-log.flow-limit.next': {
    en: 'On {node}: `ovs-appctl upcall/show` (flows, limit, dump duration), `ovs-appctl dpctl/dump-flows | wc -l` and which ports they come from; check other_config:flow-limit and max-idle in `ovs-vsctl list Open_vSwitch`.',
    ko: '{node}에서 `ovs-appctl upcall/show`(플로우, 한도, 덤프 시간), `ovs-appctl dpctl/dump-flows | wc -l`과 플로우가 어느 포트에서 오는지 확인하고, `ovs-vsctl list Open_vSwitch`의 other_config:flow-limit과 max-idle을 보세요.',
  },

  'ovs-vswitchd-log.lost.title': { en: '{node}: the datapath is losing upcalls', ko: '{node}: 데이터패스가 upcall을 잃고 있음' },
  'ovs-vswitchd-log.lost.old.title': { en: '{node}: {lost} upcalls lost since the datapath was created (not growing now)', ko: '{node}: 데이터패스 생성 이후 upcall {lost}개 유실 (지금은 늘지 않음)' },
  'ovs-vswitchd-log.lost.explanation': {
    en: 'Packets without a datapath flow go up to ovs-vswitchd ("upcalls"); when its handler threads do not read them in time the kernel drops them and counts them as lost: first packets of new connections (ARP, DHCP, TCP SYN) disappear.{counter}{log}{partial}',
    ko: '데이터패스 플로우가 없는 패킷은 ovs-vswitchd로 올라갑니다("upcall"). 핸들러 스레드가 제때 읽지 못하면 커널이 이를 버리고 lost로 셉니다. 새 연결의 첫 패킷(ARP, DHCP, TCP SYN)이 사라집니다.{counter}{log}{partial}',
  },
  'ovs-vswitchd-log.lost.growing': { en: ' {dp}: lost grew from {before} to {after} in 2 seconds.', ko: ' {dp}: 2초 동안 lost가 {before}에서 {after}(으)로 늘었습니다.' },
  'ovs-vswitchd-log.lost.counter': { en: ' {dp}: lost {lost} (hit {hit}, missed {missed}) since the datapath was created; it did not grow in 2 seconds.', ko: ' {dp}: 데이터패스 생성 이후 lost {lost}(hit {hit}, missed {missed})이며, 2초 동안 늘지 않았습니다.' },
  'ovs-vswitchd-log.lost.log': { en: ' The log has {count} "lost packet on port channel" line(s), {span} (a warning from {min}).', ko: ' 로그에 "lost packet on port channel"이 {count}줄 있습니다({span}, {min}줄부터 경고).' },
  'ovs-vswitchd-log.lost.cause': {
    en: 'ovs-vswitchd\'s handler threads cannot keep up: the host is short of CPU, a flood of new flows (a scan, a broadcast storm, a loop), or too few handler threads (n-handler-threads).',
    ko: 'ovs-vswitchd의 핸들러 스레드가 따라가지 못합니다: 호스트 CPU 부족, 새 플로우 폭주(스캔, 브로드캐스트 스톰, 루프), 또는 핸들러 스레드 부족(n-handler-threads)입니다.',
  },
  'ovs-vswitchd-log.lost.next': {
    en: 'On {node}: `ovs-appctl dpctl/show` a few times (is lost still growing?), `ovs-appctl upcall/show`, `ovs-appctl coverage/show | grep -i upcall`, the CPU load of the handler threads (`top -H -p $(pidof ovs-vswitchd)`).',
    ko: '{node}에서 `ovs-appctl dpctl/show`를 몇 번 실행해 lost가 계속 느는지 보고, `ovs-appctl upcall/show`, `ovs-appctl coverage/show | grep -i upcall`, 핸들러 스레드의 CPU 부하(`top -H -p $(pidof ovs-vswitchd)`)를 확인하세요.',
  },

  'ovs-vswitchd-log.device.title': { en: '{node}: OVS keeps a port whose device {device} is gone ({count} times in 24 h)', ko: '{node}: 장치 {device}이(가) 사라진 포트를 OVS가 계속 가지고 있음 (24시간 동안 {count}번)' },
  'ovs-vswitchd-log.device.explanation': {
    en: 'ovs-vswitchd on {node} logged {count} time(s) that it could not open {device} (No such device), {span}: the port is still in the OVS database but its network device no longer exists, and vswitchd retries at every reconfiguration.{partial}',
    ko: '{node}의 ovs-vswitchd가 {device}을(를) 열 수 없다고(No such device) {count}번 기록했습니다({span}). 포트는 OVS 데이터베이스에 남아 있지만 네트워크 장치가 더 이상 없어, vswitchd가 재구성할 때마다 다시 시도합니다.{partial}',
  },
  'ovs-vswitchd-log.device.cause': {
    en: 'An instance was deleted or migrated away but its tap port was not unplugged (a failed os-vif unplug, nova-compute restarted mid-operation), or a device was renamed or removed by hand.',
    ko: '인스턴스가 삭제되거나 다른 곳으로 마이그레이션되었지만 tap 포트가 뽑히지 않았거나(os-vif unplug 실패, 작업 중 nova-compute 재시작), 장치 이름이 바뀌거나 수동으로 제거되었습니다.',
  },
  'ovs-vswitchd-log.device.next': {
    en: 'On {node}: `ovs-vsctl --columns=name,error,external_ids list Interface {device}` (its iface-id and vm-uuid), check the instance with `openstack server show`; when it is gone, remove the stale port (`ovs-vsctl del-port {device}`) after a change review.',
    ko: '{node}에서 `ovs-vsctl --columns=name,error,external_ids list Interface {device}`(iface-id와 vm-uuid)를 보고 `openstack server show`로 인스턴스를 확인하세요. 인스턴스가 없으면 변경 검토 후 남은 포트를 제거하세요(`ovs-vsctl del-port {device}`).',
  },
  'ovs-vswitchd-log.device.once.title': { en: '{node}: {count} device(s) vanished before OVS let go of them (once or twice each)', ko: '{node}: 장치 {count}개가 OVS가 놓기 전에 사라짐 (각각 한두 번)' },
  'ovs-vswitchd-log.device.once.explanation': {
    en: 'ovs-vswitchd on {node} could not open {devices} once or twice in 24 h (No such device). A deleted instance\'s tap often disappears just before its port is removed; only {min} or more times for one device means a stale port.',
    ko: '{node}의 ovs-vswitchd가 24시간 동안 {devices}을(를) 한두 번 열지 못했습니다(No such device). 삭제된 인스턴스의 tap은 포트가 제거되기 직전에 사라지는 일이 흔하며, 한 장치에서 {min}번 이상일 때만 남은 포트입니다.',
  },

  'ovs-vswitchd-log.emer.title': { en: '{node}: ovs-vswitchd logged {count} emergency line(s) (EMER)', ko: '{node}: ovs-vswitchd가 비상(EMER) 줄을 {count}개 기록함' },
  'ovs-vswitchd-log.emer.explanation': {
    en: 'ovs-vswitchd on {node} logged at its highest level {count} time(s), {span}: an assertion failed or the daemon aborted. Traffic through this node stopped until it was restarted, and flows were rebuilt.',
    ko: '{node}의 ovs-vswitchd가 최고 수준으로 {count}번 기록했습니다({span}). assertion이 실패했거나 데몬이 중단되었습니다. 다시 시작될 때까지 이 노드를 지나는 트래픽이 멈췄고 플로우가 다시 만들어졌습니다.',
  },
  'ovs-vswitchd-log.emer.cause': { en: 'An Open vSwitch bug (the line names the assertion and the source file), or memory corruption.', ko: 'Open vSwitch 버그(줄에 assertion과 소스 파일이 나옴) 또는 메모리 손상입니다.' },
  'ovs-vswitchd-log.emer.next': {
    en: 'On {node}: the lines before the EMER one in ovs-vswitchd.log, a core file (`coredumpctl list ovs-vswitchd`), the installed openvswitch version; search the assertion text in the Open vSwitch and distribution bug trackers.',
    ko: '{node}에서 ovs-vswitchd.log의 EMER 줄 앞부분, 코어 파일(`coredumpctl list ovs-vswitchd`), 설치된 openvswitch 버전을 확인하고, assertion 문구로 Open vSwitch와 배포판 버그 트래커를 검색하세요.',
  },

  'ovs-vswitchd-log.dump.title': { en: '{node}: the revalidators took long to dump flows {count} time(s) (worst {worst} ms)', ko: '{node}: 리밸리데이터의 플로우 덤프가 {count}번 오래 걸림 (최악 {worst} ms)' },
  'ovs-vswitchd-log.dump.explanation': {
    en: 'ovs-vswitchd on {node} logged "Spent an unreasonably long … dumping flows" {count} time(s), {span}. Slow dumps make vswitchd lower its datapath flow limit; {min} or more in a day is a warning.{partial}',
    ko: '{node}의 ovs-vswitchd가 "Spent an unreasonably long … dumping flows"를 {count}번 기록했습니다({span}). 덤프가 느리면 vswitchd가 데이터패스 플로우 한도를 낮춥니다. 하루 {min}번 이상이면 경고입니다.{partial}',
  },
  'ovs-vswitchd-log.dump.cause': { en: 'Too many datapath flows for the revalidator threads, or vswitchd short of CPU.', ko: '리밸리데이터 스레드에 비해 데이터패스 플로우가 너무 많거나 vswitchd의 CPU가 부족합니다.' },
  'ovs-vswitchd-log.dump.next': { en: 'On {node}: `ovs-appctl upcall/show` (flows, limit, dump duration) and the CPU load of the revalidator threads.', ko: '{node}에서 `ovs-appctl upcall/show`(플로우, 한도, 덤프 시간)와 리밸리데이터 스레드의 CPU 부하를 확인하세요.' },

  'ovs-vswitchd-log.dropped.title': { en: '{node}: ovs-vswitchd held back {total} log message(s) as too frequent', ko: '{node}: ovs-vswitchd가 너무 잦은 로그 메시지 {total}개를 생략함' },
  'ovs-vswitchd-log.dropped.explanation': {
    en: 'ovs-vswitchd on {node} rate-limits each module\'s messages; in 24 h it dropped {total}, {span} (by module: {modules}). What they said is not in the log; the kept lines of those modules show the kind.',
    ko: '{node}의 ovs-vswitchd는 모듈별로 메시지 빈도를 제한하며, 24시간 동안 {total}개를 생략했습니다({span}, 모듈별: {modules}). 생략된 내용은 로그에 없고, 그 모듈의 남은 줄이 어떤 종류인지 보여 줍니다.',
  },

  'ovs-vswitchd-log.down.title': { en: '{node}: ovs-vswitchd does not answer', ko: '{node}: ovs-vswitchd가 응답하지 않음' },
  'ovs-vswitchd-log.down.explanation': {
    en: 'ovs-appctl could not reach ovs-vswitchd on {node} (exit {exit}): no datapath is being programmed there, so instances on it have no network.{last}',
    ko: '{node}에서 ovs-appctl이 ovs-vswitchd에 닿지 못했습니다(exit {exit}). 그곳의 데이터패스를 아무도 프로그래밍하지 않아 그 위의 인스턴스는 네트워크가 없습니다.{last}',
  },
  'ovs-vswitchd-log.down.last': { en: ' The log\'s last line: "{line}".', ko: ' 로그의 마지막 줄: "{line}".' },
  'ovs-vswitchd-log.down.cause': { en: 'ovs-vswitchd stopped or crashed (the log\'s last lines say which), or its container/pod is not running.', ko: 'ovs-vswitchd가 멈췄거나 비정상 종료되었거나(로그의 마지막 줄에 나옴), 그 컨테이너·파드가 실행 중이 아닙니다.' },
  'ovs-vswitchd-log.down.next': { en: 'On {node}: the ovs-vswitchd service, container or pod state and the end of its log; start it again and run ovs-health.', ko: '{node}에서 ovs-vswitchd 서비스·컨테이너·파드 상태와 로그의 끝을 확인하고, 다시 시작한 뒤 ovs-health를 실행하세요.' },

  'ovs-vswitchd-log.ok.title': { en: 'ovs-vswitchd on {count} node(s): no stall, flow-limit hit, lost upcall or missing device in 24 h', ko: '노드 {count}개의 ovs-vswitchd: 24시간 동안 멈춤, 플로우 한도 도달, upcall 유실, 사라진 장치 없음' },
  'ovs-vswitchd-log.ok.explanation': { en: 'Log lines read per node: {nodes}; the datapath counts no lost upcalls.', ko: '노드별로 읽은 로그 줄 수: {nodes}. 데이터패스에 유실된 upcall이 없습니다.' },
  'ovs-vswitchd-log.unread.title': { en: 'Could not read the ovs-vswitchd log on {nodes}', ko: '{nodes}에서 ovs-vswitchd 로그를 읽지 못함' },
  'ovs-vswitchd-log.unread.explanation': {
    en: 'No log lines were read, so nothing is claimed about its last 24 hours ({why}). Where vswitchd logs only to its console (openstack-helm), read `kubectl logs` of the openvswitch pod instead.',
    ko: '로그 줄을 읽지 못했으므로 지난 24시간에 대해서는 아무것도 단정하지 않습니다({why}). vswitchd가 콘솔에만 기록하는 곳(openstack-helm)에서는 openvswitch 파드의 `kubectl logs`를 대신 읽으세요.',
  },
  'ovs-vswitchd-log.not-run.title': { en: 'The ovs-vswitchd log was not read on any node', ko: '어느 노드에서도 ovs-vswitchd 로그를 읽지 않음' },
  'ovs-vswitchd-log.not-run.explanation': { en: 'No compute or network node ran the step, so nothing is known about ovs-vswitchd.', ko: '단계를 실행한 컴퓨트·네트워크 노드가 없어 ovs-vswitchd에 대해 알 수 있는 것이 없습니다.' },
};
