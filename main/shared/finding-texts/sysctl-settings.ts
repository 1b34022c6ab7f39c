/** sysctl-settings' finding texts (playbooks/catalogue/sysctl-settings), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const sysctlSettingsTexts: Record<string, Record<Lang, string>> = {
  'sysctl-settings.conntrack.title': { en: '{node}: connection-tracking table {pct} % full ({used} of nf_conntrack_max {limit})', ko: '{node}: conntrack 테이블 {pct}% 사용 (nf_conntrack_max {limit} 중 {used})' },
  'sysctl-settings.conntrack.explanation': {
    en: 'On {node}, net.netfilter.nf_conntrack_count is {used} and net.netfilter.nf_conntrack_max is {limit} ({pct} %; {warn} % is a warning, {crit} % critical). When it is full the kernel drops the first packet of every new connection ("nf_conntrack: table full, dropping packet"): security groups, NAT and floating IPs stop taking new flows.',
    ko: '{node}에서 net.netfilter.nf_conntrack_count가 {used}, net.netfilter.nf_conntrack_max가 {limit}입니다({pct}%, {warn}%부터 경고, {crit}%부터 심각). 가득 차면 커널이 새 연결의 첫 패킷을 모두 버립니다("nf_conntrack: table full, dropping packet"). 보안 그룹, NAT, 유동 IP가 새 흐름을 받지 못합니다.',
  },
  'sysctl-settings.conntrack.cause': {
    en: 'nf_conntrack_max is too small for the traffic (the default follows RAM), or a flood of short connections (a scan or a DDoS through a floating IP, a client without keep-alive).',
    ko: 'nf_conntrack_max가 트래픽에 비해 작거나(기본값은 RAM 크기를 따름), 짧은 연결이 쏟아지고 있습니다(유동 IP를 통한 스캔·DDoS, keep-alive 없는 클라이언트).',
  },
  'sysctl-settings.conntrack.next': {
    en: 'On {node}: `conntrack -S` (drops, insert_failed) and `conntrack -L | awk \'{print $5}\' | sort | uniq -c | sort -n | tail` for who holds the entries; raise net.netfilter.nf_conntrack_max (and nf_conntrack_buckets) in /etc/sysctl.d/ and apply with `sysctl --system`.',
    ko: '{node}에서 `conntrack -S`(drop, insert_failed)와 `conntrack -L | awk \'{print $5}\' | sort | uniq -c | sort -n | tail`로 누가 항목을 차지하는지 보고, /etc/sysctl.d/에서 net.netfilter.nf_conntrack_max(와 nf_conntrack_buckets)를 늘린 뒤 `sysctl --system`으로 적용하세요.',
  },

  'sysctl-settings.neigh.title': { en: '{node}: neighbour (ARP) table at {pct} % of gc_thresh3 ({used} of {limit})', ko: '{node}: 이웃(ARP) 테이블이 gc_thresh3의 {pct}% ({limit} 중 {used})' },
  'sysctl-settings.neigh.explanation': {
    en: 'On {node} the IPv4 neighbour table holds {used} entries{scope}; net.ipv4.neigh.default.gc_thresh3 is {limit} ({pct} %; {warn} % is a warning, reaching it critical). At gc_thresh3 the kernel refuses new entries and logs "neighbour table overflow": hosts and instances it has not talked to recently become unreachable from here while the others keep working.',
    ko: '{node}의 IPv4 이웃 테이블에 항목이 {used}개 있고{scope}, net.ipv4.neigh.default.gc_thresh3은 {limit}입니다({pct}%, {warn}%부터 경고, 도달하면 심각). gc_thresh3에 닿으면 커널이 새 항목을 거부하고 "neighbour table overflow"를 기록합니다. 최근에 통신하지 않은 호스트와 인스턴스는 여기서 닿지 않고 나머지는 계속 동작합니다.',
  },
  'sysctl-settings.neigh.scope.kernel': { en: ' (the whole kernel: every network namespace counts, permanent entries included)', ko: ' (커널 전체: 모든 네트워크 네임스페이스와 영구 항목 포함)' },
  'sysctl-settings.neigh.scope.namespace': { en: ' in this network namespace alone (the kernel counts all namespaces together, so the real total is at least this)', ko: ' 이 네트워크 네임스페이스만 센 값입니다(커널은 모든 네임스페이스를 합쳐 세므로 실제 합계는 이보다 크거나 같음)' },
  'sysctl-settings.neigh.cause': {
    en: 'A large flat L2 network (a provider network with many instances, many router or DHCP namespaces on a network node) against the default gc_thresh1/2/3 of 128/512/1024.',
    ko: '큰 평면 L2 네트워크(인스턴스가 많은 프로바이더 네트워크, 네트워크 노드의 많은 라우터·DHCP 네임스페이스)에 비해 gc_thresh1/2/3 기본값 128/512/1024가 작습니다.',
  },
  'sysctl-settings.neigh.next': {
    en: 'On {node}: `dmesg | grep -i "neighbour table overflow"`, `ip -4 neigh | wc -l` per namespace; raise net.ipv4.neigh.default.gc_thresh1/2/3 well above the table (e.g. 4096/8192/16384, thresh3 now {limit}) in /etc/sysctl.d/ and apply with `sysctl --system`.',
    ko: '{node}에서 `dmesg | grep -i "neighbour table overflow"`와 네임스페이스별 `ip -4 neigh | wc -l`을 확인하고, /etc/sysctl.d/에서 net.ipv4.neigh.default.gc_thresh1/2/3을 테이블보다 넉넉히(예: 4096/8192/16384, 현재 thresh3 {limit}) 늘린 뒤 `sysctl --system`으로 적용하세요.',
  },
  'sysctl-settings.neigh-overflowed.title': { en: '{node}: the neighbour table overflowed {count} time(s) since boot', ko: '{node}: 부팅 후 이웃 테이블이 {count}번 넘침' },
  'sysctl-settings.neigh-overflowed.explanation': {
    en: 'The kernel on {node} counts {count} time(s) it could not add a neighbour because the table was full (table_fulls in /proc/net/stat/arp_cache, since boot). Now it holds {used} entries against gc_thresh3 {limit}: if the overflow was recent, the table may fill again at the next peak.',
    ko: '{node}의 커널이 테이블이 가득 차 이웃을 추가하지 못한 횟수를 {count}번으로 셉니다(/proc/net/stat/arp_cache의 table_fulls, 부팅 이후). 지금은 gc_thresh3 {limit}에 대해 항목이 {used}개입니다. 넘침이 최근이었다면 다음 피크에 다시 찰 수 있습니다.',
  },

  'sysctl-settings.neigh-hidden.title': { en: 'Neighbour table not checked on {count} node(s): its limits are not visible there', ko: '노드 {count}개에서 이웃 테이블을 확인하지 않음: 그곳에서는 한도가 보이지 않음' },
  'sysctl-settings.neigh-hidden.explanation': {
    en: 'On {nodes} /proc/sys shows no net.ipv4.neigh.default.gc_thresh3 (the session runs in a network namespace other than the host\'s, where the kernel does not show the table\'s limits or its size). The neighbour table was not judged there; check it on the host itself.',
    ko: '{nodes}에서는 /proc/sys에 net.ipv4.neigh.default.gc_thresh3이 없습니다(세션이 호스트가 아닌 다른 네트워크 네임스페이스에서 실행되어 커널이 테이블의 한도와 크기를 보여 주지 않음). 그곳의 이웃 테이블은 판단하지 않았습니다. 호스트에서 직접 확인하세요.',
  },

  'sysctl-settings.file.title': { en: '{node}: {pct} % of the kernel file handles in use ({used} of fs.file-max {limit})', ko: '{node}: 커널 파일 핸들 {pct}% 사용 (fs.file-max {limit} 중 {used})' },
  'sysctl-settings.file.explanation': {
    en: 'On {node}, fs.file-nr says {used} file handles are allocated and fs.file-max is {limit} ({pct} %; {warn} % is a warning, {crit} % critical). At the limit every open(), socket() and accept() fails with "Too many open files in system" (ENFILE), for every service on the host at once.',
    ko: '{node}에서 fs.file-nr 기준 파일 핸들 {used}개가 할당되어 있고 fs.file-max는 {limit}입니다({pct}%, {warn}%부터 경고, {crit}%부터 심각). 한도에 닿으면 호스트의 모든 서비스에서 open(), socket(), accept()가 "Too many open files in system"(ENFILE)으로 실패합니다.',
  },
  'sysctl-settings.file.cause': { en: 'A process leaking descriptors (sockets left in CLOSE_WAIT, files never closed), or fs.file-max set low for the host\'s load.', ko: '디스크립터를 누수하는 프로세스(CLOSE_WAIT로 남은 소켓, 닫히지 않은 파일)가 있거나, 호스트 부하에 비해 fs.file-max가 낮게 설정되어 있습니다.' },
  'sysctl-settings.file.next': {
    en: 'On {node}: `for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) $(cat $p/comm)"; done | sort -n | tail` for the holder; restart the leaking service, and raise fs.file-max in /etc/sysctl.d/ if the load is real.',
    ko: '{node}에서 `for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) $(cat $p/comm)"; done | sort -n | tail`로 가장 많이 쥔 프로세스를 찾고, 누수하는 서비스를 다시 시작하세요. 부하가 실제라면 /etc/sysctl.d/에서 fs.file-max를 늘리세요.',
  },

  'sysctl-settings.pid.title': { en: '{node}: {pct} % of the process IDs in use ({used} tasks, kernel.pid_max {limit})', ko: '{node}: 프로세스 ID {pct}% 사용 (태스크 {used}개, kernel.pid_max {limit})' },
  'sysctl-settings.pid.explanation': {
    en: 'On {node} the kernel has {used} tasks (processes and threads, /proc/loadavg) and kernel.pid_max is {limit} ({pct} %; {warn} % is a warning, {crit} % critical). Every thread takes an ID: at the limit fork() and pthread_create() fail ("Resource temporarily unavailable"), and services, qemu and sshd cannot start anything.',
    ko: '{node}의 커널에 태스크(프로세스와 스레드, /proc/loadavg)가 {used}개 있고 kernel.pid_max는 {limit}입니다({pct}%, {warn}%부터 경고, {crit}%부터 심각). 스레드마다 ID를 쓰므로 한도에 닿으면 fork()와 pthread_create()가 실패하고("Resource temporarily unavailable"), 서비스·qemu·sshd가 아무것도 시작하지 못합니다.',
  },
  'sysctl-settings.pid.cause': { en: 'A process spawning threads or children without end (a stuck agent retrying, zombies not reaped), or the old default pid_max 32768 on a host with many instances and workers.', ko: '끝없이 스레드나 자식 프로세스를 만드는 프로세스(재시도를 반복하는 에이전트, 회수되지 않는 좀비)가 있거나, 인스턴스와 워커가 많은 호스트에 예전 기본값 pid_max 32768이 그대로입니다.' },
  'sysctl-settings.pid.next': {
    en: 'On {node}: `ps -eLf | awk \'{print $2}\' | sort | uniq -c | sort -n | tail` (threads per process), `ps -e -o stat | grep -c Z` (zombies); restart the runaway service, and raise kernel.pid_max (4194304 on 64-bit) in /etc/sysctl.d/.',
    ko: '{node}에서 `ps -eLf | awk \'{print $2}\' | sort | uniq -c | sort -n | tail`(프로세스별 스레드 수)와 `ps -e -o stat | grep -c Z`(좀비)를 확인하고, 폭주하는 서비스를 다시 시작한 뒤 /etc/sysctl.d/에서 kernel.pid_max를 늘리세요(64비트는 4194304).',
  },

  'sysctl-settings.ip-forward.title': { en: '{node}: net.ipv4.ip_forward = 0 where {who} runs', ko: '{node}: {who}이(가) 실행 중인데 net.ipv4.ip_forward = 0' },
  'sysctl-settings.ip-forward.explanation': {
    en: 'On {node}, {who} runs and the host does not forward IPv4 (net.ipv4.ip_forward = 0; it must be 1). Kubernetes routes pod and service traffic through the host: pods on this node cannot reach other nodes or services (kubeadm refuses a node without it). On nodes without Kubernetes the value does not matter to OpenStack: OVN routes in the OVS datapath, and Neutron\'s L3 agent turns forwarding on in its own router namespaces.',
    ko: '{node}에서 {who}이(가) 실행 중인데 호스트가 IPv4를 포워딩하지 않습니다(net.ipv4.ip_forward = 0, 1이어야 함). Kubernetes는 파드와 서비스 트래픽을 호스트를 거쳐 라우팅하므로 이 노드의 파드가 다른 노드나 서비스에 닿지 못합니다(kubeadm은 이 값 없이 노드를 받지 않음). Kubernetes가 없는 노드에서는 OpenStack에 상관없습니다. OVN은 OVS 데이터패스에서 라우팅하고 Neutron L3 에이전트는 자기 라우터 네임스페이스에서 포워딩을 켭니다.',
  },
  'sysctl-settings.ip-forward.cause': { en: 'A sysctl.d file setting it to 0 (or a hardening profile), applied after the one that enables it, or a reboot without the setting persisted.', ko: '0으로 설정하는 sysctl.d 파일(또는 보안 강화 프로필)이 켜는 파일보다 나중에 적용되었거나, 설정을 영구화하지 않은 채 재부팅되었습니다.' },
  'sysctl-settings.ip-forward.next': { en: 'On {node}: `grep -r ip_forward /etc/sysctl.conf /etc/sysctl.d/ /usr/lib/sysctl.d/`; set net.ipv4.ip_forward = 1 in /etc/sysctl.d/ and apply with `sysctl --system`.', ko: '{node}에서 `grep -r ip_forward /etc/sysctl.conf /etc/sysctl.d/ /usr/lib/sysctl.d/`를 확인하고, /etc/sysctl.d/에 net.ipv4.ip_forward = 1을 설정한 뒤 `sysctl --system`으로 적용하세요.' },

  'sysctl-settings.bridge-nf.absent': { en: 'absent (br_netfilter not loaded)', ko: '없음 (br_netfilter 미적재)' },
  'sysctl-settings.bridge-nf.neutron.title': { en: '{node}: Neutron bridges {bridges} bypass iptables (bridge-nf-call-iptables {value})', ko: '{node}: Neutron 브리지 {bridges}이(가) iptables를 거치지 않음 (bridge-nf-call-iptables {value})' },
  'sysctl-settings.bridge-nf.neutron.explanation': {
    en: 'On {node}, Neutron\'s iptables bridges ({bridges}) exist and net.bridge.bridge-nf-call-iptables is {value}; it must be 1. Their security groups are iptables rules on bridged traffic: without it the rules are never consulted, so instances are open (or the allowed traffic matches nothing).',
    ko: '{node}에 Neutron iptables 브리지({bridges})가 있는데 net.bridge.bridge-nf-call-iptables가 {value}입니다. 1이어야 합니다. 이 브리지의 보안 그룹은 브리지 트래픽에 대한 iptables 규칙이므로, 이 값이 없으면 규칙이 전혀 적용되지 않아 인스턴스가 열려 있게 됩니다.',
  },
  'sysctl-settings.bridge-nf.cause': { en: 'br_netfilter is not loaded (it is not loaded by default since Linux 3.18), or a sysctl file sets the value to 0.', ko: 'br_netfilter가 적재되지 않았거나(Linux 3.18부터 기본으로 적재되지 않음), sysctl 파일이 값을 0으로 설정합니다.' },
  'sysctl-settings.bridge-nf.next': { en: 'On {node}: `modprobe br_netfilter` (and list it in /etc/modules-load.d/), set net.bridge.bridge-nf-call-iptables = 1 and net.bridge.bridge-nf-call-ip6tables = 1 in /etc/sysctl.d/, `sysctl --system`.', ko: '{node}에서 `modprobe br_netfilter`를 실행하고(/etc/modules-load.d/에도 등록), /etc/sysctl.d/에 net.bridge.bridge-nf-call-iptables = 1과 net.bridge.bridge-nf-call-ip6tables = 1을 설정한 뒤 `sysctl --system`을 실행하세요.' },
  'sysctl-settings.bridge-nf.title': { en: '{node}: bridged traffic bypasses iptables on {bridges} (bridge-nf-call-iptables {value})', ko: '{node}: {bridges}의 브리지 트래픽이 iptables를 거치지 않음 (bridge-nf-call-iptables {value})' },
  'sysctl-settings.bridge-nf.explanation': {
    en: 'On {node} Linux bridges exist ({bridges}) and net.bridge.bridge-nf-call-iptables is {value}. That is right for OVS/OVN (they filter in the datapath) and fine for bridges nothing filters; iptables rules for bridged traffic are skipped, which matters where a bridge-based Kubernetes CNI (cni0) or an iptables firewall on the bridge relies on them.',
    ko: '{node}에 Linux 브리지({bridges})가 있고 net.bridge.bridge-nf-call-iptables가 {value}입니다. OVS/OVN(데이터패스에서 필터링)에는 맞는 값이고, 아무도 필터링하지 않는 브리지에도 문제없습니다. 브리지 트래픽에 대한 iptables 규칙은 건너뛰므로, 브리지 기반 Kubernetes CNI(cni0)나 브리지의 iptables 방화벽이 그 규칙에 기대는 곳에서는 문제가 됩니다.',
  },

  'sysctl-settings.swappiness.title': { en: '{node}: vm.swappiness = {value} on a database node', ko: '{node}: 데이터베이스 노드의 vm.swappiness = {value}' },
  'sysctl-settings.swappiness.explanation': {
    en: '{db} runs on {node} and vm.swappiness is {value}. Under memory pressure the kernel then swaps out parts of the buffer pool instead of dropping page cache, and Galera stalls (flow control) while it pages back in; database hosts usually run {limit} or lower (1 keeps swap as a last resort).',
    ko: '{node}에서 {db}이(가) 실행 중이고 vm.swappiness는 {value}입니다. 메모리가 부족하면 커널이 페이지 캐시를 버리는 대신 버퍼 풀 일부를 스왑으로 내보내고, 다시 읽어 들이는 동안 Galera가 멈춥니다(flow control). 데이터베이스 호스트는 보통 {limit} 이하로 둡니다(1이면 스왑은 마지막 수단).',
  },

  'sysctl-settings.ok.title': { en: 'Kernel tables and limits below {warn} % on {count} node(s)', ko: '노드 {count}개에서 커널 테이블과 한도가 {warn}% 미만' },
  'sysctl-settings.ok.explanation': {
    en: 'Connection tracking, file handles and process IDs are below {warn} % of their limits, so is the neighbour table wherever its limits are visible, and no setting a role needs is off, on {nodes}. Note: fs.file-nr, fs.file-max, kernel.pid_max and the task count are the whole host\'s; conntrack, the neighbour entries here and ip_forward are the node\'s network namespace.',
    ko: '{nodes}에서 conntrack, 파일 핸들, 프로세스 ID가 한도의 {warn}% 미만이고, 한도가 보이는 곳에서는 이웃 테이블도 그렇습니다. 역할에 필요한 설정이 꺼진 곳도 없습니다. 참고: fs.file-nr, fs.file-max, kernel.pid_max, 태스크 수는 호스트 전체의 값이고, conntrack, 이곳의 이웃 항목, ip_forward는 노드의 네트워크 네임스페이스 값입니다.',
  },
  'sysctl-settings.unread.title': { en: 'Could not read the kernel settings on {nodes}', ko: '{nodes}에서 커널 설정을 읽지 못함' },
  'sysctl-settings.unread.explanation': { en: 'The step failed or printed no /proc/sys value there, so nothing is claimed about those nodes.', ko: '그곳에서 단계가 실패했거나 /proc/sys 값을 하나도 출력하지 않았으므로 그 노드에 대해서는 아무것도 판단하지 않습니다.' },
  'sysctl-settings.not-run.title': { en: 'Kernel settings not checked', ko: '커널 설정을 확인하지 않음' },
  'sysctl-settings.not-run.explanation': { en: 'The step did not run on any node.', ko: '어느 노드에서도 단계가 실행되지 않았습니다.' },
};
