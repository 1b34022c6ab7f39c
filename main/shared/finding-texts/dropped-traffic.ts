/** dropped-traffic's finding texts (playbooks/catalogue/dropped-traffic), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const droppedTrafficTexts: Record<string, Record<Lang, string>> = {
  'dropped-traffic.between.title': {
    en: 'Traffic from {from} to {to} ({what}) is being dropped on {node}: {packets} packets, the last {ago} s ago',
    ko: '{from}에서 {to}로 가는 트래픽({what})이 {node}에서 버려지고 있음: 패킷 {packets}개, 마지막은 {ago}초 전',
  },
  'dropped-traffic.between.explanation': {
    en: "{node}'s datapath has a flow that drops these packets and used it in the last minute: {packets} packets from {from} to {to}, {what}, both ports of this cloud. Whoever sends them (an SSH client, an application, a health check) gets no answer and retries until it times out. The flow is the datapath's cache of OVN's decision: the evidence shows it and the flows before it (conntrack, then the security-group stage).",
    ko: '{node}의 데이터패스에 이 패킷을 버리는 플로우가 있고 최근 1분 안에 쓰였습니다: {from}에서 {to}로 가는 {what} 패킷 {packets}개이며, 두 포트 모두 이 클라우드의 포트입니다. 보내는 쪽(SSH 클라이언트, 애플리케이션, 헬스 체크)은 응답을 받지 못하고 시간이 다 될 때까지 다시 시도합니다. 이 플로우는 OVN이 내린 결정을 데이터패스가 캐시한 것입니다: 증거에 그 플로우와 앞선 플로우(conntrack, 그다음 보안 그룹 단계)가 있습니다.',
  },
  'dropped-traffic.between.cause': {
    en: "No security group rule of {to} allows it, so Neutron's default drop (port group neutron_pg_drop) drops it: a rule was removed or never added, or the port lost a group. Less often port security (a source address the port does not list) or an ACL added to OVN by hand.",
    ko: '{to}의 어떤 보안 그룹 규칙도 이 트래픽을 허용하지 않아 Neutron의 기본 드롭(포트 그룹 neutron_pg_drop)이 버립니다: 규칙이 삭제되었거나 처음부터 없었거나, 포트가 그룹을 잃었습니다. 드물게는 포트 보안(포트에 등록되지 않은 출발지 주소)이나 OVN에 직접 추가한 ACL 때문입니다.',
  },
  'dropped-traffic.between.next': {
    en: 'Name the rule that drops it: run the ovn-trace playbook with source {source}, destination_ip {destination}, protocol {protocol}, destination_port {port}. Then compare the groups of {to} with what should be open: `openstack port show PORT -c security_group_ids`, `openstack security group rule list GROUP`.',
    ko: '버리는 규칙을 확인하세요: ovn-trace 플레이북을 source {source}, destination_ip {destination}, protocol {protocol}, destination_port {port}로 실행합니다. 그다음 {to}의 그룹과 열려 있어야 할 것을 비교하세요: `openstack port show PORT -c security_group_ids`, `openstack security group rule list GROUP`.',
  },
  'dropped-traffic.between.next-any': {
    en: 'Name the rule that drops it: run the ovn-trace playbook with source {source}, destination_ip {destination}, protocol {protocol} and the destination_port the client uses. Then compare the groups of {to} with what should be open: `openstack port show PORT -c security_group_ids`, `openstack security group rule list GROUP`.',
    ko: '버리는 규칙을 확인하세요: ovn-trace 플레이북을 source {source}, destination_ip {destination}, protocol {protocol}, 그리고 클라이언트가 쓰는 destination_port로 실행합니다. 그다음 {to}의 그룹과 열려 있어야 할 것을 비교하세요: `openstack port show PORT -c security_group_ids`, `openstack security group rule list GROUP`.',
  },
  'dropped-traffic.logged.title': {
    en: 'Traffic from {from} to {to} ({what}) is being dropped on {node} by ACL {acl}: {packets} logged in the last {window} min, the last {ago} s ago',
    ko: '{from}에서 {to}로 가는 트래픽({what})이 {node}에서 ACL {acl}에 의해 버려지고 있음: 최근 {window}분 동안 {packets}번 기록, 마지막은 {ago}초 전',
  },
  'dropped-traffic.logged.explanation': {
    en: "ovn-controller on {node} logged {packets} packets from {from} to {to} ({what}) dropped by the ACL {acl} (verdict=drop) in the last {window} minutes: both are ports of this cloud. The ACL logs them because security-group logging is on for it (log=true). Whoever sends them gets no answer and retries until it times out. ACL log lines are rate-limited: more packets may have been dropped than logged.",
    ko: '{node}의 ovn-controller가 최근 {window}분 동안 {from}에서 {to}로 가는 패킷({what}) {packets}개를 ACL {acl}이 버렸다고(verdict=drop) 기록했습니다: 두 포트 모두 이 클라우드의 포트입니다. 이 ACL에 보안 그룹 로깅이 켜져 있어(log=true) 기록됩니다. 보내는 쪽은 응답을 받지 못하고 시간이 다 될 때까지 다시 시도합니다. ACL 로그는 속도 제한이 있어 실제로 버려진 패킷이 기록보다 많을 수 있습니다.',
  },
  'dropped-traffic.few.title': {
    en: 'A few packets from {from} to {to} ({what}) were dropped on {node}: {packets}, the last {ago} s ago',
    ko: '{from}에서 {to}로 가는 패킷({what}) 몇 개가 {node}에서 버려짐: {packets}개, 마지막은 {ago}초 전',
  },
  'dropped-traffic.few.explanation': {
    en: "{node}'s datapath dropped {packets} packets from {from} to {to} ({what}) in the last minute: fewer than {min}, so a stray attempt rather than something retrying. If this pair should talk, it is the same cause as a steady drop.",
    ko: '{node}의 데이터패스가 최근 1분 안에 {from}에서 {to}로 가는 패킷({what}) {packets}개를 버렸습니다: {min}개보다 적어 계속 재시도하는 것이 아니라 한두 번의 시도로 보입니다. 이 두 포트가 통신해야 한다면 원인은 계속 버려질 때와 같습니다.',
  },
  'dropped-traffic.more.title': { en: '{count} more pairs of ports have traffic dropped between them ({packets} packets)', ko: '트래픽이 버려지는 포트 쌍이 {count}개 더 있음 (패킷 {packets}개)' },
  'dropped-traffic.more.explanation': { en: 'Beyond the ones named above: {pairs}.', ko: '위에 적은 것 외에: {pairs}.' },
  'dropped-traffic.none.title': { en: "No traffic between the cloud's ports is being dropped on {count} node(s)", ko: '노드 {count}개에서 클라우드 포트 사이의 트래픽이 버려지지 않음' },
  'dropped-traffic.none.explanation': {
    en: "No datapath flow of {nodes} used in the last minute drops packets between two ports of this cloud. {other} dropped flow chain(s) not between two of its ports (traffic from outside, a tap's own IPv6, a router's traffic) are left out. A drop shows only while something sends: a pair that nobody tried is not proven open.",
    ko: '{nodes}의 데이터패스 플로우 중 최근 1분 안에 이 클라우드의 두 포트 사이 패킷을 버린 것이 없습니다. 두 포트 사이가 아닌 드롭 플로우 체인 {other}개(외부에서 온 트래픽, tap 자신의 IPv6, 라우터의 트래픽)는 제외했습니다. 드롭은 무언가 보낼 때만 보이므로, 아무도 시도하지 않은 쌍이 열려 있다는 뜻은 아닙니다.',
  },
  'dropped-traffic.unread.title': { en: 'Dropped traffic not checked on {nodes}', ko: '{nodes}에서 버려지는 트래픽을 점검하지 못함' },
  'dropped-traffic.unread.explanation': { en: 'The datapath flows were not read to the end: {why}.', ko: '데이터패스 플로우를 끝까지 읽지 못했습니다: {why}.' },
  'dropped-traffic.ports-unread.title': { en: "Dropped traffic not checked: the cloud's ports were not read", ko: '버려지는 트래픽을 점검하지 못함: 클라우드의 포트를 읽지 못함' },
  'dropped-traffic.ports-unread.explanation': {
    en: "The OVN Northbound's ports were not read, so a drop cannot be told to be between two instances or from outside.",
    ko: 'OVN Northbound의 포트를 읽지 못해, 드롭이 두 인스턴스 사이의 것인지 외부에서 온 것인지 가릴 수 없습니다.',
  },
  'dropped-traffic.not-run.title': { en: 'Dropped traffic not checked: no compute or network node ran the step', ko: '버려지는 트래픽을 점검하지 못함: 단계를 실행한 컴퓨트나 네트워크 노드가 없음' },
  'dropped-traffic.not-run.explanation': { en: 'No datapath was read.', ko: '데이터패스를 하나도 읽지 못했습니다.' },
};
