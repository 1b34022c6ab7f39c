/** port-binding's finding texts (playbooks/catalogue/port-binding), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const portBindingTexts: Record<string, Record<Lang, string>> = {
  'port-binding.none': { en: 'none', ko: '없음' },
  'port-binding.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'port-binding.step.incomplete': { en: 'the step did not complete ({why})', ko: '단계가 끝나지 않음({why})' },
  'port-binding.step.not-run': { en: 'the step did not run', ko: '단계가 실행되지 않음' },
  'port-binding.active': { en: ' Its server is ACTIVE, so Nova believes it is running with this port.', ko: ' 서버가 ACTIVE이므로 Nova는 이 포트로 실행 중이라고 봅니다.' },

  // No Nova or Neutron here.
  'port-binding.not-here.title': { en: 'No Nova or Neutron in this cloud (not checked)', ko: '이 클라우드에는 Nova나 Neutron이 없음(점검 안 함)' },
  'port-binding.not-here.explanation': {
    en: 'The openstack client on {node} reaches no Compute or Networking API (none in the catalog, or the client is pinned to another service\'s endpoint), so there are no instance ports to check.',
    ko: '{node}의 openstack 클라이언트가 Compute나 Networking API에 닿지 않습니다(카탈로그에 없거나, 클라이언트가 다른 서비스의 엔드포인트에 고정됨). 점검할 인스턴스 포트가 없습니다.',
  },

  // The lists could not be read.
  'port-binding.list.skipped.title': { en: 'Servers and ports could not be listed', ko: '서버와 포트 목록을 읽지 못함' },
  'port-binding.list.not-run.explanation': {
    en: 'Could not list servers and ports: {why}. No port binding was checked.',
    ko: '서버와 포트 목록을 읽지 못했습니다: {why}. 어떤 포트 바인딩도 확인하지 않았습니다.',
  },
  'port-binding.list.failed.explanation': {
    en: 'Could not list servers and ports on {node}: {line}. No port binding was checked.',
    ko: '{node}에서 서버와 포트 목록을 읽지 못했습니다: {line}. 어떤 포트 바인딩도 확인하지 않았습니다.',
  },
  'port-binding.list.cause.no-credentials': {
    en: 'The openstack client on this node has no credentials: source an admin openrc (or set OS_CLOUD) for the user Stackscope connects as.',
    ko: '이 노드의 openstack 클라이언트에 자격 증명이 없습니다. Stackscope가 접속하는 사용자에게 admin openrc를 source하세요(또는 OS_CLOUD 설정).',
  },
  'port-binding.list.cause.rejected': {
    en: 'The credentials are rejected or lack the admin role (listing every project\'s servers is admin-only).',
    ko: '자격 증명이 거부되었거나 admin 역할이 없습니다(모든 프로젝트의 서버 목록은 admin 전용).',
  },
  'port-binding.list.cause.unreachable': {
    en: 'The Nova or Neutron API is unreachable from this node or answers with an error.',
    ko: '이 노드에서 Nova나 Neutron API에 닿지 않거나 오류로 응답합니다.',
  },
  'port-binding.list.next': {
    en: 'openstack endpoint list; openstack server list --all-projects; openstack port list --device-owner compute:nova',
    ko: '엔드포인트와 목록 확인: openstack endpoint list; openstack server list --all-projects; openstack port list --device-owner compute:nova',
  },
  'port-binding.chassis.skipped.title': { en: 'OVN chassis could not be read for the port bindings', ko: '포트 바인딩 확인용 OVN chassis를 읽지 못함' },
  'port-binding.chassis.skipped.explanation': {
    en: 'The southbound Chassis table could not be read ({why}): bridge mappings and chassis hostnames were not compared with the ports and Nova hosts.',
    ko: 'southbound Chassis 테이블을 읽지 못했습니다({why}). 브리지 매핑과 chassis hostname을 포트·Nova 호스트와 비교하지 않았습니다.',
  },

  // Where a port's network can be bound.
  'port-binding.net.unknown': { en: 'Its network was not read.', ko: '포트의 네트워크는 읽지 못했습니다.' },
  'port-binding.net.overlay': {
    en: 'Its network {net} is a {type} network (no physical network), which any host with an OVN chassis can bind.',
    ko: '포트의 네트워크 {net}은(는) {type} 네트워크(물리 네트워크 없음)로, OVN chassis가 있는 호스트라면 어디서든 바인딩할 수 있습니다.',
  },
  'port-binding.net.physnet.unread': {
    en: 'Its network {net} is a {type} provider network on physical network {physnet}; the chassis bridge mappings were not read.',
    ko: '포트의 네트워크 {net}은(는) 물리 네트워크 {physnet}의 {type} 프로바이더 네트워크입니다. chassis 브리지 매핑은 읽지 못했습니다.',
  },
  'port-binding.net.physnet.none': {
    en: 'Its network {net} is a {type} provider network on physical network {physnet}, and no OVN chassis has a bridge mapping for {physnet} (ovn-bridge-mappings: {mappings}): no host can bind a port of this network.',
    ko: '포트의 네트워크 {net}은(는) 물리 네트워크 {physnet}의 {type} 프로바이더 네트워크인데, {physnet}에 대한 브리지 매핑을 가진 OVN chassis가 없습니다(ovn-bridge-mappings: {mappings}). 이 네트워크의 포트는 어느 호스트에서도 바인딩할 수 없습니다.',
  },
  'port-binding.net.physnet.some': {
    en: 'Its network {net} is a {type} provider network on physical network {physnet}, which only these chassis map: {hosts}.',
    ko: '포트의 네트워크 {net}은(는) 물리 네트워크 {physnet}의 {type} 프로바이더 네트워크이며, 이를 매핑한 chassis는 {hosts}뿐입니다.',
  },
  'port-binding.cause.unknown': {
    en: 'Neutron refused every binding for the host Nova picked; the neutron-server log says why.',
    ko: 'Nova가 고른 호스트에 대해 Neutron이 모든 바인딩을 거부했습니다. 이유는 neutron-server 로그에 있습니다.',
  },
  'port-binding.cause.overlay': {
    en: 'The host Nova picked has no OVN chassis under the name Nova and Neutron use (binding:host_id must equal the chassis hostname), or its chassis is gone (ovn-controller stopped).',
    ko: 'Nova가 고른 호스트에 Nova·Neutron이 쓰는 이름의 OVN chassis가 없거나(binding:host_id는 chassis hostname과 같아야 함), chassis가 사라졌습니다(ovn-controller 중지).',
  },
  'port-binding.cause.physnet.unread': {
    en: 'Most likely the chosen host has no bridge mapping for {physnet} (ovn-bridge-mappings); the chassis could not be read to confirm it.',
    ko: '고른 호스트에 {physnet}의 브리지 매핑(ovn-bridge-mappings)이 없을 가능성이 큽니다. chassis를 읽지 못해 확인하지는 못했습니다.',
  },
  'port-binding.cause.physnet.none': {
    en: 'Network {net} was created on physical network {physnet}, but no compute maps {physnet} to a bridge: either the network names the wrong physnet, or the computes meant to carry it lack {physnet} in ovn-bridge-mappings.',
    ko: '네트워크 {net}은(는) 물리 네트워크 {physnet}에 만들어졌지만, {physnet}을(를) 브리지에 매핑한 컴퓨트가 없습니다. 네트워크의 physnet이 잘못되었거나, 이 네트워크를 맡을 컴퓨트의 ovn-bridge-mappings에 {physnet}이(가) 빠졌습니다.',
  },
  'port-binding.cause.physnet.some': {
    en: 'Nova placed the instance on a host that does not map {physnet}: the scheduler does not know which hosts carry which physical network (no aggregate or trait keeps such instances on the mapped hosts).',
    ko: 'Nova가 {physnet}을(를) 매핑하지 않은 호스트에 인스턴스를 배치했습니다. 스케줄러는 어느 호스트가 어떤 물리 네트워크를 맡는지 모릅니다(그런 인스턴스를 매핑된 호스트에 두는 aggregate나 trait가 없음).',
  },
  'port-binding.next.log': {
    en: 'grep the neutron-server log for "Refusing to bind port" or "Failed to bind port"',
    ko: 'neutron-server 로그에서 "Refusing to bind port" 또는 "Failed to bind port"를 찾아보세요',
  },
  'port-binding.next.mappings': {
    en: 'add {physnet} to ovn-bridge-mappings on the computes that should carry it (ovs-vsctl set Open_vSwitch . external_ids:ovn-bridge-mappings=<existing>,{physnet}:<bridge>), or use a network those computes map',
    ko: '이 네트워크를 맡을 컴퓨트의 ovn-bridge-mappings에 {physnet}을(를) 추가하거나(ovs-vsctl set Open_vSwitch . external_ids:ovn-bridge-mappings=<기존값>,{physnet}:<브리지>), 컴퓨트가 매핑한 네트워크를 쓰세요',
  },

  // A server in ERROR because its port could not be bound.
  'port-binding.server-error.title': {
    en: 'Server {server} is in ERROR: Neutron could not bind its port {port} (network {net})',
    ko: '서버 {server}이(가) ERROR: Neutron이 포트 {port}을(를) 바인딩하지 못함(네트워크 {net})',
  },
  'port-binding.server-error.explanation': {
    en: 'Nova gave up building {server}: "{fault}". The port is {port}. {where}',
    ko: 'Nova가 {server} 생성을 포기했습니다: "{fault}". 포트는 {port}입니다. {where}',
  },
  'port-binding.server-error.next': {
    en: '{fix}; then rebuild the server (openstack server delete, then create it again); openstack port show {port}',
    ko: '{fix}. 그다음 서버를 다시 만드세요(openstack server delete 후 다시 create). openstack port show {port}',
  },

  // A port with binding_failed.
  'port-binding.failed.title': { en: 'Port {port} could not be bound on {host} (network {net})', ko: '포트 {port}을(를) {host}에 바인딩하지 못함(네트워크 {net})' },
  'port-binding.failed.explanation': {
    en: 'Neutron set binding:vif_type=binding_failed on port {port} of {server} for host {host}. {where}{active}',
    ko: 'Neutron이 {server}의 포트 {port}에 호스트 {host}용 binding:vif_type=binding_failed를 설정했습니다. {where}{active}',
  },
  'port-binding.failed.next': {
    en: '{fix}; to retry, change the binding host (openstack port unset --host {port}, then set --host again)',
    ko: '{fix}. 다시 시도하려면 바인딩 호스트를 바꾸세요(openstack port unset --host {port} 후 다시 set --host)',
  },

  // A port without a binding while its server is ACTIVE.
  'port-binding.unbound.title': { en: 'Port {port} of ACTIVE server {server} is not bound to any host', ko: 'ACTIVE 서버 {server}의 포트 {port}이(가) 어떤 호스트에도 바인딩되지 않음' },
  'port-binding.unbound.explanation': {
    en: 'Nova runs {server} on {host}, but its port {port} has no binding host: OVN has no chassis to put it on, so the instance has no network on that port.',
    ko: 'Nova는 {server}을(를) {host}에서 실행 중이지만 포트 {port}에는 바인딩 호스트가 없습니다. OVN이 포트를 둘 chassis가 없어 인스턴스는 그 포트로 통신할 수 없습니다.',
  },
  'port-binding.unbound.cause': {
    en: 'The binding was removed (a failed migration or resize that unbound it, or an operator) and Nova did not bind it again.',
    ko: '바인딩이 지워졌고(실패한 마이그레이션이나 resize, 또는 운영자) Nova가 다시 바인딩하지 않았습니다.',
  },
  'port-binding.unbound.next': {
    en: 'openstack port show {port}; bind it back to the host Nova runs it on (openstack port set --host {host} {port}) or hard-reboot the server',
    ko: 'openstack port show {port}; Nova가 실행 중인 호스트로 다시 바인딩하거나(openstack port set --host {host} {port}) 서버를 hard reboot 하세요',
  },

  // A bound port that stays DOWN.
  'port-binding.down.title': { en: 'Port {port} of ACTIVE server {server} is DOWN on {host}', ko: 'ACTIVE 서버 {server}의 포트 {port}이(가) {host}에서 DOWN' },
  'port-binding.down.explanation': {
    en: 'Port {port} is bound to {host} but DOWN while its server {server} is ACTIVE: OVN has not reported it up, so no traffic flows on it.',
    ko: '포트 {port}은(는) {host}에 바인딩되었지만, 서버 {server}이(가) ACTIVE인데도 DOWN입니다. OVN이 포트를 up으로 보고하지 않아 트래픽이 흐르지 않습니다.',
  },
  'port-binding.down.cause': {
    en: 'ovn-controller on {host} has not claimed the port: it is stopped or disconnected, its chassis is gone, or the instance\'s interface is not plugged into br-int.',
    ko: '{host}의 ovn-controller가 포트를 claim하지 않았습니다. 멈췄거나 연결이 끊겼거나, chassis가 사라졌거나, 인스턴스의 인터페이스가 br-int에 연결되지 않았습니다.',
  },
  'port-binding.down.next': {
    en: 'run the ovn-health playbook; on {host}: ovs-vsctl --columns=name,external_ids find Interface external_ids:iface-id={port}',
    ko: 'ovn-health 플레이북을 실행하고, {host}에서 ovs-vsctl --columns=name,external_ids find Interface external_ids:iface-id={port}를 확인하세요',
  },

  // A Nova host with no chassis.
  'port-binding.no-chassis.title': { en: 'Nova runs {count} server(s) on {host}, which has no OVN chassis', ko: 'Nova가 OVN chassis가 없는 {host}에서 서버 {count}개를 실행 중' },
  'port-binding.no-chassis.explanation': {
    en: 'ACTIVE servers on {host} ({servers}), but no OVN chassis has that hostname (chassis: {chassis}): their ports cannot be bound or re-bound there, and new instances on {host} fail to get a port.',
    ko: '{host}에 ACTIVE 서버({servers})가 있지만 그 hostname의 OVN chassis가 없습니다(chassis: {chassis}). 그 서버의 포트는 그곳에 바인딩·재바인딩될 수 없고, {host}의 새 인스턴스는 포트를 받지 못합니다.',
  },
  'port-binding.no-chassis.cause': {
    en: 'ovn-controller on {host} is stopped (a clean exit removes its chassis), or its chassis registered under another hostname than Nova uses (OVS external_ids:hostname).',
    ko: '{host}의 ovn-controller가 멈췄거나(정상 종료는 chassis를 지움), chassis가 Nova와 다른 hostname(OVS external_ids:hostname)으로 등록되었습니다.',
  },
  'port-binding.no-chassis.next': {
    en: 'run the ovn-health playbook; on {host}: ovs-vsctl get Open_vSwitch . external_ids:hostname and the ovn-controller service',
    ko: 'ovn-health 플레이북을 실행하고, {host}에서 ovs-vsctl get Open_vSwitch . external_ids:hostname과 ovn-controller 서비스를 확인하세요',
  },

  // All fine.
  'port-binding.ok.title': { en: '{active} of {count} instance ports are ACTIVE; no failed binding', ko: '인스턴스 포트 {count}개 중 {active}개 ACTIVE, 실패한 바인딩 없음' },
  'port-binding.ok.explanation': {
    en: 'No server is in ERROR for a port binding and no port of an ACTIVE server is unbound or failed; the {servers} ACTIVE servers run on hosts that each have one of the {chassis} OVN chassis.',
    ko: '포트 바인딩 때문에 ERROR인 서버가 없고, ACTIVE 서버의 포트 중 바인딩 안 됨·실패가 없습니다. ACTIVE 서버 {servers}개는 모두 OVN chassis {chassis}개 중 하나가 있는 호스트에서 실행 중입니다.',
  },
  'port-binding.ok.explanation.no-chassis': {
    en: 'No server is in ERROR for a port binding and no port of an ACTIVE server is unbound or failed ({servers} ACTIVE servers); the chassis were not read.',
    ko: '포트 바인딩 때문에 ERROR인 서버가 없고, ACTIVE 서버의 포트 중 바인딩 안 됨·실패가 없습니다(ACTIVE 서버 {servers}개). chassis는 읽지 못했습니다.',
  },
};
