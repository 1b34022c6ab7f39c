/** mtu's finding texts (playbooks/catalogue/mtu), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const mtuTexts: Record<string, Record<Lang, string>> = {
  'mtu.fit.title': { en: '{node}: {count} tenant network(s) too large for the tunnel on {iface} (MTU {underlay})', ko: '{node}: 테넌트 네트워크 {count}개가 {iface}(MTU {underlay})의 터널에 비해 너무 큼' },
  'mtu.fit.explanation': {
    en: 'A full-size packet of {networks} is {mtu} bytes; wrapped in {type} it needs {need} bytes ({overhead} of overhead), but the tunnel leaves {node} through {iface}, whose MTU is {underlay}: at most {max} fits. Larger packets are dropped (or fragmented): ping and small requests work, SSH hangs after login, pip/apt downloads and TLS handshakes stall.',
    ko: '{networks}의 최대 크기 패킷은 {mtu}바이트이고, {type}로 감싸면 {need}바이트(오버헤드 {overhead})가 필요합니다. 그런데 터널은 MTU가 {underlay}인 {iface}를 통해 {node}를 나가므로 최대 {max}까지만 들어갑니다. 더 큰 패킷은 버려지거나 조각납니다: ping과 작은 요청은 되지만 SSH가 로그인 뒤 멈추고 pip/apt 다운로드와 TLS 핸드셰이크가 멈춥니다.',
  },
  'mtu.fit.cause': {
    en: 'Neutron\'s global_physnet_mtu (or path_mtu) is larger than the real underlay MTU, or the underlay interface lost its jumbo MTU (a netplan/ifupdown change, a new NIC or bond); networks created before a change keep their old MTU.',
    ko: 'Neutron의 global_physnet_mtu(또는 path_mtu)가 실제 언더레이 MTU보다 크거나, 언더레이 인터페이스의 점보 MTU가 사라졌습니다(netplan/ifupdown 변경, 새 NIC나 본드). 변경 전에 만든 네트워크는 예전 MTU를 유지합니다.',
  },
  'mtu.fit.next': {
    en: 'Prove it from an instance on such a network: `ping -M do -s $(({mtu} - 28)) PEER` fails while `ping -M do -s $(({max} - 28)) PEER` passes. Then raise {iface}\'s MTU on {node} (and the switch ports) to at least {need}, or set global_physnet_mtu to {underlay} and lower the networks (`openstack network set --mtu {max} NET`; instances pick it up on DHCP renewal or reboot).',
    ko: '그런 네트워크의 인스턴스에서 확인하세요: `ping -M do -s $(({mtu} - 28)) PEER`는 실패하고 `ping -M do -s $(({max} - 28)) PEER`는 성공합니다. 그다음 {node}의 {iface} MTU(와 스위치)를 {need} 이상으로 올리거나, global_physnet_mtu를 {underlay}로 맞추고 네트워크 MTU를 낮추세요(`openstack network set --mtu {max} NET`; 인스턴스는 DHCP 갱신이나 재부팅 때 반영).',
  },
  'mtu.mismatch.title': { en: 'Tunnel interfaces have {count} different MTUs across computes ({mtus})', ko: '컴퓨트마다 터널 인터페이스 MTU가 {count}가지로 다름 ({mtus})' },
  'mtu.mismatch.explanation': { en: 'The interfaces the tunnels leave from do not agree: {by}. Traffic between two computes can use only the smaller one, so networks sized for the larger drop packets on some paths only.', ko: '터널이 나가는 인터페이스의 MTU가 서로 다릅니다: {by}. 두 컴퓨트 사이의 트래픽은 작은 쪽만 쓸 수 있으므로, 큰 쪽에 맞춘 네트워크는 일부 경로에서만 패킷을 버립니다.' },
  'mtu.mismatch.cause': { en: 'One node configured differently (a missed jumbo-frame setting, a replaced NIC, a different bond or VLAN interface).', ko: '한 노드만 설정이 다릅니다(빠뜨린 점보 프레임 설정, 교체된 NIC, 다른 본드나 VLAN 인터페이스).' },
  'mtu.mismatch.next': { en: 'Set the same MTU on every tunnel interface (and the switch ports between them), then check with `ping -M do -s <MTU-28>` between the tunnel addresses.', ko: '모든 터널 인터페이스(와 그 사이 스위치 포트)에 같은 MTU를 설정한 뒤, 터널 주소 사이에서 `ping -M do -s <MTU-28>`로 확인하세요.' },
  'mtu.same.title': { en: 'The tunnel interfaces of {count} nodes agree: MTU {mtu}', ko: '노드 {count}개의 터널 인터페이스 MTU가 같음: {mtu}' },
  'mtu.same.explanation': { en: 'Every node\'s tunnel leaves through an interface with the same MTU ({tunnels}), so no path between them is smaller than another.', ko: '모든 노드의 터널이 같은 MTU의 인터페이스로 나가므로({tunnels}) 어떤 경로도 다른 경로보다 작지 않습니다.' },
  'mtu.ok.title': { en: '{count} tenant network(s) (largest MTU {mtu}) fit the tunnels of {nodes} node(s)', ko: '테넌트 네트워크 {count}개(최대 MTU {mtu})가 노드 {nodes}개의 터널에 들어감' },
  'mtu.ok.explanation': { en: 'Every tunnelled network\'s MTU plus the tunnel overhead fits the underlay interface: {tunnels} (node, interface, MTU, tunnel type and overhead). {providers} provider network(s) with a localnet port are not tunnelled and were left out.', ko: '터널을 타는 모든 네트워크의 MTU에 터널 오버헤드를 더해도 언더레이 인터페이스에 들어갑니다: {tunnels}(노드, 인터페이스, MTU, 터널 종류와 오버헤드). localnet 포트가 있는 provider 네트워크 {providers}개는 터널을 타지 않아 제외했습니다.' },
  'mtu.no-networks.title': { en: 'No tenant network with an MTU in OVN: nothing to fit into the tunnels of {nodes} node(s)', ko: 'OVN에 MTU가 있는 테넌트 네트워크가 없음: 노드 {nodes}개의 터널과 비교할 것 없음' },
  'mtu.no-networks.explanation': { en: 'No Logical_Switch carries neutron:mtu outside the {providers} provider network(s) (no Neutron here, or only provider networks). The tunnel interfaces read: {tunnels}.', ko: 'provider 네트워크 {providers}개 외에는 neutron:mtu가 있는 Logical_Switch가 없습니다(Neutron이 없거나 provider 네트워크뿐). 읽은 터널 인터페이스: {tunnels}.' },
  'mtu.no-tunnel.title': { en: 'No tunnel endpoint found on {nodes}', ko: '{nodes}에서 터널 끝점을 찾지 못함' },
  'mtu.no-tunnel.explanation': { en: 'None of the {count} Encap address(es) in the OVN Southbound DB is an address of these nodes (not an OVN chassis, or its tunnel address is on another node): their underlay was not compared.', ko: 'OVN Southbound DB의 Encap 주소 {count}개 중 어느 것도 이 노드의 주소가 아닙니다(OVN chassis가 아니거나 터널 주소가 다른 곳에 있음). 이 노드의 언더레이는 비교하지 않았습니다.' },
  'mtu.db.title': { en: 'Could not read the OVN {db} DB for the MTU check', ko: 'MTU 확인을 위한 OVN {db} DB를 읽지 못함' },
  'mtu.db.explanation': { en: 'The query of the {db} database failed or printed nothing usable (its error is quoted): network MTUs were not compared with the tunnels.', ko: '{db} 데이터베이스 조회가 실패했거나 쓸 만한 출력이 없습니다(오류 인용). 네트워크 MTU를 터널과 비교하지 못했습니다.' },
  'mtu.not-run.title': { en: 'MTU was not checked', ko: 'MTU를 확인하지 않음' },
  'mtu.not-run.explanation': { en: 'No node ran the steps (no controller or compute answered).', ko: '단계를 실행한 노드가 없습니다(응답한 컨트롤러나 컴퓨트 없음).' },
};
