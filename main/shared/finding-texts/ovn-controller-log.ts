/** ovn-controller-log's finding texts (playbooks/catalogue/ovn-controller-log), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const ovnControllerLogTexts: Record<string, Record<Lang, string>> = {
  'ovn-controller-log.span': { en: 'first at {first}, last at {last}', ko: '처음 {first}, 마지막 {last}' },
  'ovn-controller-log.span.once': { en: 'at {at}', ko: '{at}에 한 번' },
  'ovn-controller-log.span.unknown': { en: 'at times the log does not give', ko: '시각은 로그에 없음' },
  'ovn-controller-log.partial': { en: ' The lines read go back only {span}, so the count may be higher.', ko: ' 읽은 줄이 {span} 전까지만 거슬러 올라가므로 실제 횟수는 더 많을 수 있습니다.' },

  'ovn-controller-log.not-running.title': { en: '{node}: ovn-controller is not running (from its log: how it stopped)', ko: '{node}: ovn-controller가 실행 중이 아님 (로그로 본 종료 경위)' },
  'ovn-controller-log.not-running.explanation': {
    en: 'ovn-appctl could not reach ovn-controller on {node} (exit {exit}), so nothing programs this chassis\'s flows and the southbound database drops it as a chassis. {how}',
    ko: '{node}에서 ovn-appctl이 ovn-controller에 닿지 못했습니다(exit {exit}). 이 chassis의 플로우를 아무도 프로그래밍하지 않고, southbound 데이터베이스에서도 chassis가 빠집니다. {how}',
  },
  'ovn-controller-log.not-running.stopped': { en: 'Its log says it stopped at {at}: "{line}".', ko: '로그에 따르면 {at}에 멈췄습니다: "{line}".' },
  'ovn-controller-log.not-running.last': {
    en: 'Its log says nothing about stopping; the last line read is "{line}". A clean `ovn-appctl exit`, a kill -9 or the OOM killer leave no line of their own (kernel-log shows an OOM kill).',
    ko: '로그에는 멈춘 이유가 없습니다. 읽은 마지막 줄은 "{line}"입니다. 정상적인 `ovn-appctl exit`, kill -9, OOM killer는 자체 로그 줄을 남기지 않습니다(OOM kill은 kernel-log에 나옴).',
  },
  'ovn-controller-log.not-running.container': {
    en: 'Its container is not running, so nothing could be run in it and its log was not read here: `docker ps -a` (or podman) shows when it exited, and its log file on the host says why.',
    ko: '컨테이너가 실행 중이 아니어서 그 안에서 아무것도 실행할 수 없었고 로그도 여기서 읽지 못했습니다. `docker ps -a`(또는 podman)로 언제 종료되었는지, 호스트의 로그 파일로 이유를 확인하세요.',
  },
  'ovn-controller-log.not-running.no-log': { en: 'Its log could not be read to say when it stopped.', ko: '로그를 읽지 못해 언제 멈췄는지는 알 수 없습니다.' },
  'ovn-controller-log.not-running.cause.signal': { en: 'Someone or something stopped it (a service stop, a container or pod restarted, the OOM killer), and it was not started again.', ko: '누군가 또는 무언가가 멈췄고(서비스 중지, 컨테이너·파드 재시작, OOM killer) 다시 시작되지 않았습니다.' },
  'ovn-controller-log.not-running.cause': { en: 'ovn-controller exited or crashed (the end of its log says which), or its container/pod is not running.', ko: 'ovn-controller가 종료되었거나 비정상 종료되었거나(로그의 끝에 나옴), 그 컨테이너·파드가 실행 중이 아닙니다.' },
  'ovn-controller-log.not-running.next': { en: 'On {node}: start ovn-controller (service, container or pod) and read the end of its log; then run ovn-health to see the chassis back in the southbound database.', ko: '{node}에서 ovn-controller(서비스·컨테이너·파드)를 시작하고 로그의 끝을 읽은 뒤, ovn-health로 chassis가 southbound 데이터베이스에 돌아왔는지 확인하세요.' },

  'ovn-controller-log.disconnected.title': { en: '{node}: ovn-controller is {status} (from its log: why)', ko: '{node}: ovn-controller 상태 {status} (로그로 본 원인)' },
  'ovn-controller-log.disconnected.explanation': {
    en: 'ovn-controller on {node} is running but says "{status}" about the southbound database: it keeps the flows it had and sees no change (new ports, security groups) until it reconnects. {why}',
    ko: '{node}의 ovn-controller는 실행 중이지만 southbound 데이터베이스에 대해 "{status}" 상태입니다. 다시 연결될 때까지 기존 플로우만 유지하고 변경(새 포트, 보안 그룹)을 보지 못합니다. {why}',
  },
  'ovn-controller-log.disconnected.why': { en: 'Its log\'s last word on the connection: "{line}".', ko: '연결에 대한 로그의 마지막 줄: "{line}".' },
  'ovn-controller-log.disconnected.why-unknown': { en: 'Its log has no connection line in what was read.', ko: '읽은 로그에 연결 관련 줄이 없습니다.' },
  'ovn-controller-log.disconnected.cause': { en: 'The southbound database (its raft leader, the VIP or port 6642) does not answer, a firewall or the network between this node and the controllers, or a certificate problem with ssl: remotes.', ko: 'southbound 데이터베이스(raft 리더, VIP 또는 6642 포트)가 응답하지 않거나, 이 노드와 컨트롤러 사이의 방화벽·네트워크, 또는 ssl: 원격의 인증서 문제입니다.' },
  'ovn-controller-log.disconnected.next': { en: 'On {node}: `ovs-vsctl get open . external_ids:ovn-remote`, then reach that address (`nc -zv HOST 6642`); run ovn-health for the southbound raft cluster.', ko: '{node}에서 `ovs-vsctl get open . external_ids:ovn-remote`를 확인하고 그 주소에 접속해 보세요(`nc -zv HOST 6642`). southbound raft 클러스터는 ovn-health로 확인하세요.' },

  'ovn-controller-log.sb.title': { en: '{node}: ovn-controller lost the southbound connection {count} time(s) in 6 h', ko: '{node}: ovn-controller가 6시간 동안 southbound 연결을 {count}번 잃음' },
  'ovn-controller-log.sb.explanation': {
    en: 'ovn-controller on {node} logged {count} time(s) that its connection to {remotes} dropped{probes}, {span}. Each time it reconnects and may recompute all its flows; {min} or more in 6 h is a pattern.{partial}',
    ko: '{node}의 ovn-controller가 {remotes} 연결이 끊겼다고{probes} {count}번 기록했습니다({span}). 그때마다 다시 연결하고 모든 플로우를 재계산할 수 있으며, 6시간에 {min}번 이상이면 반복되는 문제입니다.{partial}',
  },
  'ovn-controller-log.sb.probes': { en: ' ({probes} of them after an unanswered inactivity probe)', ko: '(그중 {probes}번은 inactivity probe 무응답)' },
  'ovn-controller-log.sb.cause': { en: 'Southbound raft leader changes or a member restarting, the network between this node and the controllers, or an SB server overloaded.', ko: 'southbound raft 리더 변경이나 멤버 재시작, 이 노드와 컨트롤러 사이의 네트워크, 또는 과부하된 SB 서버입니다.' },
  'ovn-controller-log.sb.cause.probe': { en: 'One side was too busy to answer within the probe interval (ovn-remote-probe-interval, default 5 s): an SB server or this ovn-controller recomputing a large database, or packet loss.', ko: '한쪽이 probe 간격(ovn-remote-probe-interval, 기본 5초) 안에 응답하지 못할 만큼 바빴습니다: 큰 데이터베이스를 재계산하는 SB 서버나 이 ovn-controller, 또는 패킷 손실입니다.' },
  'ovn-controller-log.sb.next': { en: 'On {node}: compare the times with the SB servers\' logs (elections, long poll intervals) and run ovn-health; if probes time out under load, raise external_ids:ovn-remote-probe-interval.', ko: '{node}에서 시각을 SB 서버 로그(선거, 긴 poll interval)와 비교하고 ovn-health를 실행하세요. 부하 때문에 probe가 시간 초과되면 external_ids:ovn-remote-probe-interval을 늘리세요.' },

  'ovn-controller-log.flap.title': { en: '{node}: port {port} claimed and released {count} times in 1 h', ko: '{node}: 포트 {port}이(가) 1시간 동안 {count}번 claim·release됨' },
  'ovn-controller-log.flap.explanation': {
    en: 'ovn-controller on {node} claimed {port} {claims} time(s) and released it {releases} time(s), {span}: the binding flaps, and the instance\'s traffic stops at each release.{others} A live migration claims and releases once; {min} or more in an hour is flapping.{partial}',
    ko: '{node}의 ovn-controller가 {port}을(를) {claims}번 claim하고 {releases}번 release했습니다({span}). 바인딩이 흔들리고 있으며 release될 때마다 인스턴스 트래픽이 멈춥니다.{others} 라이브 마이그레이션은 한 번 claim·release하며, 1시간에 {min}번 이상이면 흔들림입니다.{partial}',
  },
  'ovn-controller-log.flap.others': { en: ' Other ports with as many: {ports}.', ko: ' 같은 정도의 다른 포트: {ports}.' },
  'ovn-controller-log.flap.cause': { en: 'Two chassis (or this one twice) want the same port: a duplicate system-id or hostname, a requested-chassis that names another host, or the port plugged on two hosts after a failed migration.', ko: '두 chassis가(또는 이 chassis가 두 번) 같은 포트를 원합니다: 중복된 system-id나 hostname, 다른 호스트를 가리키는 requested-chassis, 또는 실패한 마이그레이션 뒤 두 호스트에 꽂힌 포트입니다.' },
  'ovn-controller-log.flap.next': { en: 'On a controller: `ovn-sbctl find Port_Binding logical_port={port}` (chassis, requested-chassis) and `ovn-sbctl list Chassis` for duplicates; on {node}: `ovs-vsctl --columns=name,external_ids find Interface external_ids:iface-id={port}`.', ko: '컨트롤러에서 `ovn-sbctl find Port_Binding logical_port={port}`(chassis, requested-chassis)와 중복 확인용 `ovn-sbctl list Chassis`를, {node}에서 `ovs-vsctl --columns=name,external_ids find Interface external_ids:iface-id={port}`를 실행하세요.' },

  'ovn-controller-log.churn.title': { en: '{node}: port {port} changed chassis {count} times in 24 h', ko: '{node}: 포트 {port}의 chassis가 24시간 동안 {count}번 바뀜' },
  'ovn-controller-log.churn.explanation': {
    en: 'ovn-controller on {node} took {port} over from another chassis {count} time(s), {span} ("Changing chassis for lport"): the port keeps moving between chassis.{others} One move per migration is normal; {min} or more in a day is churn.{partial}',
    ko: '{node}의 ovn-controller가 다른 chassis에서 {port}을(를) {count}번 가져왔습니다({span}, "Changing chassis for lport"). 포트가 chassis 사이를 계속 옮겨 다닙니다.{others} 마이그레이션마다 한 번은 정상이며, 하루 {min}번 이상이면 반복입니다.{partial}',
  },
  'ovn-controller-log.churn.cause': { en: 'Another chassis claims the same port (the same interface plugged on two hosts, a duplicate chassis name), so the two take it from each other.', ko: '다른 chassis가 같은 포트를 claim합니다(두 호스트에 꽂힌 같은 인터페이스, 중복된 chassis 이름). 그래서 둘이 서로 가져갑니다.' },
  'ovn-controller-log.churn.next': { en: 'On a controller: `ovn-sbctl find Port_Binding logical_port={port}` and which chassis it names; find the other host with an interface whose iface-id is {port} and unplug the stale one.', ko: '컨트롤러에서 `ovn-sbctl find Port_Binding logical_port={port}`로 어떤 chassis를 가리키는지 보고, iface-id가 {port}인 인터페이스가 있는 다른 호스트를 찾아 남은 쪽을 빼세요.' },

  'ovn-controller-log.openflow.title': { en: '{node}: ovs-vswitchd refused {count} OpenFlow message(s) from ovn-controller in 24 h', ko: '{node}: ovs-vswitchd가 24시간 동안 ovn-controller의 OpenFlow 메시지 {count}개를 거부함' },
  'ovn-controller-log.openflow.explanation': {
    en: 'ovn-controller on {node} logged {count} OpenFlow error(s), {span}: flows, groups or meters it installed were rejected, so some logical flows are missing from br-int ({min} or more in a day is a warning).{partial}',
    ko: '{node}의 ovn-controller가 OpenFlow 오류를 {count}번 기록했습니다({span}). 설치한 플로우·그룹·미터가 거부되어 일부 논리 플로우가 br-int에 없습니다(하루 {min}번 이상이면 경고).{partial}',
  },
  'ovn-controller-log.openflow.cause': { en: 'A version mismatch between ovn-controller and ovs-vswitchd (a feature one has and the other lacks), or a resource limit in vswitchd (groups, meters).', ko: 'ovn-controller와 ovs-vswitchd의 버전 불일치(한쪽에만 있는 기능), 또는 vswitchd의 자원 한도(그룹, 미터)입니다.' },
  'ovn-controller-log.openflow.next': { en: 'On {node}: the error lines in ovn-controller.log (the error type and the message it answers), `ovn-controller --version` and `ovs-vswitchd --version`; run ovs-vswitchd-log.', ko: '{node}에서 ovn-controller.log의 오류 줄(오류 종류와 대상 메시지), `ovn-controller --version`과 `ovs-vswitchd --version`을 확인하고 ovs-vswitchd-log를 실행하세요.' },

  'ovn-controller-log.slow.title': { en: '{node}: ovn-controller was slow to compute its flows (worst {worst} ms)', ko: '{node}: ovn-controller의 플로우 계산이 느림 (최악 {worst} ms)' },
  'ovn-controller-log.slow.explanation': {
    en: 'ovn-controller on {node} logged {recomputes} engine run(s) over 500 ms and {polls} long poll interval(s) in 24 h, {span}; the worst took {worst} ms, during which port and flow changes waited.{engine} A warning at {rmin} slow runs, {pmin} long polls, or one of {msmin} ms.{partial}',
    ko: '{node}의 ovn-controller가 24시간 동안 500 ms를 넘는 엔진 실행 {recomputes}번, 긴 poll interval {polls}번을 기록했습니다({span}). 가장 긴 것은 {worst} ms였고 그동안 포트·플로우 변경이 기다렸습니다.{engine} 느린 실행 {rmin}번, 긴 poll {pmin}번, 또는 {msmin} ms 이상 한 번이면 경고입니다.{partial}',
  },
  'ovn-controller-log.slow.engine': { en: ' Engine nodes: {nodes}.', ko: ' 엔진 노드: {nodes}.' },
  'ovn-controller-log.slow.cause': { en: 'Full recomputes of a large southbound database (many logical flows, port groups or address sets), forced by reconnects to the SB, or the node short of CPU.', ko: 'SB 재연결 등으로 강제된 큰 southbound 데이터베이스(논리 플로우·포트 그룹·주소 집합이 많음)의 전체 재계산, 또는 노드의 CPU 부족입니다.' },
  'ovn-controller-log.slow.next': { en: 'On {node}: `ovn-appctl -t ovn-controller inc-engine/show-stats` and `coverage/show | grep -i recompute`; check the SB connection (reconnects force recomputes) and the CPU load.', ko: '{node}에서 `ovn-appctl -t ovn-controller inc-engine/show-stats`와 `coverage/show | grep -i recompute`를 확인하고, SB 연결(재연결은 재계산을 강제함)과 CPU 부하를 보세요.' },

  'ovn-controller-log.emer.title': { en: '{node}: ovn-controller logged {count} emergency line(s) (EMER)', ko: '{node}: ovn-controller가 비상(EMER) 줄을 {count}개 기록함' },
  'ovn-controller-log.emer.explanation': { en: 'ovn-controller on {node} logged at its highest level {count} time(s), {span}: an assertion failed or it aborted, and this chassis\'s flows stopped being maintained until it restarted.', ko: '{node}의 ovn-controller가 최고 수준으로 {count}번 기록했습니다({span}). assertion이 실패했거나 중단되어, 다시 시작될 때까지 이 chassis의 플로우가 관리되지 않았습니다.' },
  'ovn-controller-log.emer.cause': { en: 'An OVN bug (the line names the assertion and the source file), or memory corruption.', ko: 'OVN 버그(줄에 assertion과 소스 파일이 나옴) 또는 메모리 손상입니다.' },
  'ovn-controller-log.emer.next': { en: 'On {node}: the lines before the EMER one in ovn-controller.log, a core file, the installed OVN version; search the assertion text in the OVN and distribution bug trackers.', ko: '{node}에서 ovn-controller.log의 EMER 줄 앞부분, 코어 파일, 설치된 OVN 버전을 확인하고, assertion 문구로 OVN과 배포판 버그 트래커를 검색하세요.' },

  'ovn-controller-log.ok.title': { en: 'ovn-controller on {count} node(s): connected, no flapping port, SB drop or slow recompute in its log', ko: '노드 {count}개의 ovn-controller: 연결됨, 로그에 흔들리는 포트·SB 끊김·느린 재계산 없음' },
  'ovn-controller-log.ok.explanation': { en: 'Connected to the southbound database; log lines read per node: {nodes}.', ko: 'southbound 데이터베이스에 연결되어 있습니다. 노드별로 읽은 로그 줄 수: {nodes}.' },
  'ovn-controller-log.unread.title': { en: 'Could not read the ovn-controller log on {nodes}', ko: '{nodes}에서 ovn-controller 로그를 읽지 못함' },
  'ovn-controller-log.unread.explanation': {
    en: 'No log lines were read, so nothing is claimed about its last day ({why}). Where ovn-controller logs only to its console (openstack-helm), read `kubectl logs` of the ovn-controller pod instead.',
    ko: '로그 줄을 읽지 못했으므로 지난 하루에 대해서는 아무것도 단정하지 않습니다({why}). ovn-controller가 콘솔에만 기록하는 곳(openstack-helm)에서는 ovn-controller 파드의 `kubectl logs`를 대신 읽으세요.',
  },
  'ovn-controller-log.not-run.title': { en: 'The ovn-controller log was not read on any node', ko: '어느 노드에서도 ovn-controller 로그를 읽지 않음' },
  'ovn-controller-log.not-run.explanation': { en: 'No compute or network node ran the step, so nothing is known about ovn-controller.', ko: '단계를 실행한 컴퓨트·네트워크 노드가 없어 ovn-controller에 대해 알 수 있는 것이 없습니다.' },
};
