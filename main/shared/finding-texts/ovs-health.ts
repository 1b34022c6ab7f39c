/** ovs-health's finding texts (playbooks/catalogue/ovs-health), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const ovsHealthTexts: Record<string, Record<Lang, string>> = {
  // Who an interface belongs to: {port}{instance}{mac}, each part empty or one of the parts below.
  'ovs-health.owner': { en: ' It belongs to {port}{instance}{mac}.', ko: ' {port}{instance}{mac}의 인터페이스입니다.' },
  'ovs-health.owner.port': { en: 'Neutron port {id}', ko: 'Neutron 포트 {id}' },
  'ovs-health.owner.instance': { en: 'instance {id}', ko: '인스턴스 {id}' },
  'ovs-health.owner.instance.more': { en: ', instance {id}', ko: ', 인스턴스 {id}' },
  'ovs-health.owner.mac': { en: 'MAC {mac}', ko: 'MAC 주소 {mac}' },
  'ovs-health.owner.mac.more': { en: ', MAC {mac}', ko: ', MAC 주소 {mac}' },

  // The OVS database does not answer.
  'ovs-health.db-unreachable.title': { en: '{node}: the Open vSwitch database does not answer', ko: '{node}: Open vSwitch 데이터베이스가 응답하지 않음' },
  'ovs-health.db-unreachable.explanation': {
    en: '`ovs-vsctl show` failed on {node} (exit {exit}). Without ovsdb-server neither ovs-vswitchd nor the network agent can change anything on this node; the other OVS checks were skipped for it.',
    ko: '{node}에서 `ovs-vsctl show`가 실패했습니다(exit {exit}). ovsdb-server가 없으면 ovs-vswitchd도 네트워크 에이전트도 이 노드에서 아무것도 바꿀 수 없습니다. 이 노드의 다른 OVS 점검은 건너뛰었습니다.',
  },
  'ovs-health.db-unreachable.cause': {
    en: 'ovsdb-server is not running on {node} (crashed, or its pod/container is restarting), or the tool is looking at the wrong socket.',
    ko: '{node}에서 ovsdb-server가 실행 중이 아니거나(비정상 종료, 또는 pod/컨테이너 재시작 중), 도구가 엉뚱한 소켓을 보고 있습니다.',
  },
  'ovs-health.db-unreachable.next': {
    en: 'On {node}: `systemctl status ovsdb-server openvswitch-switch` (packages), `docker ps -a | grep openvswitch` (kolla) or `kubectl -n openstack get pods -o wide | grep openvswitch` (openstack-helm), and the ovsdb-server log.',
    ko: '{node}에서: `systemctl status ovsdb-server openvswitch-switch`(패키지), `docker ps -a | grep openvswitch`(kolla) 또는 `kubectl -n openstack get pods -o wide | grep openvswitch`(openstack-helm), 그리고 ovsdb-server 로그를 확인하세요.',
  },

  // Bridges.
  'ovs-health.br-int-missing.title': { en: '{node}: integration bridge {bridge} does not exist', ko: '{node}: integration 브리지 {bridge}이(가) 없음' },
  'ovs-health.br-int-missing.explanation': {
    en: 'Open vSwitch on {node} has no bridge {bridge}{others}. Every VM port and tunnel is plugged into {bridge}; without it no instance on this node has a network and Nova cannot plug new ones.',
    ko: '{node}의 Open vSwitch에 브리지 {bridge}이(가) 없습니다{others}. 모든 VM 포트와 터널은 {bridge}에 꽂히므로, 이 브리지가 없으면 이 노드의 어떤 인스턴스도 네트워크가 없고 Nova가 새 인스턴스를 연결할 수도 없습니다.',
  },
  'ovs-health.br-int-missing.only': { en: ' (only {bridges})', ko: '(있는 브리지: {bridges})' },
  'ovs-health.br-int-missing.none': { en: ' (no bridges at all)', ko: '(브리지가 하나도 없음)' },
  'ovs-health.br-int-missing.cause': {
    en: 'The bridge was deleted (by hand, a cleanup script such as neutron-ovs-cleanup, or a reinstall) and ovn-controller / neutron-openvswitch-agent is not running to recreate it.',
    ko: '브리지가 삭제되었고(수동 삭제, neutron-ovs-cleanup 같은 정리 스크립트, 재설치) 이를 다시 만들 ovn-controller / neutron-openvswitch-agent가 실행 중이 아닙니다.',
  },
  'ovs-health.br-int-missing.next': {
    en: 'Check the agent on {node} (OVN: `ovn-appctl -t ovn-controller connection-status`; ML2/OVS: `systemctl status neutron-openvswitch-agent`); restarting it recreates {bridge}. Then re-run this playbook.',
    ko: '{node}의 에이전트를 확인하세요(OVN: `ovn-appctl -t ovn-controller connection-status`, ML2/OVS: `systemctl status neutron-openvswitch-agent`). 에이전트를 재시작하면 {bridge}이(가) 다시 만들어집니다. 그다음 이 플레이북을 다시 실행하세요.',
  },
  'ovs-health.provider-bridge-missing.title': { en: '{node}: provider bridge {bridge} ({physnet}) does not exist', ko: '{node}: provider 브리지 {bridge}({physnet})이(가) 없음' },
  'ovs-health.provider-bridge-missing.explanation': {
    en: '{node} maps provider network {physnet} to bridge {bridge} (ovn-bridge-mappings) but OVS has no such bridge. Ports on {physnet} networks (provider VLAN/flat networks, router gateways scheduled here) have no way out.',
    ko: '{node}은(는) provider 네트워크 {physnet}을(를) 브리지 {bridge}에 매핑하지만(ovn-bridge-mappings) OVS에는 그 브리지가 없습니다. {physnet} 네트워크(provider VLAN/flat 네트워크, 이 노드에 스케줄된 라우터 게이트웨이)의 포트는 밖으로 나갈 길이 없습니다.',
  },
  'ovs-health.provider-bridge-missing.cause': {
    en: 'The bridge was never created on this node (deployment step skipped) or was deleted; or ovn-bridge-mappings names a bridge this node should not have.',
    ko: '이 노드에 브리지가 애초에 만들어지지 않았거나(배포 단계 누락) 삭제되었습니다. 또는 ovn-bridge-mappings가 이 노드에 있으면 안 되는 브리지를 가리킵니다.',
  },
  'ovs-health.provider-bridge-missing.next': {
    en: 'Confirm the intended mapping (`ovs-vsctl get Open_vSwitch . external_ids:ovn-bridge-mappings`); create the bridge with its NIC the way your deployment tool does (e.g. `ovs-vsctl add-br {bridge}` + `ovs-vsctl add-port {bridge} <nic>`, mutating) or remove the mapping.',
    ko: '의도한 매핑을 확인하세요(`ovs-vsctl get Open_vSwitch . external_ids:ovn-bridge-mappings`). 배포 도구가 하는 방식대로 NIC과 함께 브리지를 만들거나(예: `ovs-vsctl add-br {bridge}` + `ovs-vsctl add-port {bridge} <nic>`, 변경 작업) 매핑을 지우세요.',
  },
  'ovs-health.provider-bridge-missing.skipped.title': { en: '{node}: provider bridges', ko: '{node}: provider 브리지' },
  'ovs-health.provider-bridge-missing.skipped.reason': {
    en: "The node's OVN settings (ovn-bridge-mappings) could not be read, so which provider bridges it should have is unknown.",
    ko: '노드의 OVN 설정(ovn-bridge-mappings)을 읽지 못해, 어떤 provider 브리지가 있어야 하는지 알 수 없습니다.',
  },

  // Interfaces in error or without an OpenFlow port.
  'ovs-health.interface-error.title': { en: '{node}: interface {iface} on {bridge} is in error', ko: '{node}: {bridge}의 인터페이스 {iface}이(가) 오류 상태' },
  'ovs-health.interface-error.title.no-device': {
    en: '{node}: interface {iface} on {bridge} is in error (device does not exist)',
    ko: '{node}: {bridge}의 인터페이스 {iface}이(가) 오류 상태 (장치가 없음)',
  },
  'ovs-health.some-bridge': { en: 'a bridge', ko: '어떤 브리지' },
  'ovs-health.interface-error.explanation': { en: 'OVS reports `{error}` for {iface} on {node}.{ofport}{owner}', ko: 'OVS가 {node}의 {iface}에 대해 `{error}`를 보고합니다.{ofport}{owner}' },
  'ovs-health.interface-error.ofport': {
    en: ' OVS gave it no OpenFlow port (ofport -1), so no flow can send traffic to it.',
    ko: ' OVS가 OpenFlow 포트를 할당하지 않았으므로(ofport -1), 어떤 flow도 이 인터페이스로 트래픽을 보낼 수 없습니다.',
  },
  'ovs-health.interface-error.cause.no-device': {
    en: 'A stale port: the VM was deleted or migrated away and its tap device is gone, but the OVS port stayed (nova-compute / os-vif did not unplug it, e.g. the compute service was down or crashed at delete time). Less often the VM still exists and its tap vanished (libvirt domain stopped uncleanly).',
    ko: '남은 포트입니다. VM이 삭제되거나 다른 곳으로 마이그레이션되어 tap 장치는 없어졌는데 OVS 포트는 남았습니다(nova-compute / os-vif가 포트를 떼지 못함. 예를 들어 삭제 시점에 compute 서비스가 내려가 있었거나 비정상 종료됨). 드물게는 VM은 그대로인데 tap만 사라진 경우입니다(libvirt 도메인이 비정상 종료됨).',
  },
  'ovs-health.interface-error.cause': {
    en: 'OVS could not set up the interface; the error text says why (wrong type or options, missing kernel module, DPDK device not bound).',
    ko: 'OVS가 인터페이스를 설정하지 못했습니다. 오류 메시지에 이유가 있습니다(잘못된 type이나 options, 커널 모듈 없음, DPDK 장치가 바인딩되지 않음).',
  },
  // {port} and {server}: more read-only commands (", `openstack port show ID`") or nothing.
  'ovs-health.interface-error.next.no-device': {
    en: 'Read-only first: `ovs-vsctl list Interface {iface}`{port}{server}. If the VM is gone or lives elsewhere, remove the stale port (mutating): `ovs-vsctl del-port {bridge} {iface}`; if the VM should be here, hard-reboot it so Nova re-plugs the tap.',
    ko: '먼저 읽기만 하세요: `ovs-vsctl list Interface {iface}`{port}{server}. VM이 없거나 다른 곳에 있다면 남은 포트를 지우세요(변경 작업): `ovs-vsctl del-port {bridge} {iface}`. VM이 이 노드에 있어야 한다면 hard reboot해서 Nova가 tap을 다시 연결하게 하세요.',
  },
  'ovs-health.interface-error.next': {
    en: '`ovs-vsctl list Interface {iface}` and the ovs-vswitchd log on {node} for the full reason.',
    ko: '자세한 이유는 `ovs-vsctl list Interface {iface}`와 {node}의 ovs-vswitchd 로그를 확인하세요.',
  },
  'ovs-health.ofport-invalid.title': { en: '{node}: interface {iface} has no OpenFlow port (ofport -1)', ko: '{node}: 인터페이스 {iface}에 OpenFlow 포트가 없음 (ofport -1)' },
  'ovs-health.ofport-invalid.explanation': {
    en: 'OVS could not attach {iface} to its bridge on {node}, so traffic to and from it is dropped.{owner}',
    ko: 'OVS가 {node}에서 {iface}을(를) 브리지에 붙이지 못해, 이 인터페이스로 오가는 트래픽이 drop됩니다.{owner}',
  },
  'ovs-health.ofport-invalid.cause': {
    en: "The backing device is missing or could not be opened (a deleted VM's tap, a DPDK port that failed to initialise).",
    ko: '뒤에 있는 장치가 없거나 열 수 없습니다(삭제된 VM의 tap, 초기화에 실패한 DPDK 포트).',
  },
  'ovs-health.ofport-invalid.next': {
    en: '`ovs-vsctl list Interface {iface}` and the ovs-vswitchd log on {node}; remove the port if it is stale (`ovs-vsctl del-port {iface}`, mutating).',
    ko: '`ovs-vsctl list Interface {iface}`와 {node}의 ovs-vswitchd 로그를 확인하고, 남은 포트라면 지우세요(`ovs-vsctl del-port {iface}`, 변경 작업).',
  },

  // Ports parked on the dead VLAN.
  'ovs-health.dead-vlan.title': { en: '{node}: port {port} is on the dead VLAN 4095', ko: '{node}: 포트 {port}이(가) dead VLAN 4095에 있음' },
  'ovs-health.dead-vlan.explanation': {
    en: 'Port {port} on {bridge} is tagged 4095, the VLAN neutron-openvswitch-agent uses to park ports it could not bind; all its traffic is dropped.{owner}',
    ko: '{bridge}의 포트 {port}에 tag 4095가 붙어 있습니다. neutron-openvswitch-agent가 바인딩하지 못한 포트를 격리해 두는 VLAN으로, 이 포트의 트래픽은 모두 drop됩니다.{owner}',
  },
  'ovs-health.dead-vlan.its-bridge': { en: 'its bridge', ko: '소속 브리지' },
  'ovs-health.dead-vlan.cause': {
    en: "The agent could not bind the port: port binding failed (no bridge_mappings for the network's physnet on this host, unknown network type), the agent lost the Neutron server / RabbitMQ when the port was plugged, or the port was deleted in Neutron but not on the host.",
    ko: '에이전트가 포트를 바인딩하지 못했습니다. 포트 바인딩 실패(이 호스트에 네트워크 physnet에 대한 bridge_mappings가 없음, 알 수 없는 네트워크 타입), 포트가 꽂힐 때 에이전트가 Neutron 서버 / RabbitMQ와 끊겨 있었음, 또는 Neutron에서는 포트가 지워졌는데 호스트에는 남아 있음 중 하나입니다.',
  },
  'ovs-health.dead-vlan.next': {
    en: '`openstack port show {id} -c binding_host_id -c binding_vif_type -c status` (binding_failed?) and the neutron-openvswitch-agent log on {node}; once the cause is fixed, restarting the agent re-binds the port.',
    ko: '`openstack port show {id} -c binding_host_id -c binding_vif_type -c status`(binding_failed인지?)와 {node}의 neutron-openvswitch-agent 로그를 확인하세요. 원인을 고친 뒤 에이전트를 재시작하면 포트가 다시 바인딩됩니다.',
  },

  // OpenFlow controllers (ML2/OVS).
  'ovs-health.controller-disconnected.title': {
    en: '{node}: bridge {bridge} is not connected to its OpenFlow controller {target}',
    ko: '{node}: 브리지 {bridge}이(가) OpenFlow 컨트롤러 {target}에 연결되어 있지 않음',
  },
  'ovs-health.controller-disconnected.explanation': {
    en: "`ovs-vsctl show` lists controller {target} for {bridge} on {node} without `is_connected: true`; nothing is programming this bridge's flows right now (existing flows stay, new ports get none).",
    ko: '{node}의 `ovs-vsctl show`에 {bridge}의 컨트롤러 {target}이(가) `is_connected: true` 없이 나옵니다. 지금은 이 브리지의 flow를 아무도 프로그래밍하지 않습니다(기존 flow는 남지만 새 포트는 flow를 받지 못합니다).',
  },
  'ovs-health.controller-disconnected.cause': {
    en: 'neutron-openvswitch-agent (the controller behind {target}) is down or restarting on {node}.',
    ko: '{node}에서 neutron-openvswitch-agent({target} 뒤의 컨트롤러)가 내려갔거나 재시작 중입니다.',
  },
  'ovs-health.controller-disconnected.next': {
    en: 'Check the agent on {node}: `systemctl status neutron-openvswitch-agent` / its pod or container, and its log.',
    ko: '{node}의 에이전트를 확인하세요: `systemctl status neutron-openvswitch-agent` / 해당 pod나 컨테이너, 그리고 로그.',
  },

  // A node with nothing wrong.
  'ovs-health.node-healthy.title': { en: '{node}: Open vSwitch looks healthy', ko: '{node}: Open vSwitch 정상으로 보임' },
  'ovs-health.node-healthy.explanation': {
    en: 'Bridges {bridges}; {count} interfaces, none in error{ofport}; no port on the dead VLAN 4095{providers}.',
    ko: '브리지 {bridges}. 인터페이스 {count}개, 오류 없음{ofport}. dead VLAN 4095에 있는 포트 없음{providers}.',
  },
  'ovs-health.node-healthy.ofport': { en: ' and all with an OpenFlow port', ko: ', 모두 OpenFlow 포트가 있음' },
  'ovs-health.node-healthy.providers': { en: '; provider bridges {bridges} present', ko: '. provider 브리지 {bridges} 있음' },
  'ovs-health.node-healthy.skipped.title': { en: 'Open vSwitch state', ko: 'Open vSwitch 상태' },
  'ovs-health.node-healthy.skipped.reason': {
    en: 'No node returned `ovs-vsctl show` output; nothing could be checked.',
    ko: '`ovs-vsctl show` 출력을 돌려준 노드가 없어 아무것도 확인하지 못했습니다.',
  },

  // Tunnels between OVN chassis.
  'ovs-health.tunnel-mesh.skipped.title': { en: 'Tunnel mesh between nodes', ko: '노드 사이 터널 메시' },
  'ovs-health.tunnel-mesh.skipped.reason': {
    en: 'Fewer than two OVN nodes with a known ovn-encap-ip were read ({nodes}); there is no pair to compare.',
    ko: 'ovn-encap-ip를 아는 OVN 노드를 두 대 미만 읽었습니다({nodes}). 비교할 쌍이 없습니다.',
  },
  'ovs-health.tunnel-mesh.skipped.none': { en: 'none', ko: '없음' },
  'ovs-health.tunnel-mesh.title': { en: 'Tunnel mesh complete between {nodes}', ko: '{nodes} 사이 터널 메시가 완전함' },
  'ovs-health.tunnel-mesh.explanation': {
    en: "Each of the {count} OVN nodes read has a tunnel port to every other one's encap IP.",
    ko: '읽은 OVN 노드 {count}대가 모두 다른 노드 각각의 encap IP로 가는 터널 포트를 갖고 있습니다.',
  },
  'ovs-health.tunnel-missing.to-node.title': { en: 'No node has a tunnel to {node} ({ip})', ko: '{node}({ip})로 가는 터널을 가진 노드가 없음' },
  'ovs-health.tunnel-missing.to-node.explanation': {
    en: "None of {froms} has a geneve/vxlan port to {node}'s encap IP {ip}. VMs on {node} are cut off from the overlay.",
    ko: '{froms} 중 어느 노드에도 {node}의 encap IP {ip}(으)로 가는 geneve/vxlan 포트가 없습니다. {node}의 VM은 오버레이에서 끊겼습니다.',
  },
  'ovs-health.tunnel-missing.to-node.cause': {
    en: '{node} is not registered as a chassis in the southbound database: its ovn-controller is stopped, crashing or cannot reach the SB (or its ovn-encap-ip changed). Every other ovn-controller then removes its tunnel to it.',
    ko: '{node}이(가) southbound 데이터베이스에 chassis로 등록되어 있지 않습니다. ovn-controller가 멈췄거나, 비정상 종료를 반복하거나, SB에 닿지 못합니다(또는 ovn-encap-ip가 바뀌었습니다). 그러면 다른 모든 ovn-controller가 이 노드로 가는 터널을 지웁니다.',
  },
  'ovs-health.tunnel-missing.to-node.next': {
    en: 'On {node}: `ovn-appctl -t ovn-controller connection-status` and the ovn-controller log; on a controller: `ovn-sbctl show` (is {node} listed?). The ovn-health playbook checks both.',
    ko: '{node}에서: `ovn-appctl -t ovn-controller connection-status`와 ovn-controller 로그. 컨트롤러에서: `ovn-sbctl show`({node}이(가) 목록에 있는지). ovn-health 플레이북이 둘 다 확인합니다.',
  },
  'ovs-health.tunnel-missing.both.title': { en: 'No tunnel between {from} and {to} in either direction', ko: '{from}와(과) {to} 사이에 어느 방향으로도 터널이 없음' },
  'ovs-health.tunnel-missing.both.explanation': {
    en: 'Neither {from} ({fromIp}) nor {to} ({toIp}) has a geneve/vxlan port to the other. Overlay traffic between VMs (and routers) on these two nodes cannot flow.',
    ko: '{from}({fromIp})와(과) {to}({toIp}) 모두 서로에게 가는 geneve/vxlan 포트가 없습니다. 두 노드의 VM(과 라우터) 사이 오버레이 트래픽이 흐를 수 없습니다.',
  },
  'ovs-health.tunnel-missing.one.title': { en: '{from} has no tunnel to {to} ({toIp})', ko: '{from}에 {to}({toIp})로 가는 터널이 없음' },
  'ovs-health.tunnel-missing.one.explanation': {
    en: '{from} has no tunnel port with remote_ip {toIp} although {to} has one back. VMs on {from} cannot reach VMs on {to} over the overlay.',
    ko: '{to}에는 되돌아오는 터널이 있지만 {from}에는 remote_ip가 {toIp}인 터널 포트가 없습니다. {from}의 VM이 오버레이로 {to}의 VM에 닿을 수 없습니다.',
  },
  'ovs-health.tunnel-missing.cause': {
    en: 'ovn-controller creates a tunnel to every chassis it sees in the southbound database. A missing tunnel means {why}.',
    ko: 'ovn-controller는 southbound 데이터베이스에 보이는 모든 chassis로 터널을 만듭니다. 터널이 없다는 것은 {why}.',
  },
  'ovs-health.tunnel-missing.why.both': {
    en: 'one of them is not registered as a chassis (its ovn-controller stopped or cannot reach the SB) — a node with no tunnels at all is the usual suspect',
    ko: '둘 중 하나가 chassis로 등록되어 있지 않다는 뜻입니다(ovn-controller가 멈췄거나 SB에 닿지 못함). 터널이 하나도 없는 노드가 보통 범인입니다',
  },
  'ovs-health.tunnel-missing.why.one': {
    en: "{from}'s ovn-controller does not see {to}'s chassis or its encap IP (stale SB data, ovn-controller on {from} disconnected)",
    ko: '{from}의 ovn-controller가 {to}의 chassis나 encap IP를 보지 못한다는 뜻입니다(오래된 SB 데이터, {from}의 ovn-controller 연결 끊김)',
  },
  'ovs-health.tunnel-missing.next': {
    en: 'Run the ovn-health playbook (chassis list and ovn-controller connection), or `ovn-sbctl show` on a controller and `ovn-appctl -t ovn-controller connection-status` on {from} and {to}.',
    ko: 'ovn-health 플레이북(chassis 목록과 ovn-controller 연결)을 실행하거나, 컨트롤러에서 `ovn-sbctl show`, {from}와(과) {to}에서 `ovn-appctl -t ovn-controller connection-status`를 실행하세요.',
  },
};
