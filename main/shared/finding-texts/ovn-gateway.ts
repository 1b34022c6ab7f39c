/**
 * ovn-gateway's finding texts (playbooks/catalogue/ovn-gateway), in English and Korean, with its
 * log signatures' (the engine frames those: log-signatures.ts).
 */
import type { Lang } from '../../contract/types.js';

const P = 'ovn-gateway';
const SIG = `${P}.sig`;

export const ovnGatewayTexts: Record<string, Record<Lang, string>> = {
  [`${P}.more`]: { en: ' and {count} more', ko: ' 외 {count}개' },
  [`${P}.step.not-run`]: { en: 'the step did not run', ko: '단계가 실행되지 않았습니다' },
  [`${P}.step.incomplete`]: { en: 'the script stopped before it had read every table', ko: '스크립트가 모든 테이블을 읽기 전에 멈췄습니다' },
  [`${P}.step.failed`]: { en: 'on {node}: {line}', ko: '{node}에서: {line}' },
  [`${P}.nb.skipped.title`]: { en: 'Router gateways not checked: the Northbound DB was not read', ko: '라우터 게이트웨이를 점검하지 못함: Northbound DB를 읽지 못함' },
  [`${P}.nb.skipped.explanation`]: { en: 'The gateway ports and their chassis come from the OVN Northbound DB, and it was not read ({why}); nothing is said about the gateways.', ko: '게이트웨이 포트와 chassis는 OVN Northbound DB에서 읽는데 읽지 못했습니다({why}). 게이트웨이에 대해서는 아무것도 말하지 않습니다.' },
  [`${P}.sb.skipped.title`]: { en: 'Router gateways not checked: the Southbound DB was not read', ko: '라우터 게이트웨이를 점검하지 못함: Southbound DB를 읽지 못함' },
  [`${P}.sb.skipped.explanation`]: { en: 'Where each gateway is bound comes from the OVN Southbound DB, and it was not read ({why}); nothing is said about the gateways.', ko: '각 게이트웨이가 바인딩된 곳은 OVN Southbound DB에서 읽는데 읽지 못했습니다({why}). 게이트웨이에 대해서는 아무것도 말하지 않습니다.' },
  [`${P}.bfd.skipped.title`]: { en: 'BFD state not read on {nodes}', ko: '{nodes}에서 BFD 상태를 읽지 못함' },
  [`${P}.bfd.skipped.explanation`]: { en: 'ovs-vsctl did not answer there ({why}): BFD on those nodes’ tunnels was not checked, and a gateway that depends on it is judged without it.', ko: '그곳에서 ovs-vsctl이 응답하지 않았습니다({why}). 그 노드 터널의 BFD는 점검하지 않았고, 그에 달린 게이트웨이는 BFD 없이 판단합니다.' },

  [`${P}.none.title`]: { en: 'No router has an external gateway: nothing to check', ko: '외부 게이트웨이가 있는 라우터가 없음: 점검할 것 없음' },
  [`${P}.none.explanation`]: { en: 'No Logical_Router_Port in the Northbound has gateway chassis or an HA chassis group, so no router does SNAT or floating IPs through a gateway chassis.', ko: 'Northbound의 어떤 Logical_Router_Port에도 게이트웨이 chassis나 HA chassis 그룹이 없어, 게이트웨이 chassis를 거쳐 SNAT이나 floating IP를 하는 라우터가 없습니다.' },

  [`${P}.unbound.title`]: { en: 'Router {router}: its external gateway is active on no chassis', ko: '라우터 {router}: 외부 게이트웨이가 어느 chassis에서도 활성이 아님' },
  [`${P}.unbound.explanation`]: {
    en: 'The gateway port {port} ({networks}) has gateway chassis {chassis} (priority in brackets), but its chassisredirect port cr-{port} is bound to no chassis in the Southbound: no chassis runs this router’s gateway, so its SNAT and floating IPs carry no traffic and instances behind it cannot reach outside networks.',
    ko: '게이트웨이 포트 {port}({networks})에는 게이트웨이 chassis {chassis}(괄호 안은 우선순위)가 있지만, chassisredirect 포트 cr-{port}가 Southbound에서 어느 chassis에도 바인딩되어 있지 않습니다. 이 라우터의 게이트웨이를 돌리는 chassis가 없으므로 SNAT와 floating IP로 트래픽이 흐르지 않고, 뒤의 인스턴스는 외부 네트워크에 닿지 못합니다.',
  },
  [`${P}.unbound.cause.missing`]: { en: 'None of its gateway chassis ({chassis}) is registered in the Southbound: their ovn-controller is down, or the hosts were renamed or removed after Neutron scheduled the gateway.', ko: '게이트웨이 chassis({chassis}) 중 어느 것도 Southbound에 등록되어 있지 않습니다. 그 ovn-controller가 멈췄거나, Neutron이 게이트웨이를 배정한 뒤 호스트 이름이 바뀌었거나 제거되었습니다.' },
  [`${P}.unbound.next.missing`]: { en: 'Start ovn-controller on {chassis} (ovn-health names the missing chassis); if a host is gone for good, have Neutron reschedule the gateway (set the router’s external gateway again, or move it with `ovn-nbctl lrp-set-gateway-chassis`).', ko: '{chassis}에서 ovn-controller를 시작하세요(ovn-health가 없는 chassis를 알려 줍니다). 호스트가 영영 없어졌다면 Neutron이 게이트웨이를 다시 배정하게 하세요(라우터 외부 게이트웨이를 다시 설정하거나 `ovn-nbctl lrp-set-gateway-chassis`로 옮김).' },
  [`${P}.unbound.cause.bfd`]: { en: 'BFD is down between its gateway chassis ({pairs}). With {count} gateway chassis OVN lets a chassis claim the gateway only while it sees another one over BFD (so two cannot be active at once); each of them sees none, so none claims it. The tunnels between them carry no BFD packets: geneve (UDP 6081) or BFD dropped by a firewall, an underlay or MTU problem, or a tunnel IP that is not reachable.', ko: '게이트웨이 chassis 사이의 BFD가 다운입니다({pairs}). 게이트웨이 chassis가 {count}개이면 OVN은 BFD로 다른 chassis를 볼 수 있을 때만 게이트웨이를 가져가게 합니다(두 곳이 동시에 활성이 되지 않도록). 모두 서로를 보지 못하므로 아무도 가져가지 않습니다. 그 사이의 터널로 BFD 패킷이 오가지 않습니다: 방화벽이 geneve(UDP 6081)나 BFD를 막았거나, 언더레이나 MTU 문제, 닿지 않는 터널 IP.' },
  [`${P}.unbound.next.bfd`]: { en: 'On {node}: `ovs-vsctl --columns=name,options,bfd_status find Interface bfd:enable=true`, then test the underlay to the peer’s tunnel IP (`ping`, and `tcpdump -ni <nic> udp port 6081` on both ends) and the firewall rules for geneve.', ko: '{node}에서 `ovs-vsctl --columns=name,options,bfd_status find Interface bfd:enable=true`를 보고, 상대 터널 IP까지 언더레이를 시험하세요(`ping`, 양쪽에서 `tcpdump -ni <nic> udp port 6081`). geneve 방화벽 규칙도 확인하세요.' },
  [`${P}.unbound.cause.bfd-unread`]: { en: 'With {count} gateway chassis a chassis claims the gateway only while BFD shows it another one; BFD was not read on {nodes}, so whether that is why is not known.', ko: '게이트웨이 chassis가 {count}개이면 BFD로 다른 chassis가 보일 때만 게이트웨이를 가져갑니다. {nodes}에서 BFD를 읽지 못해 그것이 원인인지는 알 수 없습니다.' },
  [`${P}.unbound.cause.not-claimed`]: { en: 'Its highest-priority registered chassis, {chassis}, does not claim it: its ovn-controller is not connected to the Southbound or not running its bindings, or the external network’s bridge mapping is missing there.{missing}', ko: '등록된 chassis 중 우선순위가 가장 높은 {chassis}가 가져가지 않습니다. 그 ovn-controller가 Southbound에 연결되어 있지 않거나 바인딩을 처리하지 못하고 있거나, 그곳에 외부 네트워크의 브리지 매핑이 없습니다.{missing}' },
  [`${P}.unbound.missing-too`]: { en: ' Not registered at all: {chassis}.', ko: ' 아예 등록되지 않은 것: {chassis}.' },
  [`${P}.unbound.next.not-claimed`]: { en: 'On {chassis}: `ovn-appctl -t ovn-controller connection-status`, and its log for "{port}" (ovn-controller-log reads it).', ko: '{chassis}에서 `ovn-appctl -t ovn-controller connection-status`를 보고, 로그에서 "{port}"를 찾으세요(ovn-controller-log가 읽습니다).' },

  [`${P}.no-redirect.title`]: { en: 'Router {router}: its gateway port {port} has no chassisredirect port in the Southbound', ko: '라우터 {router}: 게이트웨이 포트 {port}의 chassisredirect 포트가 Southbound에 없음' },
  [`${P}.no-redirect.explanation`]: { en: 'The Northbound gives {port} gateway chassis {chassis}, but the Southbound has no Port_Binding cr-{port}: ovn-northd has not translated it, so no chassis can run this gateway.', ko: 'Northbound는 {port}에 게이트웨이 chassis {chassis}를 주지만 Southbound에 Port_Binding cr-{port}가 없습니다. ovn-northd가 아직 변환하지 않아 어느 chassis도 이 게이트웨이를 돌릴 수 없습니다.' },
  [`${P}.no-redirect.cause`]: { en: 'ovn-northd is not running, not the active one, or far behind (ovn-health: nb_cfg against sb_cfg).', ko: 'ovn-northd가 실행 중이 아니거나, 활성 인스턴스가 아니거나, 크게 밀려 있습니다(ovn-health: nb_cfg와 sb_cfg 비교).' },
  [`${P}.no-redirect.next`]: { en: 'Check ovn-northd on the controllers (`ovn-appctl -t ovn-northd status`) and its log.', ko: '컨트롤러에서 ovn-northd(`ovn-appctl -t ovn-northd status`)와 로그를 확인하세요.' },

  [`${P}.failed-over.title`]: { en: 'Router {router}: its gateway runs on {at}, not on its preferred chassis {preferred}', ko: '라우터 {router}: 게이트웨이가 선호 chassis {preferred}가 아닌 {at}에서 돎' },
  [`${P}.failed-over.explanation`]: { en: 'Gateway chassis of {port}: {chassis}. The highest-priority one registered is {preferred} (priority {priority}), yet cr-{port} is bound to {at} (priority {atPriority}): the gateway has failed over and not come back.', ko: '{port}의 게이트웨이 chassis: {chassis}. 등록된 것 중 우선순위가 가장 높은 것은 {preferred}(우선순위 {priority})인데 cr-{port}는 {at}(우선순위 {atPriority})에 바인딩되어 있습니다. 게이트웨이가 페일오버한 뒤 돌아오지 않았습니다.' },
  [`${P}.failed-over.cause`]: { en: 'The others do not see {preferred} over BFD, or its ovn-controller does not claim (its connection to the Southbound, its bridge mappings).', ko: '다른 chassis가 BFD로 {preferred}를 보지 못하거나, 그 ovn-controller가 가져가지 않습니다(Southbound 연결, 브리지 매핑).' },
  [`${P}.failed-over.cause.bfd`]: { en: 'BFD to {preferred} is down ({pairs}): the others count it as dead, so the next priority took the gateway.', ko: '{preferred}로의 BFD가 다운입니다({pairs}). 다른 chassis가 그것을 죽은 것으로 보아 다음 우선순위가 게이트웨이를 가져갔습니다.' },
  [`${P}.failed-over.next`]: { en: 'Bring BFD to {preferred} back up (underlay, geneve firewall); OVN moves the gateway back by itself. Traffic works meanwhile, through the lower-priority chassis.', ko: '{preferred}로의 BFD를 되살리세요(언더레이, geneve 방화벽). OVN이 게이트웨이를 스스로 되돌립니다. 그동안 트래픽은 낮은 우선순위 chassis로 흐릅니다.' },

  [`${P}.chassis-missing.title`]: { en: 'Router {router}: gateway chassis {missing} is not registered', ko: '라우터 {router}: 게이트웨이 chassis {missing}가 등록되어 있지 않음' },
  [`${P}.chassis-missing.explanation`]: { en: 'The gateway port {port} lists {chassis}; {missing} is not in the Southbound. The gateway runs on {at}, but cannot fail over to a missing chassis.', ko: '게이트웨이 포트 {port}에는 {chassis}가 있는데 {missing}는 Southbound에 없습니다. 게이트웨이는 {at}에서 돌지만 없는 chassis로는 페일오버할 수 없습니다.' },
  [`${P}.chassis-missing.cause`]: { en: 'ovn-controller is down on that host, or it was renamed or removed after Neutron scheduled the gateway there.', ko: '그 호스트의 ovn-controller가 멈췄거나, Neutron이 게이트웨이를 배정한 뒤 호스트 이름이 바뀌었거나 제거되었습니다.' },
  [`${P}.chassis-missing.next`]: { en: 'Start ovn-controller on {missing} (ovn-health), or, if the host is gone, let Neutron reschedule the router gateways.', ko: '{missing}에서 ovn-controller를 시작하거나(ovn-health), 호스트가 없어졌다면 Neutron이 라우터 게이트웨이를 다시 배정하게 하세요.' },

  [`${P}.no-failover.title`]: { en: '{count} router gateway(s) with a single gateway chassis: no failover', ko: '게이트웨이 chassis가 하나뿐인 라우터 게이트웨이 {count}개: 페일오버 없음' },
  [`${P}.no-failover.explanation`]: { en: 'Each of these has one gateway chassis: {routers}{more}. When that node goes down, the router loses SNAT and floating IPs until it is back.', ko: '다음은 게이트웨이 chassis가 하나뿐입니다: {routers}{more}. 그 노드가 내려가면 돌아올 때까지 라우터의 SNAT와 floating IP가 끊깁니다.' },
  [`${P}.no-failover.next`]: { en: 'For high availability, mark more network nodes with `ovn-cms-options=enable-chassis-as-gw`; Neutron schedules new gateways on up to five of them.', ko: '고가용성을 원하면 네트워크 노드를 더 `ovn-cms-options=enable-chassis-as-gw`로 표시하세요. Neutron은 새 게이트웨이를 그중 최대 다섯 곳에 배정합니다.' },

  [`${P}.not-capable.title`]: { en: 'Gateway chassis without enable-chassis-as-gw: {chassis}', ko: 'enable-chassis-as-gw 없는 게이트웨이 chassis: {chassis}' },
  [`${P}.not-capable.explanation`]: { en: '{chassis} hosts router gateways but does not carry `enable-chassis-as-gw` in ovn-cms-options (gateway-capable: {capable}). Neutron would not schedule gateways there: they were set by hand, or the option was removed later.', ko: '{chassis}는 라우터 게이트웨이를 맡고 있지만 ovn-cms-options에 `enable-chassis-as-gw`가 없습니다(게이트웨이 가능: {capable}). Neutron이라면 그곳에 배정하지 않습니다. 손으로 설정했거나 나중에 옵션을 지웠습니다.' },
  [`${P}.not-capable.next`]: { en: 'Either add the option on that node’s Open_vSwitch external_ids, or move the gateways off it; the neutron-ovn-db-sync tool may change them back to what Neutron scheduled.', ko: '그 노드의 Open_vSwitch external_ids에 옵션을 넣거나 게이트웨이를 옮기세요. neutron-ovn-db-sync 도구가 Neutron이 배정한 대로 되돌릴 수 있습니다.' },

  [`${P}.bfd-down.title`]: { en: 'BFD is down on {count} tunnel(s): {pairs}{more}', ko: '터널 {count}개에서 BFD 다운: {pairs}{more}' },
  [`${P}.bfd-down.explanation`]: { en: 'BFD is enabled on these tunnels (OVN turns it on between gateway chassis, and from nodes to the gateways they use) and is not up. The first: {iface} on {node} to {peer} ({ip}): state {state}, remote state {remote}, diagnostic "{diag}". A gateway chassis that sees no other over BFD does not run the gateway, and others count a peer they cannot see as dead.', ko: '이 터널에는 BFD가 켜져 있지만(OVN은 게이트웨이 chassis 사이와, 노드에서 쓰는 게이트웨이로 켭니다) up이 아닙니다. 첫 번째: {node}의 {iface}에서 {peer}({ip})로, 상태 {state}, 상대 상태 {remote}, 진단 "{diag}". BFD로 다른 chassis를 보지 못하는 게이트웨이 chassis는 게이트웨이를 돌리지 않고, 다른 chassis는 보이지 않는 상대를 죽은 것으로 봅니다.' },
  [`${P}.bfd-down.cause`]: { en: 'No BFD packets get through the tunnel: geneve (UDP 6081) dropped by a firewall or security group on the underlay, the peer’s tunnel IP unreachable, MTU too small for the encapsulation, or ovs-vswitchd on the peer busy or down.', ko: '터널로 BFD 패킷이 통과하지 못합니다: 언더레이의 방화벽이나 보안 그룹이 geneve(UDP 6081)를 막았거나, 상대 터널 IP에 닿지 않거나, 캡슐화에 비해 MTU가 작거나, 상대의 ovs-vswitchd가 바쁘거나 멈췄습니다.' },
  [`${P}.bfd-down.next`]: { en: 'On {node}: `ping {ip}` over the tunnel network, `tcpdump -ni <nic> udp port 6081 and host {ip}` on both ends, and `ovs-appctl bfd/show {iface}`.', ko: '{node}에서 터널 네트워크로 `ping {ip}`, 양쪽에서 `tcpdump -ni <nic> udp port 6081 and host {ip}`, 그리고 `ovs-appctl bfd/show {iface}`를 보세요.' },

  [`${P}.moves.title`]: { en: '{node} took over the gateway of router {router} {count} times in 24 h', ko: '{node}가 24시간 동안 라우터 {router}의 게이트웨이를 {count}번 넘겨받음' },
  [`${P}.moves.title.port`]: { en: '{node} took over gateway port {port} {count} times in 24 h', ko: '{node}가 24시간 동안 게이트웨이 포트 {port}를 {count}번 넘겨받음' },
  [`${P}.moves.explanation`]: { en: 'ovn-controller on {node} logged "Claiming lport {port} for this chassis" {count} times in the last 24 h, not counting its first minute after a start (from {min} it is a warning). Each claim is the gateway moving to this node, and the router’s SNAT and floating IP connections drop each time it moves. The first: {first}', ko: '{node}의 ovn-controller가 지난 24시간 동안 "Claiming lport {port} for this chassis"를 {count}번 남겼습니다(시작 직후 1분은 빼고, {min}번부터 경고). 매번 게이트웨이가 이 노드로 옮겨 온 것이고, 옮길 때마다 라우터의 SNAT와 floating IP 연결이 끊깁니다. 첫 줄: {first}' },
  [`${P}.moves.cause`]: { en: 'BFD between the gateway chassis drops and comes back (a flapping underlay, an overloaded ovs-vswitchd), or a higher-priority gateway chassis keeps restarting and taking the gateway back.', ko: '게이트웨이 chassis 사이의 BFD가 끊겼다 돌아오거나(흔들리는 언더레이, 과부하된 ovs-vswitchd), 우선순위가 더 높은 게이트웨이 chassis가 거듭 재시작하며 게이트웨이를 되가져갑니다.' },
  [`${P}.moves.next`]: { en: 'Read the BFD state changes in ovs-vswitchd’s log on {node} and its peers (this playbook counts them), and whether ovn-controller restarted on the other gateway chassis (ovn-controller-log).', ko: '{node}와 상대 노드의 ovs-vswitchd 로그에서 BFD 상태 변화(이 플레이북이 셉니다)를 읽고, 다른 게이트웨이 chassis의 ovn-controller가 재시작했는지 보세요(ovn-controller-log).' },

  [`${P}.ok.title`]: { en: '{count} router gateway(s) active on their preferred chassis', ko: '라우터 게이트웨이 {count}개가 선호 chassis에서 활성' },
  [`${P}.ok.explanation`]: { en: 'Each gateway port’s cr-lrp is bound to its highest-priority registered gateway chassis ({where}{more}); {sessions} BFD session(s) on {nodes} node(s), none down.', ko: '각 게이트웨이 포트의 cr-lrp가 등록된 게이트웨이 chassis 중 우선순위가 가장 높은 곳에 바인딩되어 있습니다({where}{more}). 노드 {nodes}개의 BFD 세션 {sessions}개, 다운된 것 없음.' },

  [`${SIG}.bfd-went-down.title`]: { en: 'BFD sessions went down repeatedly', ko: 'BFD 세션이 거듭 다운됨' },
  [`${SIG}.bfd-went-down.explanation`]: { en: 'ovs-vswitchd logs "<tunnel>: BFD state change: up->down" when a BFD session drops. Each drop toward a gateway chassis can fail its gateways over; several in a day is a flapping underlay.', ko: 'ovs-vswitchd는 BFD 세션이 끊길 때 "<터널>: BFD state change: up->down"을 남깁니다. 게이트웨이 chassis 쪽 세션이 끊길 때마다 게이트웨이가 페일오버할 수 있고, 하루에 여러 번이면 언더레이가 흔들리는 것입니다.' },
  [`${SIG}.bfd-went-down.next`]: { en: 'The diagnostic on each line says who gave up ("Control Detection Time Expired": packets lost on the way; "Neighbor Signaled Session Down": the peer); check the underlay links and the load on both ovs-vswitchd.', ko: '각 줄의 진단이 누가 포기했는지 알려 줍니다("Control Detection Time Expired": 도중에 패킷 손실, "Neighbor Signaled Session Down": 상대). 언더레이 링크와 양쪽 ovs-vswitchd의 부하를 확인하세요.' },
};
