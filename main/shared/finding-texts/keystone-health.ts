/** keystone-health's finding texts (playbooks/catalogue/keystone-health), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const keystoneHealthTexts: Record<string, Record<Lang, string>> = {
  // Fernet key sets, compared by hashes made on the nodes.
  'keystone-health.keys.same.title': { en: 'Fernet keys are the same on {count} Keystone node(s)', ko: 'Keystone 노드 {count}개의 Fernet 키가 같음' },
  'keystone-health.keys.same.explanation': {
    en: '{nodes} hold the same Fernet keys ({keys}; primary key {primary}; the staged key 0 may differ, as Keystone allows), compared by hashes made on each node: a token any of them issues is valid on all.',
    ko: '{nodes}이(가) 같은 Fernet 키({keys}, primary 키 {primary}, staged 키 0은 Keystone이 허용하듯 다를 수 있음)를 갖고 있습니다(각 노드에서 만든 해시로 비교). 어느 노드가 발급한 토큰이든 모든 노드에서 유효합니다.',
  },
  'keystone-health.keys.one.explanation': {
    en: 'Only {nodes} answered, with Fernet keys {keys} (primary key {primary}); there is no other Keystone node to compare with.',
    ko: '{nodes}만 응답했고 Fernet 키는 {keys}(primary 키 {primary})입니다. 비교할 다른 Keystone 노드가 없습니다.',
  },
  'keystone-health.keys.differ.title': { en: 'Fernet keys on {node} differ from {others}', ko: '{node}의 Fernet 키가 {others}와(과) 다름' },
  'keystone-health.keys.differ.explanation': {
    en: '{node} holds Fernet keys {mine} in {dir}, {others} hold keys {theirs}, and the hashes of the files differ (compared on the nodes; no key was read). {consequences}',
    ko: '{node}은(는) {dir}에 Fernet 키 {mine}을(를), {others}은(는) 키 {theirs}을(를) 갖고 있으며 파일 해시가 다릅니다(노드에서 비교했고 키는 읽지 않았습니다). {consequences}',
  },
  'keystone-health.keys.differ.they-refuse': {
    en: 'Tokens {node} issues (signed with its primary key {primary}) are refused by {others}, which do not have that key.',
    ko: '{node}이(가) 발급하는 토큰(primary 키 {primary}로 서명)은 그 키가 없는 {others}에서 거부됩니다.',
  },
  'keystone-health.keys.differ.it-refuses': {
    en: 'Tokens {others} issue (primary key {primary}) are refused by {node}, which does not have their key.',
    ko: '{others}이(가) 발급하는 토큰(primary 키 {primary})은 그 키가 없는 {node}에서 거부됩니다.',
  },
  'keystone-health.keys.differ.secondary': {
    en: 'The primary keys are shared, so new tokens validate; older keys differ, so tokens signed before the last rotation are refused on some nodes.',
    ko: 'primary 키는 공유되어 새 토큰은 검증되지만, 이전 키가 달라 마지막 키 교체 전에 서명된 토큰은 일부 노드에서 거부됩니다.',
  },
  'keystone-health.keys.differ.cause': {
    en: 'The keys were rotated on one node only (keystone-manage fernet_rotate run by hand or by a cron job on one controller), or a node was rebuilt or restored without copying the key repository; in Kolla the keystone_fernet container distributes them over SSH and may have failed.',
    ko: '한 노드에서만 키를 교체했거나(keystone-manage fernet_rotate를 직접 또는 한 컨트롤러의 cron으로 실행), 노드를 다시 만들거나 복원하면서 키 저장소를 복사하지 않았습니다. Kolla에서는 keystone_fernet 컨테이너가 SSH로 키를 배포하는데 그것이 실패했을 수 있습니다.',
  },
  'keystone-health.keys.differ.next.packages': {
    en: 'Copy the key repository of {from} to {node} (rsync -a --delete {dir}/ {node}:{dir}/, owner keystone, mode 0700), restart Keystone there, and keep fernet_rotate on one node that distributes its keys.',
    ko: '{from}의 키 저장소를 {node}에 복사하고(rsync -a --delete {dir}/ {node}:{dir}/, 소유자 keystone, 권한 0700) 그곳의 Keystone을 재시작한 뒤, fernet_rotate는 키를 배포하는 한 노드에서만 실행하세요.',
  },
  'keystone-health.keys.differ.next.kolla': {
    en: "Re-distribute the keys from {from}: docker exec keystone_fernet /usr/bin/fernet-push.sh (or kolla-ansible -i INVENTORY deploy --tags keystone), then check that the keystone_fernet container's cron runs on one node only.",
    ko: '{from}의 키를 다시 배포하세요: docker exec keystone_fernet /usr/bin/fernet-push.sh (또는 kolla-ansible -i INVENTORY deploy --tags keystone). 그 뒤 keystone_fernet 컨테이너의 cron이 한 노드에서만 도는지 확인하세요.',
  },
  'keystone-health.keys.differ.next.openstack-helm': {
    en: 'All keystone-api pods should mount the same Secret (keystone-fernet-keys): compare kubectl -n openstack get secret keystone-fernet-keys -o yaml with what {node} mounts, and restart the pod on {node} (kubectl -n openstack delete pod …) once the Secret is right.',
    ko: '모든 keystone-api 파드가 같은 Secret(keystone-fernet-keys)을 마운트해야 합니다. kubectl -n openstack get secret keystone-fernet-keys -o yaml과 {node}의 마운트를 비교하고, Secret이 맞으면 {node}의 파드를 다시 시작하세요(kubectl -n openstack delete pod …).',
  },
  'keystone-health.keys.unread.title': { en: 'Fernet keys could not be read on {nodes}', ko: '{nodes}에서 Fernet 키를 읽지 못함' },
  'keystone-health.keys.unread.explanation': {
    en: 'The Fernet key repository on {nodes} is missing, empty or not readable where Keystone reads it, so its keys were not compared.',
    ko: '{nodes}의 Fernet 키 저장소가 Keystone이 읽는 위치에 없거나, 비어 있거나, 읽을 수 없어 키를 비교하지 못했습니다.',
  },
  'keystone-health.keys.unread.next': {
    en: 'Check [fernet_tokens] key_repository in keystone.conf and that the folder exists and is readable by root (Kolla: in the keystone container; openstack-helm: in the keystone-api pod).',
    ko: 'keystone.conf의 [fernet_tokens] key_repository와 그 폴더가 있고 root가 읽을 수 있는지 확인하세요(Kolla는 keystone 컨테이너 안, openstack-helm은 keystone-api 파드 안).',
  },
  'keystone-health.absent.title': { en: 'No Keystone on {nodes}', ko: '{nodes}에 Keystone 없음' },
  'keystone-health.absent.explanation': {
    en: 'Neither keystone.conf nor a Fernet key repository is there: this cluster runs no Keystone on these nodes, so nothing about tokens was checked.',
    ko: 'keystone.conf도 Fernet 키 저장소도 없습니다. 이 노드들에는 Keystone이 없으므로 토큰은 확인하지 않았습니다.',
  },

  // Tokens issued and checked.
  'keystone-health.tokens.ok.title': { en: 'Tokens: the VIP and {count} Keystone node(s) issue tokens the others accept', ko: '토큰: VIP와 Keystone 노드 {count}개가 발급한 토큰을 다른 노드가 받아들임' },
  'keystone-health.tokens.ok.explanation': {
    en: 'A token issued through the VIP was accepted in all {vip} checks, and each of {count} Keystone nodes issued one accepted by every other node ({checks} checks).',
    ko: 'VIP로 발급한 토큰이 {vip}번의 검증에서 모두 받아들여졌고, Keystone 노드 {count}개가 각각 발급한 토큰을 다른 모든 노드가 받아들였습니다(검증 {checks}번).',
  },
  'keystone-health.tokens.vip-only.title': { en: 'Tokens: the VIP issues tokens and accepts them', ko: '토큰: VIP가 토큰을 발급하고 받아들임' },
  'keystone-health.tokens.vip-only.explanation': {
    en: "A token issued through the VIP was accepted in all {vip} checks. The Keystone nodes themselves were not asked one by one: no HAProxy server of Keystone was found on this controller.",
    ko: 'VIP로 발급한 토큰이 {vip}번의 검증에서 모두 받아들여졌습니다. 이 컨트롤러에서 Keystone의 HAProxy 서버를 찾지 못해 Keystone 노드를 하나씩 확인하지는 않았습니다.',
  },
  'keystone-health.tokens.failed.title': { en: 'Tokens could not be checked', ko: '토큰을 확인하지 못함' },
  'keystone-health.tokens.failed.explanation': {
    en: 'The token step ended with exit code {code} before it printed its results; no token was checked.',
    ko: '토큰 단계가 결과를 출력하기 전에 종료 코드 {code}로 끝났습니다. 토큰은 확인하지 않았습니다.',
  },
  'keystone-health.tokens.no-credentials.title': { en: 'Tokens could not be checked: no usable admin credentials', ko: '토큰을 확인하지 못함: 쓸 수 있는 admin 자격 증명 없음' },
  'keystone-health.tokens.no-credentials.explanation': {
    en: 'No token could be issued with the credentials on this controller (no password in them, or Keystone refused them), so the VIP and the Keystone nodes were not asked.',
    ko: '이 컨트롤러의 자격 증명으로 토큰을 발급하지 못했습니다(비밀번호가 없거나 Keystone이 거부함). 그래서 VIP와 Keystone 노드에 묻지 않았습니다.',
  },
  'keystone-health.tokens.no-credentials.next': {
    en: 'Give the cluster admin credentials (stackscope cluster update NAME --credentials …) and check them with openstack token issue on the controller.',
    ko: '클러스터에 admin 자격 증명을 지정하고(stackscope cluster update NAME --credentials …) 컨트롤러에서 openstack token issue로 확인하세요.',
  },
  'keystone-health.vip.issue.title': { en: 'No token through the Keystone VIP (HTTP {code})', ko: 'Keystone VIP로 토큰 발급 실패 (HTTP {code})' },
  'keystone-health.vip.issue.explanation': {
    en: 'POST {url}/auth/tokens answered HTTP {code} (000: no answer): clients and every service that authenticates through this address fail.',
    ko: 'POST {url}/auth/tokens가 HTTP {code}(000은 응답 없음)로 답했습니다. 이 주소로 인증하는 클라이언트와 모든 서비스가 실패합니다.',
  },
  'keystone-health.vip.issue.cause': {
    en: 'HAProxy has no Keystone backend up, the VIP is not held by any controller, or Keystone fails (500: its database or memcached).',
    ko: 'HAProxy에 살아 있는 Keystone 백엔드가 없거나, 어느 컨트롤러도 VIP를 갖고 있지 않거나, Keystone이 실패합니다(500이면 데이터베이스나 memcached).',
  },
  'keystone-health.vip.issue.next': {
    en: 'Run the haproxy-backends playbook, then read keystone.log on the controllers for the request.',
    ko: 'haproxy-backends 플레이북을 실행한 뒤, 컨트롤러의 keystone.log에서 그 요청을 찾아보세요.',
  },
  'keystone-health.vip.refused.title': { en: 'A token from the Keystone VIP was refused in {bad} of {count} checks through the VIP', ko: 'Keystone VIP에서 받은 토큰이 VIP 검증 {count}번 중 {bad}번 거부됨' },
  'keystone-health.vip.refused.explanation': {
    en: 'The same token, checked {count} times through the VIP, was refused {bad} times (HTTP {codes}): requests land on different Keystone nodes, and some of them do not accept what another issued. Users see random 401 errors.',
    ko: '같은 토큰을 VIP로 {count}번 검증했더니 {bad}번 거부되었습니다(HTTP {codes}). 요청이 서로 다른 Keystone 노드로 가는데, 그중 일부가 다른 노드가 발급한 토큰을 받아들이지 않습니다. 사용자는 무작위로 401 오류를 봅니다.',
  },
  'keystone-health.vip.refused.cause': {
    en: 'The Keystone nodes do not share the same Fernet keys, or their clocks differ so much that tokens look expired or issued in the future.',
    ko: 'Keystone 노드들이 같은 Fernet 키를 공유하지 않거나, 시계 차이가 커서 토큰이 만료되었거나 미래에 발급된 것처럼 보입니다.',
  },
  'keystone-health.vip.refused.cause.keys': {
    en: 'The Keystone nodes do not share the same Fernet keys (see the key finding): a token signed by one is refused by those without its key.',
    ko: 'Keystone 노드들이 같은 Fernet 키를 공유하지 않습니다(키 결과 참고). 한 노드가 서명한 토큰을 그 키가 없는 노드가 거부합니다.',
  },
  'keystone-health.vip.refused.next': {
    en: 'Compare the Fernet keys of the Keystone nodes (this playbook\'s key finding) and run clock-sync.',
    ko: 'Keystone 노드들의 Fernet 키(이 플레이북의 키 결과)를 비교하고 clock-sync를 실행하세요.',
  },
  'keystone-health.node.down.title': { en: 'Keystone on {node} does not answer', ko: '{node}의 Keystone이 응답하지 않음' },
  'keystone-health.node.down.explanation': {
    en: 'Asked directly at {addr} (its HAProxy server address), Keystone on {node} gave no answer (HTTP 000: refused or timed out). HAProxy sends its share of requests to the other nodes while its check fails.',
    ko: 'HAProxy 서버 주소 {addr}로 직접 물었더니 {node}의 Keystone이 응답하지 않았습니다(HTTP 000: 연결 거부 또는 시간 초과). 헬스 체크가 실패하는 동안 HAProxy는 요청을 다른 노드로 보냅니다.',
  },
  'keystone-health.node.down.cause': {
    en: 'The Keystone service (uwsgi/apache, the Kolla container or the pod) is stopped or hung on that node, or it listens on another address.',
    ko: '그 노드의 Keystone 서비스(uwsgi/apache, Kolla 컨테이너 또는 파드)가 멈췄거나 응답하지 않거나, 다른 주소에서 수신하고 있습니다.',
  },
  'keystone-health.node.issue.title': { en: 'Keystone on {node} does not issue tokens (HTTP {code})', ko: '{node}의 Keystone이 토큰을 발급하지 않음 (HTTP {code})' },
  'keystone-health.node.issue.explanation': {
    en: 'Asked directly at {addr}, Keystone on {node} answered HTTP {code} to a token request the others accepted.',
    ko: '{addr}로 직접 물었더니 {node}의 Keystone이 다른 노드가 받아들인 토큰 요청에 HTTP {code}로 답했습니다.',
  },
  'keystone-health.node.issue.cause': {
    en: 'That node cannot reach its database or memcached (500), or it does not have the key of the token used to ask (401).',
    ko: '그 노드가 데이터베이스나 memcached에 닿지 못하거나(500), 요청에 쓴 토큰의 키가 없습니다(401).',
  },
  'keystone-health.node.next': {
    en: 'On {node}: check the Keystone service (systemctl status, docker ps -a | grep keystone, or its pod) and the end of keystone.log.',
    ko: '{node}에서 Keystone 서비스(systemctl status, docker ps -a | grep keystone 또는 파드)와 keystone.log의 끝부분을 확인하세요.',
  },
  'keystone-health.cross.odd.title': { en: 'Keystone on {node} and the other Keystone nodes refuse each other\'s tokens', ko: '{node}의 Keystone과 다른 Keystone 노드들이 서로의 토큰을 거부함' },
  'keystone-health.cross.title': { en: 'Keystone nodes refuse tokens issued by other nodes ({bad} of {count} checks)', ko: 'Keystone 노드가 다른 노드가 발급한 토큰을 거부함 (검증 {count}번 중 {bad}번)' },
  'keystone-health.cross.explanation': {
    en: 'Each Keystone node issued a token and each was checked on every other node: {bad} of {count} checks were refused: {pairs} (issuer → checker).',
    ko: '각 Keystone 노드가 토큰을 발급하고 다른 모든 노드에서 검증했습니다. {count}번 중 {bad}번 거부되었습니다: {pairs} (발급 → 검증).',
  },
  'keystone-health.cross.cause': {
    en: 'The nodes do not share the same Fernet keys (one rotated alone, or was restored without the key repository), or their clocks are far apart.',
    ko: '노드들이 같은 Fernet 키를 공유하지 않거나(한 노드만 키를 교체했거나 키 저장소 없이 복원됨), 시계 차이가 큽니다.',
  },
  'keystone-health.cross.next': {
    en: "Compare the nodes' Fernet keys (this playbook's key finding) and sync the repository from a node of the majority; run clock-sync.",
    ko: '노드들의 Fernet 키(이 플레이북의 키 결과)를 비교하고 다수 쪽 노드의 저장소로 맞추세요. clock-sync도 실행하세요.',
  },

  // Keystone's log.
  'keystone-health.log.title': { en: '{node}: {refused} refused request(s) in keystone.log', ko: '{node}: keystone.log에 거부된 요청 {refused}건' },
  'keystone-health.log.explanation': {
    en: '{refused} of the last {lines} lines of {file} on {node} are refused requests (Authorization failed / invalid token, HTTP 401), from {first} to {last}. A few are normal (expired tokens, a wrong password); many, on one node more than the others, point to a key or clock problem.',
    ko: '{node}의 {file} 마지막 {lines}줄 중 {refused}줄이 거부된 요청(Authorization failed / invalid token, HTTP 401)입니다({first} ~ {last}). 몇 건은 정상입니다(만료된 토큰, 틀린 비밀번호). 많거나 한 노드에 몰려 있으면 키나 시계 문제입니다.',
  },
};
