/**
 * ovn-trace's finding texts (playbooks/catalogue/ovn-trace), in English and Korean. {what} is the
 * packet ("tcp/22", "icmp echo"), {src}/{dst} the ports by name with their IPs; titles name
 * things, UUIDs stay in the explanations.
 */
import type { Lang } from '../../contract/types.js';

export const ovnTraceTexts: Record<string, Record<Lang, string>> = {
  // Parts of sentences. Lists of messages are joined by a space, so all items but the last carry their separator.
  'ovn-trace.where': { en: 'stage {stage} (table {table})', ko: '{stage} 단계(테이블 {table})' },
  'ovn-trace.sg.named': { en: 'security group "{name}" ({id})', ko: '보안 그룹 "{name}"({id})' },
  'ovn-trace.sg.id': { en: 'security group {id}', ko: '보안 그룹 {id}' },
  'ovn-trace.sg.short': { en: 'security group "{name}"', ko: '보안 그룹 "{name}"' },
  'ovn-trace.pg': { en: 'port group {pg}', ko: '포트 그룹 {pg}' },
  'ovn-trace.list.sep': { en: '{item}{sep}', ko: '{item}{sep}' },
  'ovn-trace.list.then': { en: '{item}, then', ko: '{item}, 그다음' },
  'ovn-trace.port.source': { en: 'the source port', ko: '출발지 포트' },
  'ovn-trace.port.destination': { en: 'the destination port', ko: '목적지 포트' },

  // Dropped by Neutron's default drop ACL: no security group rule allows the packet.
  'ovn-trace.security-group-drop.title': {
    en: "{what} from {src} to {dst} is dropped by Neutron's default drop: no {dir} rule {in}on {port} allows it",
    ko: '{src} → {dst} {what}이(가) Neutron 기본 drop에 막힘: {in}{port}의 {dir} 규칙 중 허용하는 것이 없음',
  },
  'ovn-trace.security-group-drop.in': { en: 'in {groups} ', ko: '{groups}에서 ' },
  'ovn-trace.security-group-drop.explanation.at': {
    en: "ovn-trace stops the packet in {where} at Neutron's default drop ACL `{match}`{name}: the {dir} direction of {port} only passes what a security group rule allows, and none matches {what} {peer}. {rules}",
    ko: 'ovn-trace에서 패킷이 {where}의 Neutron 기본 drop ACL `{match}`{name}에 걸려 멈춥니다. {port}의 {dir} 방향은 보안 그룹 규칙이 허용한 것만 통과시키는데, {peer} {what}에 맞는 규칙이 없습니다. {rules}',
  },
  'ovn-trace.security-group-drop.explanation.matched': {
    en: "ovn-trace stops the packet in {where}; {acl} (table {aclTable}) matched Neutron's default drop ACL `{match}`{name}: the {dir} direction of {port} only passes what a security group rule allows, and none matches {what} {peer}. {rules}",
    ko: 'ovn-trace에서 패킷이 {where}에서 멈춥니다. {acl}(테이블 {aclTable})에서 Neutron 기본 drop ACL `{match}`{name}이(가) 매치되었습니다. {port}의 {dir} 방향은 보안 그룹 규칙이 허용한 것만 통과시키는데, {peer} {what}에 맞는 규칙이 없습니다. {rules}',
  },
  'ovn-trace.peer.from': { en: 'from {ip}', ko: '{ip}에서 오는' },
  'ovn-trace.peer.from-source': { en: 'from the source', ko: '출발지에서 오는' },
  'ovn-trace.peer.to': { en: 'to {ip}', ko: '{ip}(으)로 가는' },
  'ovn-trace.security-group-drop.rules': { en: 'Its {dir} rules: {groups}.', ko: '이 포트의 {dir} 규칙: {groups}.' },
  'ovn-trace.security-group-drop.no-groups': { en: 'The port is in no security group with {dir} rules.', ko: '이 포트는 {dir} 규칙이 있는 보안 그룹에 속해 있지 않습니다.' },
  'ovn-trace.security-group-drop.unlisted': {
    en: 'The port groups were not listed, so its rules are not shown here.',
    ko: '포트 그룹 목록을 받지 못해 규칙을 여기에 보여 줄 수 없습니다.',
  },
  'ovn-trace.sg-rules': { en: '{group}: {rules}', ko: '{group}: {rules}' },
  'ovn-trace.sg-rules.none': { en: 'no {dir} rules', ko: '{dir} 규칙 없음' },
  'ovn-trace.security-group-drop.cause': {
    en: 'The {dir} rule for {what} was deleted from the security group, or the port was given a security group that never had it.',
    ko: '{what}에 대한 {dir} 규칙이 보안 그룹에서 지워졌거나, 그 규칙이 처음부터 없던 보안 그룹이 포트에 지정되었습니다.',
  },
  'ovn-trace.security-group-drop.next': {
    en: 'openstack security group rule list --{dir} {sg}; if {what} should pass: openstack security group rule create --{dir} {proto} {sg}',
    ko: 'openstack security group rule list --{dir} {sg} 로 규칙을 확인하고, {what}이(가) 통과해야 한다면: openstack security group rule create --{dir} {proto} {sg}',
  },
  'ovn-trace.security-group-drop.next.port': {
    en: 'openstack port show {port} -c security_group_ids, then openstack security group rule list --{dir} <group>',
    ko: 'openstack port show {port} -c security_group_ids 로 보안 그룹을 찾은 뒤 openstack security group rule list --{dir} <group>',
  },

  // Dropped by another ACL of a port group.
  'ovn-trace.acl-drop.title': { en: '{what} from {src} to {dst} is dropped by ACL {acl} ({sg})', ko: '{src} → {dst} {what}이(가) ACL {acl}에 막힘 ({sg})' },
  'ovn-trace.acl-drop.explanation': {
    en: 'ovn-trace stops the packet in {where} at the ACL `{match}`{named} of {sg}, an explicit drop or reject on {port} ({dir}).',
    ko: 'ovn-trace에서 패킷이 {where}의 {sg} ACL `{match}`{named}에 걸려 멈춥니다. {port}({dir})에 명시적으로 걸린 drop 또는 reject입니다.',
  },
  'ovn-trace.acl-drop.named': { en: ' named {name}', ko: '(이름 {name})' },
  'ovn-trace.acl-drop.cause': {
    en: 'An ACL that drops or rejects this traffic was added to the port group, by Neutron (network log, FWaaS) or by hand.',
    ko: '이 트래픽을 drop하거나 reject하는 ACL이 포트 그룹에 추가되었습니다(Neutron의 network log, FWaaS 또는 수동 추가).',
  },
  'ovn-trace.acl-drop.next': { en: 'ovn-nbctl --type=port-group acl-list {pg}', ko: '포트 그룹의 ACL 확인: ovn-nbctl --type=port-group acl-list {pg}' },

  // Dropped by port security.
  'ovn-trace.port-security.title.destination': {
    en: '{what} from {src} to {dst} is dropped by port security of the destination port ({stage})',
    ko: '{src} → {dst} {what}이(가) 목적지 포트의 port security에 막힘 ({stage})',
  },
  'ovn-trace.port-security.title.source': {
    en: '{what} from {src} to {dst} is dropped by port security of the source port ({stage})',
    ko: '{src} → {dst} {what}이(가) 출발지 포트의 port security에 막힘 ({stage})',
  },
  'ovn-trace.port-security.explanation.destination': {
    en: "The destination port's port_security does not list {ip} ({where}): OVN only delivers to a port the addresses it owns.",
    ko: '목적지 포트의 port_security에 {ip}이(가) 없습니다({where}). OVN은 포트가 가진 주소로 가는 것만 그 포트에 전달합니다.',
  },
  'ovn-trace.port-security.explanation.source': {
    en: "The source port's port_security does not allow eth.src {mac} / ip {ip} ({where}): OVN drops anything the VM sends from another MAC or IP.",
    ko: '출발지 포트의 port_security가 eth.src {mac} / ip {ip}을(를) 허용하지 않습니다({where}). VM이 다른 MAC이나 IP로 보내는 것은 OVN이 모두 drop합니다.',
  },
  'ovn-trace.port-security.cause': {
    en: "The VM uses an address that is not in the port's fixed IPs or allowed address pairs (a VIP, a second IP, a bridged guest).",
    ko: 'VM이 포트의 fixed IP나 allowed address pair에 없는 주소를 씁니다(VIP, 두 번째 IP, 브리지로 붙은 게스트).',
  },
  'ovn-trace.port-security.next': {
    en: 'openstack port show {port} -c fixed_ips -c allowed_address_pairs -c mac_address{more}',
    ko: '포트 주소 확인: openstack port show {port} -c fixed_ips -c allowed_address_pairs -c mac_address{more}',
  },

  // Dropped in another stage.
  'ovn-trace.dropped.title': { en: '{what} from {src} to {dst} is dropped in {stage}', ko: '{src} → {dst} {what}이(가) {stage}에서 drop됨' },
  'ovn-trace.dropped.explanation': { en: 'ovn-trace stops the packet in {where}. Nothing is delivered.', ko: 'ovn-trace에서 패킷이 {where}에서 멈춥니다. 아무것도 전달되지 않습니다.' },
  'ovn-trace.dropped.explanation.why': {
    en: 'ovn-trace stops the packet in {where}: {reason}. Nothing is delivered.',
    ko: 'ovn-trace에서 패킷이 {where}에서 멈춥니다. {reason}. 아무것도 전달되지 않습니다.',
  },
  'ovn-trace.dropped.reason.unknown-mac': { en: 'the switch knows no port with destination MAC {mac}', ko: '스위치에 목적지 MAC {mac}을(를) 가진 포트가 없습니다' },
  'ovn-trace.dropped.reason.no-route': { en: 'the router has no route to {ip}', ko: '라우터에 {ip}(으)로 가는 경로가 없습니다' },
  'ovn-trace.dropped.reason.router-mac': { en: 'the router port does not accept the destination MAC', ko: '라우터 포트가 목적지 MAC을 받아들이지 않습니다' },
  'ovn-trace.dropped.cause.unknown-mac': { en: 'The destination port was deleted or its MAC changed.', ko: '목적지 포트가 삭제되었거나 MAC이 바뀌었습니다.' },
  'ovn-trace.dropped.cause.no-route': {
    en: 'The router has no interface on the destination network and no default route (external gateway).',
    ko: '라우터에 목적지 네트워크의 인터페이스도, 기본 경로(외부 게이트웨이)도 없습니다.',
  },
  'ovn-trace.dropped.cause.router-mac': { en: 'eth.dst is not the MAC of the router port on this network.', ko: 'eth.dst가 이 네트워크에 있는 라우터 포트의 MAC이 아닙니다.' },
  'ovn-trace.dropped.cause': {
    en: 'A logical flow in that stage drops the packet; the stage name says which feature (ACL, port security, routing, load balancing).',
    ko: '그 단계의 logical flow가 패킷을 drop합니다. 단계 이름을 보면 어느 기능(ACL, port security, 라우팅, 로드 밸런싱)인지 알 수 있습니다.',
  },
  'ovn-trace.dropped.next': {
    en: '{fix}; ovn-sbctl lflow-list {switch} | grep {stage}',
    ko: '다시 추적하고 logical flow 확인: {fix}; ovn-sbctl lflow-list {switch} | grep {stage}',
  },

  // Delivered, or leaving OVN.
  'ovn-trace.allowed.acl': { en: 'ACL {name} of {sg}', ko: '{sg}의 ACL {name}' },
  'ovn-trace.allowed.neutron-rule': { en: 'rule {id} (`{rule}`) of {sg}', ko: '{sg}의 규칙 {id}(`{rule}`)' },
  'ovn-trace.allowed.rule': { en: 'rule `{rule}` of {sg}', ko: '{sg}의 규칙 `{rule}`' },
  'ovn-trace.delivered.title': { en: '{what} from {src} to {dst} is delivered', ko: '{src} → {dst} {what} 전달됨' },
  'ovn-trace.delivered.explanation': {
    en: "ovn-trace follows the packet to {port}{allowed}. OVN's logical flows let it through, so if the connection still fails look at the VM (firewall, service listening) or the chassis (ovn-controller, tunnels).",
    ko: 'ovn-trace로 패킷을 {port}까지 따라갔습니다{allowed}. OVN logical flow는 이 패킷을 통과시키므로, 그래도 연결이 안 된다면 VM(방화벽, 서비스 listen 여부)이나 chassis(ovn-controller, 터널)를 보세요.',
  },
  'ovn-trace.delivered.allowed': { en: '; allowed by {list}', ko: '(허용한 규칙: {list})' },
  'ovn-trace.leaves-ovn.title': { en: '{what} from {src} to {ip} leaves OVN through {port} ({type})', ko: '{src} → {ip} {what}이(가) {port}({type})를 통해 OVN 밖으로 나감' },
  'ovn-trace.leaves-ovn.explanation': {
    en: 'ovn-trace follows the packet out of the cloud through the {type} port {port}{allowed}.{arp} What happens beyond is the physical network.',
    ko: 'ovn-trace로 패킷이 {type} 포트 {port}를 통해 클라우드 밖으로 나가는 것을 확인했습니다{allowed}.{arp} 그 너머는 물리 네트워크의 영역입니다.',
  },
  'ovn-trace.leaves-ovn.allowed': { en: ', allowed by {list}', ko: '(허용한 규칙: {list})' },
  'ovn-trace.leaves-ovn.arp': {
    en: ' The router has no MAC binding for the next hop yet, so the trace shows the ARP request it sends first; whether the upstream gateway answers is outside OVN.',
    ko: ' 라우터에 아직 다음 홉의 MAC binding이 없어, trace에는 라우터가 먼저 보내는 ARP 요청이 보입니다. 상위 게이트웨이가 응답하는지는 OVN 밖의 일입니다.',
  },

  // Answered back to the source.
  'ovn-trace.answered.title': {
    en: '{what} from {src} to {dst} is answered back to the source instead of delivered',
    ko: '{src} → {dst} {what}이(가) 전달되지 않고 출발지로 응답이 돌아옴',
  },
  'ovn-trace.rejected.explanation': {
    en: 'An ACL with action reject turns the packet into a TCP reset / ICMP unreachable sent back to the source.',
    ko: 'action이 reject인 ACL이 패킷을 TCP reset / ICMP unreachable로 바꿔 출발지로 돌려보냅니다.',
  },
  'ovn-trace.bounced.explanation': {
    en: 'OVN sends a reply back to the source port (an ICMP error such as TTL exceeded or unreachable, or the router answering itself) and nothing reaches the destination.',
    ko: 'OVN이 출발지 포트로 응답을 돌려보내고(TTL exceeded나 unreachable 같은 ICMP 오류, 또는 라우터의 직접 응답) 목적지에는 아무것도 닿지 않습니다.',
  },
  'ovn-trace.rejected.cause': { en: 'A reject ACL on one of the port groups.', ko: '포트 그룹 중 하나에 reject ACL이 있습니다.' },
  'ovn-trace.bounced.cause': { en: 'The destination IP is the router itself, or the router cannot forward it.', ko: '목적지 IP가 라우터 자신이거나, 라우터가 패킷을 전달할 수 없습니다.' },
  'ovn-trace.answered.next': {
    en: 'ovn-nbctl --type=port-group acl-list <port group>; ovn-nbctl lr-route-list <router>',
    ko: 'ACL과 라우팅 확인: ovn-nbctl --type=port-group acl-list <port group>; ovn-nbctl lr-route-list <router>',
  },

  // Delivered to another port than the one owning the destination IP.
  'ovn-trace.delivered-elsewhere.title': { en: '{what} from {src} to {ip} ends at {port}, not at {expected}', ko: '{src} → {ip} {what}이(가) {expected}이(가) 아닌 {port}에 도착함' },
  'ovn-trace.delivered-elsewhere.expected': { en: 'the expected port', ko: '예상한 포트' },
  'ovn-trace.delivered-elsewhere.explanation': { en: 'ovn-trace delivers the packet to {outputs}. {owner}', ko: 'ovn-trace에서 패킷이 {outputs}(으)로 전달됩니다. {owner}' },
  'ovn-trace.delivered-elsewhere.owner': { en: 'The port that owns {ip} is {port}.', ko: '{ip}을(를) 가진 포트는 {port}입니다.' },
  'ovn-trace.delivered-elsewhere.owner.none': { en: 'No OVN port owns {ip}.', ko: '{ip}을(를) 가진 OVN 포트가 없습니다.' },
  'ovn-trace.delivered-elsewhere.cause': {
    en: 'Two ports claim the same IP or MAC, or the destination IP belongs to another network than expected.',
    ko: '두 포트가 같은 IP나 MAC을 주장하거나, 목적지 IP가 예상과 다른 네트워크에 속합니다.',
  },
  'ovn-trace.delivered-elsewhere.next': {
    en: `ovn-nbctl find Logical_Switch_Port 'addresses{>=}"…"'; openstack port list --fixed-ip ip-address={ip}`,
    ko: `주소를 가진 포트 찾기: ovn-nbctl find Logical_Switch_Port 'addresses{>=}"…"'; openstack port list --fixed-ip ip-address={ip}`,
  },

  // The trace could not be made as asked.
  'ovn-trace.source-not-found.title': { en: 'Source {src} is not a port in OVN', ko: '출발지 {src}은(는) OVN 포트가 아님' },
  'ovn-trace.source-not-found.explanation': {
    en: 'No logical switch port in the OVN northbound database has this name or UUID, Neutron port name (neutron:port_name), instance UUID (neutron:device_id) or IP address, so nothing was traced.',
    ko: 'OVN northbound 데이터베이스에 이 이름이나 UUID, Neutron 포트 이름(neutron:port_name), 인스턴스 UUID(neutron:device_id), IP 주소를 가진 logical switch port가 없어 아무것도 추적하지 않았습니다.',
  },
  'ovn-trace.source-not-found.cause': {
    en: 'A typo or a VM name instead of its port or IP; if Neutron does list the port, Neutron and OVN are out of sync.',
    ko: '오타이거나 포트/IP 대신 VM 이름을 넣었습니다. Neutron에는 그 포트가 있다면 Neutron과 OVN이 어긋난 것입니다.',
  },
  'ovn-trace.source-not-found.next': {
    en: 'openstack port list --server <vm> (or --fixed-ip ip-address=<ip>); if Neutron has a port OVN lacks: neutron-ovn-db-sync-util --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini --ovn-neutron_sync_mode log',
    ko: 'openstack port list --server <vm> (또는 --fixed-ip ip-address=<ip>). Neutron에는 있고 OVN에는 없는 포트라면: neutron-ovn-db-sync-util --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini --ovn-neutron_sync_mode log',
  },
  'ovn-trace.source-ambiguous.title': { en: 'Source {src} matches several ports', ko: '출발지 {src}에 맞는 포트가 여러 개임' },
  'ovn-trace.source-ambiguous.explanation': {
    en: 'More than one port matches (the same IP on different tenant networks, or an instance with several ports); nothing was traced.',
    ko: '맞는 포트가 둘 이상입니다(서로 다른 테넌트 네트워크의 같은 IP, 또는 포트가 여러 개인 인스턴스). 아무것도 추적하지 않았습니다.',
  },
  'ovn-trace.source-ambiguous.cause': { en: 'Overlapping tenant IP ranges or a multi-homed instance.', ko: '테넌트 IP 대역이 겹치거나 인스턴스가 여러 네트워크에 붙어 있습니다.' },
  'ovn-trace.source-ambiguous.next': { en: 'Run again with source= one of the port UUIDs listed.', ko: '나열된 포트 UUID 중 하나를 source=로 주고 다시 실행하세요.' },
  'ovn-trace.no-path.title': { en: '{dst} is unreachable from {src}: its network has no router', ko: '{src}에서 {dst}에 닿을 수 없음: 네트워크에 라우터가 없음' },
  'ovn-trace.no-path.destination': { en: 'The destination', ko: '목적지' },
  'ovn-trace.no-path.explanation': {
    en: '{error}. No port on the source network owns the destination IP and no router port exists to forward it.',
    ko: '{error}. 출발지 네트워크에 목적지 IP를 가진 포트가 없고, 패킷을 전달할 라우터 포트도 없습니다.',
  },
  'ovn-trace.no-path.cause': { en: 'The subnet is not attached to a router, or the destination IP is wrong.', ko: '서브넷이 라우터에 붙어 있지 않거나 목적지 IP가 틀렸습니다.' },
  'ovn-trace.no-path.next': {
    en: 'openstack router add subnet <router> <subnet>, or check the IP: openstack port list --fixed-ip ip-address={ip}',
    ko: 'openstack router add subnet <router> <subnet> 으로 붙이거나, IP를 확인하세요: openstack port list --fixed-ip ip-address={ip}',
  },
  'ovn-trace.input.title': { en: 'The trace could not be set up: {error}', ko: 'trace를 준비하지 못함: {error}' },
  'ovn-trace.input.explanation': { en: 'The step stopped before running ovn-trace: {error}.', ko: 'ovn-trace를 실행하기 전에 단계가 멈췄습니다: {error}.' },
  'ovn-trace.input.cause.nb': {
    en: 'The OVN northbound database does not answer from this node (raft without a leader, wrong remote, TLS).',
    ko: '이 노드에서 OVN northbound 데이터베이스가 응답하지 않습니다(리더 없는 raft, 잘못된 remote, TLS).',
  },
  'ovn-trace.input.cause': { en: 'The parameters do not fit the port found.', ko: '파라미터가 찾은 포트와 맞지 않습니다.' },
  'ovn-trace.input.next.nb': {
    en: 'ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/ovnnb_db.ctl cluster/status OVN_Northbound',
    ko: 'NB raft 상태 확인: ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/ovnnb_db.ctl cluster/status OVN_Northbound',
  },
  'ovn-trace.input.next': { en: 'Check the parameters against: openstack port show <port>', ko: '파라미터를 다음 출력과 대조해 보세요: openstack port show <port>' },

  'ovn-trace.verdict.skipped.title': { en: 'Packet trace not made', ko: '패킷 추적을 하지 못함' },
  'ovn-trace.verdict.skipped.reason': {
    en: 'The trace step did not complete on any controller, so no verdict on the packet can be given.',
    ko: 'trace 단계가 어느 컨트롤러에서도 끝나지 않아 패킷에 대한 판정을 내릴 수 없습니다.',
  },
  'ovn-trace.failed.title.empty': { en: 'ovn-trace ran but printed no trace', ko: 'ovn-trace가 실행됐지만 trace를 출력하지 않음' },
  'ovn-trace.failed.title.before': { en: 'The trace step failed before ovn-trace ran', ko: 'ovn-trace 실행 전에 trace 단계가 실패함' },
  'ovn-trace.failed.explanation': {
    en: 'Exit code {exit}; the last lines say what went wrong. No verdict on the packet can be given.',
    ko: 'exit 코드 {exit}. 마지막 줄에 무엇이 잘못됐는지 나옵니다. 패킷에 대한 판정을 내릴 수 없습니다.',
  },
  'ovn-trace.failed.cause': {
    en: 'ovn-nbctl/ovn-trace missing in the ovn-northd container, or the southbound database does not answer.',
    ko: 'ovn-northd 컨테이너에 ovn-nbctl/ovn-trace가 없거나, southbound 데이터베이스가 응답하지 않습니다.',
  },
  'ovn-trace.failed.next': { en: 'ovn-sbctl --no-leader-only show; ovn-trace --help', ko: '확인: ovn-sbctl --no-leader-only show; ovn-trace --help' },

  // A destination on the source subnet that no port owns.
  'ovn-trace.destination-unknown.title': { en: 'No port owns {ip}, although it is on the network of {src}', ko: '{ip}은(는) {src}의 네트워크에 속하지만 그 주소를 가진 포트가 없음' },
  'ovn-trace.destination-unknown.explanation': {
    en: '{ip} lies in the subnet of router port {routerPort} on the source network, but no logical switch port has that address, so the packet goes to the router{arp}.',
    ko: '{ip}은(는) 출발지 네트워크에 있는 라우터 포트 {routerPort}의 서브넷에 속하지만 그 주소를 가진 logical switch port가 없어, 패킷이 라우터로 갑니다{arp}.',
  },
  'ovn-trace.destination-unknown.arp': {
    en: ', which can only broadcast an ARP request for it that no OVN port answers',
    ko: '. 라우터는 그 주소를 찾는 ARP 요청을 브로드캐스트할 수밖에 없고, 어떤 OVN 포트도 응답하지 않습니다',
  },
  'ovn-trace.destination-unknown.cause': { en: 'The destination VM or port was deleted, or the IP is mistyped.', ko: '목적지 VM이나 포트가 삭제되었거나 IP를 잘못 입력했습니다.' },
  'ovn-trace.destination-unknown.next': { en: 'openstack port list --fixed-ip ip-address={ip}', ko: '확인: openstack port list --fixed-ip ip-address={ip}' },
};
