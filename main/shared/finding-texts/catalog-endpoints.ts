/** catalog-endpoints' finding texts (playbooks/catalogue/catalog-endpoints), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const catalogEndpointsTexts: Record<string, Record<Lang, string>> = {
  'catalog-endpoints.ok.title': { en: '{count} catalog endpoint(s) of {services} service(s) answer', ko: '서비스 {services}개의 카탈로그 엔드포인트 {count}개가 응답함' },
  'catalog-endpoints.ok.explanation': {
    en: 'Every enabled endpoint of the Keystone catalog ({count}: {services}) answered an HTTP request from the controller (slowest {slowest} s), and every https one with a certificate that verifies.',
    ko: 'Keystone 카탈로그의 활성 엔드포인트 {count}개({services})가 모두 컨트롤러에서 보낸 HTTP 요청에 응답했고(가장 느린 것 {slowest}초), https 엔드포인트는 모두 인증서 검증을 통과했습니다.',
  },
  'catalog-endpoints.down.title': { en: 'The {type} {iface} endpoint does not answer: {url}', ko: '{type} {iface} 엔드포인트가 응답하지 않음: {url}' },
  'catalog-endpoints.down.explanation.core': {
    en: 'The catalog sends clients and services to {url} for {type} ({iface}), but nothing answered there ({error}). Everything that looks this endpoint up fails: the cloud is broken for this service.',
    ko: '카탈로그는 {type}({iface})에 대해 클라이언트와 서비스를 {url}(으)로 보내지만 그곳에서 아무것도 응답하지 않았습니다({error}). 이 엔드포인트를 찾는 모든 것이 실패합니다. 이 서비스는 클라우드에서 동작하지 않습니다.',
  },
  'catalog-endpoints.down.explanation': {
    en: 'The catalog sends clients to {url} for {type} ({iface}), but nothing answered there ({error}).',
    ko: '카탈로그는 {type}({iface})에 대해 클라이언트를 {url}(으)로 보내지만 그곳에서 아무것도 응답하지 않았습니다({error}).',
  },
  'catalog-endpoints.down.cause.refused': {
    en: 'Nothing listens on that address and port: the API service is stopped, HAProxy has no frontend for it, or the catalog names a wrong port.',
    ko: '그 주소와 포트에서 수신하는 것이 없습니다. API 서비스가 멈췄거나, HAProxy에 그 frontend가 없거나, 카탈로그의 포트가 틀렸습니다.',
  },
  'catalog-endpoints.down.cause.dns': {
    en: 'The host name in the URL does not resolve from the controller (DNS or /etc/hosts).',
    ko: 'URL의 호스트 이름이 컨트롤러에서 해석되지 않습니다(DNS 또는 /etc/hosts).',
  },
  'catalog-endpoints.down.cause.timeout': {
    en: 'The address does not answer in time: the VIP is held by no controller, a firewall drops the port, or the API hangs.',
    ko: '주소가 제때 응답하지 않습니다. 어느 컨트롤러도 VIP를 갖고 있지 않거나, 방화벽이 포트를 막거나, API가 멈춰 있습니다.',
  },
  'catalog-endpoints.down.next': {
    en: 'From a controller: curl -v {url}; then run haproxy-backends, and check the service itself. If the URL is wrong: openstack endpoint set --url NEW_URL ENDPOINT_ID.',
    ko: '컨트롤러에서 curl -v {url}을(를) 실행하고, haproxy-backends를 실행한 뒤 서비스 자체를 확인하세요. URL이 틀렸다면 openstack endpoint set --url 새_URL 엔드포인트_ID.',
  },
  'catalog-endpoints.down.cause.timeout.again': {
    en: 'No answer in {first} s, nor in {retry} s when asked again: the VIP is held by no controller, a firewall drops the port, or the API hangs.',
    ko: '{first}초 안에 응답이 없었고, 다시 물었을 때도 {retry}초 안에 응답이 없었습니다. 어느 컨트롤러도 VIP를 갖고 있지 않거나, 방화벽이 포트를 막거나, API가 멈춰 있습니다.',
  },
  'catalog-endpoints.slow.title': { en: 'The {type} {iface} endpoint answers slowly: {url} took {seconds} s', ko: '{type} {iface} 엔드포인트의 응답이 느림: {url}에 {seconds}초 걸림' },
  'catalog-endpoints.slow.explanation': {
    en: 'A request to {url} ({type}, {iface}) got no answer within {first} s; asked again, it answered HTTP {code} after {seconds} s. An API root should answer in well under a second: clients and services with short timeouts fail against it, and it tells of an API busy or stalled.',
    ko: '{url}({type}, {iface})에 보낸 요청이 {first}초 안에 응답받지 못했고, 다시 물었을 때 {seconds}초 뒤 HTTP {code}로 응답했습니다. API 루트는 1초도 걸리지 않아야 합니다. 타임아웃이 짧은 클라이언트와 서비스는 실패하며, API가 바쁘거나 멈춰 있다는 뜻입니다.',
  },
  'catalog-endpoints.slow.cause': {
    en: 'The API workers are all busy (too few workers, long requests, a slow database or message bus), the host is overloaded, or HAProxy queues requests for a backend at its connection limit.',
    ko: 'API 워커가 모두 바쁘거나(워커 수 부족, 오래 걸리는 요청, 느린 데이터베이스나 메시지 버스), 호스트 과부하이거나, HAProxy가 연결 한도에 이른 백엔드의 요청을 대기시키고 있습니다.',
  },
  'catalog-endpoints.slow.next': {
    en: 'time curl -s -o /dev/null {url} a few times; run host-basics and haproxy-backends (queue and sessions), and read the {type} API log for slow requests.',
    ko: 'time curl -s -o /dev/null {url}을(를) 몇 번 실행해 보고, host-basics와 haproxy-backends(대기열과 세션)를 실행한 뒤 {type} API 로그에서 느린 요청을 찾으세요.',
  },
  'catalog-endpoints.tls.title': { en: 'The certificate of the {type} {iface} endpoint does not verify: {url}', ko: '{type} {iface} 엔드포인트의 인증서 검증 실패: {url}' },
  'catalog-endpoints.tls.explanation': {
    en: 'The API at {url} answers (HTTP {insecure} without verification), but its certificate fails verification: {error}. Clients that verify TLS (the default) cannot use it.',
    ko: '{url}의 API는 응답하지만(검증 없이 HTTP {insecure}) 인증서 검증에 실패합니다: {error}. TLS를 검증하는 클라이언트(기본값)는 사용할 수 없습니다.',
  },
  'catalog-endpoints.tls.cause': {
    en: 'The certificate is signed by a CA the controller does not trust (OS_CACERT not set, or the CA bundle lacks it), does not name this host, or its chain is incomplete.',
    ko: '컨트롤러가 신뢰하지 않는 CA가 서명했거나(OS_CACERT 미설정 또는 CA 번들에 없음), 이 호스트 이름이 인증서에 없거나, 체인이 불완전합니다.',
  },
  'catalog-endpoints.tls.cause.expired': { en: 'The certificate served there has expired.', ko: '그곳에서 제공하는 인증서가 만료되었습니다.' },
  'catalog-endpoints.tls.next': {
    en: 'echo | openssl s_client -connect HOST:PORT -showcerts (the host and port of {url}); run the certificates playbook.',
    ko: 'echo | openssl s_client -connect 호스트:포트 -showcerts ({url}의 호스트와 포트)로 확인하고, certificates 플레이북을 실행하세요.',
  },
  'catalog-endpoints.untrusted.title': { en: '{count} https endpoint(s) answer with a certificate from an issuer this controller does not trust', ko: 'https 엔드포인트 {count}개가 이 컨트롤러가 신뢰하지 않는 발급자의 인증서로 응답함' },
  'catalog-endpoints.untrusted.explanation': {
    en: 'These endpoints answer, but curl could not verify their certificates against the trust store here ("unable to get local issuer certificate"): {urls}. That is expected with a private CA the credentials do not name (OS_CACERT, cacert in clouds.yaml); the certificates playbook reads their dates.',
    ko: '이 엔드포인트들은 응답하지만 curl이 이곳의 신뢰 저장소로 인증서를 검증하지 못했습니다("unable to get local issuer certificate"): {urls}. 자격 증명이 지정하지 않은 사설 CA(OS_CACERT, clouds.yaml의 cacert)라면 예상된 일입니다. 인증서 만료일은 certificates 플레이북이 읽습니다.',
  },
  'catalog-endpoints.untrusted.next': { en: "Name the cluster's CA in the admin credentials (OS_CACERT, or cacert: in clouds.yaml) so clients verify these endpoints.", ko: '클라이언트가 이 엔드포인트를 검증할 수 있도록 admin 자격 증명에 클러스터 CA를 지정하세요(OS_CACERT 또는 clouds.yaml의 cacert:).' },
  'catalog-endpoints.error.title': { en: 'The {type} {iface} endpoint answers HTTP {code}: {url}', ko: '{type} {iface} 엔드포인트가 HTTP {code}로 응답함: {url}' },
  'catalog-endpoints.error.explanation': {
    en: 'A GET of {url} ({type}, {iface}) answered HTTP {code}: the address answers, but the API behind it fails.',
    ko: '{url}({type}, {iface})에 GET 요청을 보내자 HTTP {code}로 응답했습니다. 주소는 응답하지만 그 뒤의 API가 실패합니다.',
  },
  'catalog-endpoints.error.cause.backend': {
    en: 'The load balancer has no working backend for this API (502/503/504): every API server behind it is down or failing its health check.',
    ko: '로드 밸런서에 이 API의 동작하는 백엔드가 없습니다(502/503/504). 뒤의 API 서버가 모두 멈췄거나 헬스 체크에 실패합니다.',
  },
  'catalog-endpoints.error.cause': {
    en: 'The API fails on its own (500): its database, message queue or configuration; its log says which.',
    ko: 'API 자체가 실패합니다(500). 데이터베이스, 메시지 큐 또는 설정 문제이며 로그에 원인이 있습니다.',
  },
  'catalog-endpoints.error.next': { en: 'curl -i {url}; run haproxy-backends and read the {type} API log on the controllers.', ko: 'curl -i {url}로 확인하고, haproxy-backends를 실행한 뒤 컨트롤러의 {type} API 로그를 읽으세요.' },
  'catalog-endpoints.empty.title': { en: 'The catalog has no enabled endpoint', ko: '카탈로그에 활성 엔드포인트가 없음' },
  'catalog-endpoints.empty.explanation': {
    en: 'openstack endpoint list returned {count} endpoint(s), none enabled: clients find no service in the catalog.',
    ko: 'openstack endpoint list가 엔드포인트 {count}개를 돌려주었지만 활성화된 것이 없습니다. 클라이언트가 카탈로그에서 서비스를 찾지 못합니다.',
  },
  'catalog-endpoints.empty.next': { en: 'openstack endpoint list --long; create or enable the endpoints (openstack endpoint set --enable ID).', ko: 'openstack endpoint list --long으로 확인하고 엔드포인트를 만들거나 활성화하세요(openstack endpoint set --enable ID).' },
  'catalog-endpoints.no-catalog.title': { en: 'No service catalog here: the credentials name one endpoint, no Keystone', ko: '서비스 카탈로그 없음: 자격 증명이 Keystone 없이 엔드포인트 하나만 가리킴' },
  'catalog-endpoints.no-catalog.explanation': {
    en: 'The admin credentials are a token for {endpoint} alone (no auth URL, no cloud): this cluster has no Keystone catalog to read, so no endpoint was checked.',
    ko: 'admin 자격 증명이 {endpoint} 하나에 대한 토큰뿐입니다(인증 URL도 cloud도 없음). 이 클러스터에는 읽을 Keystone 카탈로그가 없으므로 엔드포인트를 확인하지 않았습니다.',
  },
  'catalog-endpoints.list.title': { en: 'The service catalog could not be read', ko: '서비스 카탈로그를 읽지 못함' },
  'catalog-endpoints.list.explanation': {
    en: 'openstack endpoint list failed (exit code {code}); no endpoint was checked.',
    ko: 'openstack endpoint list가 실패했습니다(종료 코드 {code}). 어떤 엔드포인트도 확인하지 않았습니다.',
  },
  'catalog-endpoints.list.cause.no-credentials': {
    en: 'The openstack client on this controller has no credentials: give the cluster admin credentials (stackscope cluster update NAME --credentials …).',
    ko: '이 컨트롤러의 openstack 클라이언트에 자격 증명이 없습니다. 클러스터에 admin 자격 증명을 지정하세요(stackscope cluster update NAME --credentials …).',
  },
  'catalog-endpoints.list.cause.rejected': { en: 'Keystone refused the credentials, or they lack the admin role.', ko: 'Keystone이 자격 증명을 거부했거나 admin 역할이 없습니다.' },
  'catalog-endpoints.list.cause.unreachable': { en: 'Keystone did not answer at the auth URL: run keystone-health and haproxy-backends.', ko: '인증 URL에서 Keystone이 응답하지 않았습니다. keystone-health와 haproxy-backends를 실행하세요.' },
  'catalog-endpoints.list.cause.other': { en: 'The client failed for another reason: its first line of output is quoted.', ko: '클라이언트가 다른 이유로 실패했습니다. 출력의 첫 줄을 인용했습니다.' },
  'catalog-endpoints.list.next': { en: 'On the controller, with the admin credentials: openstack endpoint list', ko: '컨트롤러에서 admin 자격 증명으로 openstack endpoint list를 실행해 보세요' },
};
