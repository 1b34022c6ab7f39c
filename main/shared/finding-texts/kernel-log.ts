/** kernel-log's finding texts (playbooks/catalogue/kernel-log), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const kernelLogTexts: Record<string, Record<Lang, string>> = {
  'kernel-log.span': { en: 'first at {first}, last at {last}', ko: '처음 {first}, 마지막 {last}' },
  'kernel-log.span.once': { en: 'at {at}', ko: '{at}에 한 번' },
  'kernel-log.span.unknown': { en: 'at times the log does not give', ko: '시각은 로그에 없음' },
  'kernel-log.capped': { en: ' The kernel logged {matched} such lines; only the first 2000 were read.', ko: ' 커널이 이런 줄을 {matched}개 남겼고, 앞의 2000개만 읽었습니다.' },

  'kernel-log.oom.title': { en: '{node}: the OOM killer killed {count} process(es) in 24 h ({names})', ko: '{node}: 24시간 동안 OOM killer가 프로세스 {count}개를 종료함 ({names})' },
  'kernel-log.oom.explanation': {
    en: 'The kernel on {node} ran out of memory and killed {count} process(es), {span}.{cgroup}{vital}{more}',
    ko: '{node}의 커널이 메모리가 부족해 프로세스 {count}개를 강제로 종료했습니다({span}).{cgroup}{vital}{more}',
  },
  'kernel-log.oom.cgroup': { en: ' At least one kill was inside a memory cgroup: a container or unit hit its own memory limit, not the host.', ko: ' 적어도 하나는 메모리 cgroup 안에서 일어났습니다. 호스트가 아니라 컨테이너나 유닛이 자기 메모리 한도에 닿은 것입니다.' },
  'kernel-log.oom.vital': { en: ' Among them: {names}, so an instance or a cluster member went down with it.', ko: ' 그중 {names}이(가) 있어 인스턴스나 클러스터 구성원이 함께 내려갔습니다.' },
  'kernel-log.oom.cause': {
    en: 'The node is over-committed: too many instances for its RAM (ram_allocation_ratio, reserved_host_memory_mb too low), or a service leaking memory.',
    ko: '노드가 과할당되었습니다: RAM에 비해 인스턴스가 너무 많거나(ram_allocation_ratio, reserved_host_memory_mb가 너무 낮음), 메모리가 새는 서비스가 있습니다.',
  },
  'kernel-log.oom.cause.cgroup': {
    en: 'A container or systemd unit has a memory limit lower than what its service needs (a Kolla/Kubernetes limit, MemoryMax=), or the service leaks memory.',
    ko: '컨테이너나 systemd 유닛의 메모리 한도가 서비스에 필요한 양보다 낮거나(Kolla/Kubernetes 한도, MemoryMax=), 서비스가 메모리를 누수합니다.',
  },
  'kernel-log.oom.next': {
    en: 'On {node}: `journalctl -k | grep -B5 -A30 "invoked oom-killer"` for the memory picture at the time, `free -m`, and the service or instance that died (restart it, then lower the load or raise the limit).',
    ko: '{node}에서 `journalctl -k | grep -B5 -A30 "invoked oom-killer"`로 당시 메모리 상황을 보고, `free -m`과 종료된 서비스나 인스턴스를 확인하세요(다시 시작한 뒤 부하를 줄이거나 한도를 늘리세요).',
  },

  'kernel-log.hung.title': { en: '{node}: {count} task(s) blocked for minutes ({names})', ko: '{node}: 태스크 {count}개가 몇 분씩 멈춤 ({names})' },
  'kernel-log.hung.explanation': {
    en: 'The kernel on {node} reported tasks stuck in uninterruptible sleep for more than its hung-task timeout, {span}: their I/O did not complete.{more}',
    ko: '{node}의 커널이 hung-task 제한 시간보다 오래 중단 불가 대기 상태에 머문 태스크를 보고했습니다({span}). 해당 I/O가 끝나지 않았습니다.{more}',
  },
  'kernel-log.hung.cause': { en: 'A failing or overloaded disk, or network storage (NFS, iSCSI, Ceph RBD) that stopped answering.', ko: '고장 나거나 과부하된 디스크, 또는 응답을 멈춘 네트워크 스토리지(NFS, iSCSI, Ceph RBD)입니다.' },
  'kernel-log.hung.next': { en: 'On {node}: `iostat -x 5 3`, `dmesg -T | grep -iE "I/O error|blk_update_request|nfs"`, `smartctl -a` on the disks; run ceph-health if volumes are on Ceph.', ko: '{node}에서 `iostat -x 5 3`, `dmesg -T | grep -iE "I/O error|blk_update_request|nfs"`, 디스크의 `smartctl -a`를 확인하고, 볼륨이 Ceph에 있으면 ceph-health를 실행하세요.' },

  'kernel-log.conntrack.title': { en: '{node}: connection-tracking table full, packets dropped ({count} times)', ko: '{node}: conntrack 테이블이 가득 차 패킷이 버려짐 ({count}회)' },
  'kernel-log.conntrack.explanation': {
    en: 'The kernel on {node} logged "nf_conntrack: table full, dropping packet" {count} time(s), {span}. New connections through this node (security groups, NAT, floating IPs) were dropped; the line is rate-limited, so far more packets were lost.{more}',
    ko: '{node}의 커널이 "nf_conntrack: table full, dropping packet"을 {count}번 기록했습니다({span}). 이 노드를 지나는 새 연결(보안 그룹, NAT, 유동 IP)이 버려졌고, 이 메시지는 빈도 제한이 있으므로 실제로 잃은 패킷은 훨씬 많습니다.{more}',
  },
  'kernel-log.conntrack.cause': { en: 'net.netfilter.nf_conntrack_max is too small for the traffic (many short connections, a scan or a DDoS through a floating IP).', ko: 'net.netfilter.nf_conntrack_max가 트래픽에 비해 너무 작습니다(짧은 연결이 많거나, 유동 IP를 통한 스캔·DDoS).' },
  'kernel-log.conntrack.next': { en: 'On {node}: `sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max`, `conntrack -S`; raise nf_conntrack_max (and the hash size) persistently.', ko: '{node}에서 `sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max`와 `conntrack -S`를 확인하고, nf_conntrack_max(와 해시 크기)를 영구적으로 늘리세요.' },

  'kernel-log.nic-reset.title': { en: '{node}: NIC transmit timeouts or resets on {names} ({count})', ko: '{node}: {names}에서 NIC 전송 타임아웃 또는 리셋 ({count}회)' },
  'kernel-log.nic-reset.explanation': {
    en: 'The kernel on {node} logged {count} transmit timeout(s), hardware hang(s) or adapter reset(s), {span}: each time the interface passed no traffic for seconds (tunnels, storage and RabbitMQ connections through it stall or drop).{more}',
    ko: '{node}의 커널이 전송 타임아웃·하드웨어 hang·어댑터 리셋을 {count}번 기록했습니다({span}). 그때마다 인터페이스가 몇 초간 트래픽을 전달하지 못했습니다(이를 지나는 터널, 스토리지, RabbitMQ 연결이 멈추거나 끊김).{more}',
  },
  'kernel-log.nic-reset.cause': { en: 'A NIC firmware or driver bug, offload settings, a bad cable/transceiver, or the NIC overloaded.', ko: 'NIC 펌웨어·드라이버 버그, 오프로드 설정, 불량 케이블·트랜시버, 또는 NIC 과부하입니다.' },
  'kernel-log.nic-reset.next': { en: 'On {node}: `ethtool -i {names}` (driver and firmware), `ethtool -S {names} | grep -iE "err|drop|timeout"`, `ip -s link`; update the NIC firmware/driver.', ko: '{node}에서 `ethtool -i {names}`(드라이버·펌웨어), `ethtool -S {names} | grep -iE "err|drop|timeout"`, `ip -s link`를 확인하고 NIC 펌웨어·드라이버를 업데이트하세요.' },

  'kernel-log.link-down.title': { en: '{node}: link {iface} went down {count} time(s) in 24 h', ko: '{node}: 링크 {iface}이(가) 24시간 동안 {count}번 down' },
  'kernel-log.link-down.flap.title': { en: '{node}: link {iface} is flapping ({count} times down in 24 h)', ko: '{node}: 링크 {iface}이(가) 불안정함 (24시간 동안 {count}번 down)' },
  'kernel-log.link-down.explanation': {
    en: 'The kernel on {node} saw {iface} lose its link {count} time(s), {span}. Once or twice can be planned work; {flap} or more is a flapping link.',
    ko: '{node}의 커널이 {iface}의 링크가 {count}번 끊긴 것을 보았습니다({span}). 한두 번은 계획된 작업일 수 있지만 {flap}번 이상이면 불안정한 링크입니다.',
  },
  'kernel-log.link-down.cause': { en: 'A bad cable, transceiver or switch port, or a bond member failing over back and forth.', ko: '불량 케이블·트랜시버·스위치 포트, 또는 본딩 멤버가 번갈아 장애 조치되는 경우입니다.' },
  'kernel-log.link-down.next': { en: 'On {node}: `ip -s link show {iface}`, `ethtool {iface}`, `cat /proc/net/bonding/*`; ask for the switch port’s log.', ko: '{node}에서 `ip -s link show {iface}`, `ethtool {iface}`, `cat /proc/net/bonding/*`를 확인하고 스위치 포트 로그를 요청하세요.' },

  'kernel-log.ok.title': { en: 'No OOM kill, hung task, conntrack drop or NIC reset in 24 h on {count} node(s)', ko: '노드 {count}개에서 24시간 동안 OOM kill, hung task, conntrack 드롭, NIC 리셋 없음' },
  'kernel-log.ok.explanation': { en: 'Kernel logs read (source, lines): {nodes}.', ko: '읽은 커널 로그(소스, 줄 수): {nodes}.' },
  'kernel-log.unread.title': { en: 'Could not read the kernel log on {nodes}', ko: '{nodes}의 커널 로그를 읽지 못함' },
  'kernel-log.unread.explanation': {
    en: 'Neither journalctl -k, dmesg nor /var/log/kern.log gave any line (no journal, dmesg restricted to root, no kern.log): no kernel event was checked there.',
    ko: 'journalctl -k, dmesg, /var/log/kern.log 어느 것에서도 줄을 얻지 못했습니다(저널 없음, dmesg는 root 전용, kern.log 없음). 그 노드의 커널 사건은 점검하지 않았습니다.',
  },
  'kernel-log.not-run.title': { en: 'Not checked: kernel log', ko: '점검 안 함: 커널 로그' },
  'kernel-log.not-run.explanation': { en: 'No node ran the kernel log step.', ko: '커널 로그 단계를 실행한 노드가 없습니다.' },
};
