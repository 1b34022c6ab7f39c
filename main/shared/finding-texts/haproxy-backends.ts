/** haproxy-backends' finding texts (playbooks/catalogue/haproxy-backends), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const haproxyBackendsTexts: Record<string, Record<Lang, string>> = {
  'haproxy-backends.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'haproxy-backends.not-run.title': { en: 'HAProxy could not be read', ko: 'HAProxy를 읽지 못함' },
  'haproxy-backends.not-run.explanation': { en: 'The HAProxy step did not run to the end ({why}); no backend and no VIP was checked.', ko: 'HAProxy 단계가 끝까지 실행되지 않았습니다({why}). 어떤 백엔드와 VIP도 확인하지 않았습니다.' },
  'haproxy-backends.not-run.none': { en: 'no controller to run it on', ko: '실행할 컨트롤러가 없음' },
  'haproxy-backends.not-here.title': { en: 'Not checked: no HAProxy here', ko: '점검 안 함: 여기에는 HAProxy가 없음' },
  'haproxy-backends.not-here.explanation': {
    en: 'No HAProxy runs on {nodes} and none is configured to (no haproxy process in their network namespace, no haproxy.cfg that proxies anything), and no keepalived holds a VIP: the APIs are reached another way (an ingress, a hardware load balancer, or directly).',
    ko: '{nodes}에서 실행 중인 HAProxy가 없고, 실행하도록 설정된 것도 없습니다(네트워크 네임스페이스에 haproxy 프로세스가 없고, 프록시를 정의한 haproxy.cfg도 없음). VIP를 가진 keepalived도 없습니다. API에는 다른 방법(ingress, 하드웨어 로드 밸런서, 직접 접속)으로 닿습니다.',
  },
  'haproxy-backends.last-check': { en: ' The last health check says {check}.', ko: ' 마지막 헬스 체크 결과: {check}.' },

  'haproxy-backends.backend-down.title': { en: 'HAProxy backend {proxy} has no server up', ko: 'HAProxy 백엔드 {proxy}에 살아 있는 서버가 없음' },
  'haproxy-backends.backend-down.explanation': {
    en: 'Every server of {proxy} ({servers}) fails its health check, as HAProxy on {nodes} sees it: requests to that API through the VIP get 503 Service Unavailable.{check}',
    ko: '{nodes}의 HAProxy가 보기에 {proxy}의 모든 서버({servers})가 헬스 체크에 실패합니다. VIP를 거쳐 그 API로 가는 요청은 503 Service Unavailable을 받습니다.{check}',
  },
  'haproxy-backends.backend-down.cause': {
    en: 'The API service is stopped or crashed on every controller, or it listens on another address or port than the backend names (a config change, a failed restart after an upgrade).',
    ko: '모든 컨트롤러에서 API 서비스가 중지되었거나 죽었습니다. 또는 백엔드에 적힌 것과 다른 주소나 포트에서 듣고 있습니다(설정 변경, 업그레이드 후 재시작 실패).',
  },
  'haproxy-backends.backend-down.next': {
    en: 'on {servers}: is the service of {proxy} running (systemctl status, kolla: docker ps -a) and listening on the address the backend names (ss -ltnp)? Its log says why; HAProxy marks each server UP by itself once its checks pass',
    ko: '{servers}에서: {proxy}의 서비스가 실행 중(systemctl status, kolla: docker ps -a)이고 백엔드에 적힌 주소에서 듣고 있는지(ss -ltnp) 확인하세요. 이유는 그 서비스의 로그에 있습니다. 체크가 통과하면 HAProxy가 각 서버를 스스로 UP으로 돌립니다',
  },
  'haproxy-backends.server-down.title': { en: 'HAProxy: server {server} is DOWN in {proxies}', ko: 'HAProxy: {proxies}의 서버 {server}가 DOWN' },
  'haproxy-backends.server-down.explanation': {
    en: 'HAProxy on {nodes} marks {server} DOWN in {proxies}: the API still answers through the other servers, with less capacity and no spare.{check}',
    ko: '{nodes}의 HAProxy가 {proxies}에서 {server}를 DOWN으로 표시합니다. API는 다른 서버를 통해 여전히 응답하지만, 처리 용량이 줄고 여분이 없습니다.{check}',
  },
  'haproxy-backends.server-down.cause': {
    en: 'That API service is stopped, crashed or hung on that controller, or a firewall blocks the check (Layer4 connection problem: nothing listens; Layer7: it answers with an error).',
    ko: '그 컨트롤러에서 API 서비스가 중지되었거나 죽었거나 멈췄습니다. 또는 방화벽이 헬스 체크를 막습니다(Layer4 connection problem: 듣는 프로세스 없음, Layer7: 오류로 응답).',
  },
  'haproxy-backends.down.next': {
    en: 'on {server}: is the service of {proxy} running (systemctl status, kolla: docker ps -a) and listening (ss -ltnp)? Its log says why; HAProxy marks it UP by itself once checks pass',
    ko: '{server}에서: {proxy}의 서비스가 실행 중(systemctl status, kolla: docker ps -a)이고 포트를 듣고 있는지(ss -ltnp) 확인하세요. 이유는 그 서비스의 로그에 있습니다. 체크가 통과하면 HAProxy가 스스로 UP으로 돌립니다',
  },

  'haproxy-backends.stopped.title': { en: 'HAProxy is configured on {node} but not running', ko: '{node}에 HAProxy가 설정되어 있지만 실행 중이 아님' },
  'haproxy-backends.stopped.explanation': {
    en: '{node} has a haproxy.cfg that proxies the APIs but no haproxy process: if keepalived moves the VIP to {node}, every API behind it becomes unreachable.',
    ko: '{node}에는 API를 프록시하는 haproxy.cfg가 있지만 haproxy 프로세스가 없습니다. keepalived가 VIP를 {node}로 옮기면 그 뒤의 모든 API에 닿을 수 없게 됩니다.',
  },
  'haproxy-backends.stopped.explanation.holder': {
    en: '{node} holds the VIP and has a haproxy.cfg that proxies the APIs, but no haproxy process: every API endpoint on the VIP is unreachable until HAProxy runs again or keepalived moves the VIP.',
    ko: '{node}가 VIP를 갖고 있고 API를 프록시하는 haproxy.cfg도 있지만 haproxy 프로세스가 없습니다. HAProxy가 다시 실행되거나 keepalived가 VIP를 옮길 때까지 VIP의 모든 API 엔드포인트에 닿을 수 없습니다.',
  },
  'haproxy-backends.stopped.cause': {
    en: 'HAProxy stopped or failed to start (a configuration error after a change, a certificate file missing, a port already taken).',
    ko: 'HAProxy가 중지되었거나 시작에 실패했습니다(설정 변경 후 오류, 인증서 파일 없음, 이미 사용 중인 포트).',
  },
  'haproxy-backends.stopped.next': {
    en: 'on {node}: haproxy -c -f /etc/haproxy/haproxy.cfg (kolla: docker logs haproxy), then start it (systemctl start haproxy; kolla: docker start haproxy)',
    ko: '{node}에서: haproxy -c -f /etc/haproxy/haproxy.cfg (kolla: docker logs haproxy)로 확인한 뒤 시작하세요(systemctl start haproxy; kolla: docker start haproxy)',
  },
  'haproxy-backends.stats-unread.title': { en: 'HAProxy stats not read on {node}', ko: '{node}의 HAProxy 통계를 읽지 못함' },
  'haproxy-backends.stats-unread.explanation': {
    en: 'HAProxy on {node} was not asked for its backends: "{line}". Its servers were not checked.',
    ko: '{node}의 HAProxy에 백엔드를 묻지 못했습니다: "{line}". 그 서버들은 확인하지 않았습니다.',
  },

  'haproxy-backends.ok.title': { en: 'HAProxy: every server of {proxies} proxies UP on {nodes}', ko: 'HAProxy: {nodes}에서 프록시 {proxies}개의 모든 서버가 UP' },
  'haproxy-backends.ok.explanation': {
    en: '{servers} server rows in {proxies} proxies, as HAProxy on {nodes} checks them: none is DOWN.',
    ko: '{nodes}의 HAProxy가 확인한 프록시 {proxies}개의 서버 행 {servers}개 중 DOWN인 것이 없습니다.',
  },

  'haproxy-backends.vip.ok.title': { en: 'VIP {vips} is on {node} only', ko: 'VIP {vips}는 {node}에만 있음' },
  'haproxy-backends.vip.ok.explanation.keepalived': {
    en: "keepalived's virtual address {vips} is held by exactly one controller, {node}.",
    ko: 'keepalived의 가상 주소 {vips}를 정확히 컨트롤러 하나({node})가 갖고 있습니다.',
  },
  'haproxy-backends.vip.ok.explanation.binds': {
    en: 'The address {vips} every HAProxy binds is held by exactly one controller, {node}.',
    ko: '모든 HAProxy가 bind하는 주소 {vips}를 정확히 컨트롤러 하나({node})가 갖고 있습니다.',
  },
  'haproxy-backends.vip.split.title': { en: 'VIP split brain: {vips} is on {nodes}', ko: 'VIP split brain: {vips}가 {nodes}에 동시에 있음' },
  'haproxy-backends.vip.split.explanation': {
    en: 'The virtual IP {vips} is configured on {nodes} at once. Switches and clients learn one of them by ARP at random: connections break or land on a controller at random, and API calls fail intermittently.',
    ko: '가상 IP {vips}가 {nodes}에 동시에 설정되어 있습니다. 스위치와 클라이언트는 ARP로 그중 하나를 무작위로 배웁니다. 연결이 끊기거나 아무 컨트롤러에나 닿아 API 호출이 간헐적으로 실패합니다.',
  },
  'haproxy-backends.vip.split.cause': {
    en: 'keepalived on these controllers do not hear each other\'s VRRP adverts (a firewall dropping IP protocol 112, a multicast/unicast peer mismatch, a different virtual_router_id or auth_pass), so each one thinks it is MASTER.',
    ko: '이 컨트롤러들의 keepalived가 서로의 VRRP advert를 듣지 못합니다(IP 프로토콜 112를 버리는 방화벽, multicast/unicast peer 불일치, 다른 virtual_router_id나 auth_pass). 그래서 각자 자기가 MASTER라고 생각합니다.',
  },
  'haproxy-backends.vip.split.next': {
    en: 'on {nodes}: tcpdump -ni <interface> vrrp (each should see the others\' adverts); iptables-save / nft list ruleset | grep -i -e vrrp -e 112; compare virtual_router_id and the peers in keepalived.conf',
    ko: '{nodes}에서: tcpdump -ni <interface> vrrp (서로의 advert가 보여야 함); iptables-save / nft list ruleset | grep -i -e vrrp -e 112; keepalived.conf의 virtual_router_id와 peer를 비교하세요',
  },
  'haproxy-backends.vip.none.title': { en: 'No controller holds the VIP {vips}', ko: 'VIP {vips}를 가진 컨트롤러가 없음' },
  'haproxy-backends.vip.none.explanation.keepalived': {
    en: "keepalived's virtual address {vips} is on none of {nodes}: every API endpoint on that address is unreachable.",
    ko: 'keepalived의 가상 주소 {vips}가 {nodes} 어디에도 없습니다. 그 주소의 모든 API 엔드포인트에 닿을 수 없습니다.',
  },
  'haproxy-backends.vip.none.explanation.binds': {
    en: 'The address {vips} every HAProxy binds is on none of {nodes}: every API endpoint on that address is unreachable.',
    ko: '모든 HAProxy가 bind하는 주소 {vips}가 {nodes} 어디에도 없습니다. 그 주소의 모든 API 엔드포인트에 닿을 수 없습니다.',
  },
  'haproxy-backends.vip.none.cause': {
    en: 'keepalived is stopped on every controller, or every instance is in FAULT state (its tracked interface or check script fails, e.g. a check that HAProxy runs).',
    ko: '모든 컨트롤러에서 keepalived가 중지되었거나, 모든 인스턴스가 FAULT 상태입니다(추적하는 인터페이스나 체크 스크립트가 실패, 예: HAProxy 실행 여부 체크).',
  },
  'haproxy-backends.vip.none.next': {
    en: 'on each controller: systemctl status keepalived (kolla: docker logs keepalived); look for "Entering FAULT STATE" and the check that failed',
    ko: '각 컨트롤러에서: systemctl status keepalived (kolla: docker logs keepalived). "Entering FAULT STATE"와 실패한 체크를 찾으세요',
  },
  'haproxy-backends.vip.unread.title': { en: 'Where the VIP {vips} is could not be checked', ko: 'VIP {vips}의 위치를 확인하지 못함' },
  'haproxy-backends.vip.unread.explanation': {
    en: 'No controller read shows {vips}, but the addresses of {nodes} were not read: it may be there.',
    ko: '읽은 컨트롤러 중에는 {vips}를 가진 곳이 없지만, {nodes}의 주소는 읽지 못했습니다. 거기에 있을 수 있습니다.',
  },
};
