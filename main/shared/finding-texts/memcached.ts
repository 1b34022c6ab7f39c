/** memcached's finding texts (playbooks/catalogue/memcached), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const memcachedTexts: Record<string, Record<Lang, string>> = {
  'memcached.silent.title': { en: 'memcached on {node} ({at}) listens but does not answer', ko: '{node}의 memcached({at})가 수신 대기 중이지만 응답하지 않음' },
  'memcached.silent.explanation': {
    en: 'A socket on {at} is open on {node}, but `stats` got no answer within 5 s (exit {exit}). Every API that caches through it (Keystone, keystonemiddleware in Nova, Neutron, Glance …) waits for its memcache timeout on each request.',
    ko: '{node}에서 {at} 소켓은 열려 있지만 `stats`가 5초 안에 응답하지 않았습니다(exit {exit}). 이를 통해 캐시하는 모든 API(Keystone, Nova·Neutron·Glance의 keystonemiddleware …)가 요청마다 memcache 제한 시간만큼 기다립니다.',
  },
  'memcached.silent.cause': { en: 'memcached is hung or swamped (all worker threads busy, the host out of memory or CPU), or a firewall drops the connection after the handshake.', ko: 'memcached가 멈췄거나 과부하 상태이거나(모든 워커 스레드 사용 중, 호스트의 메모리·CPU 부족), 방화벽이 핸드셰이크 후 연결을 버립니다.' },
  'memcached.silent.next': {
    en: 'On {node}: `printf "stats\\r\\nquit\\r\\n" | nc -w3 {at}` by hand (replace : by a space), `ps -o pid,stat,rss,cmd -C memcached`, and restart memcached if it stays silent (its cache is disposable).',
    ko: '{node}에서 `printf "stats\\r\\nquit\\r\\n" | nc -w3 {at}`(:는 공백으로)를 직접 실행하고 `ps -o pid,stat,rss,cmd -C memcached`를 본 뒤, 계속 응답이 없으면 memcached를 다시 시작하세요(캐시는 버려도 됩니다).',
  },
  'memcached.tool.title': { en: 'Could not ask memcached on {node} ({at}): no bash or nc there', ko: '{node}의 memcached({at})에 질의하지 못함: bash와 nc가 없음' },
  'memcached.tool.explanation': { en: 'The step needs bash (/dev/tcp) or nc on {node} to send `stats`; neither ran, so memcached was not checked there.', ko: '`stats`를 보내려면 {node}에 bash(/dev/tcp)나 nc가 있어야 하는데 둘 다 실행되지 않아 그곳의 memcached를 확인하지 못했습니다.' },

  'memcached.evictions.title': { en: 'memcached on {node} ({at}) evicted {evictions} item(s)', ko: '{node}의 memcached({at})가 항목 {evictions}개를 축출함' },
  'memcached.evictions.explanation': {
    en: 'The cache is full ({used} of {limit}, {full}%; at least {fullPct}% counts as full) and has evicted {evictions} live item(s) in {days} day(s) of uptime to make room: cached tokens and catalogs are thrown out, so validations go back to Keystone and the APIs slow down.',
    ko: '캐시가 가득 찼고({limit} 중 {used}, {full}%; {fullPct}% 이상이면 가득 찬 것으로 봄) 가동 {days}일 동안 공간을 만들려고 살아 있는 항목 {evictions}개를 축출했습니다. 캐시된 토큰과 카탈로그가 버려져 검증이 다시 Keystone으로 가고 API가 느려집니다.',
  },
  'memcached.evictions.old.explanation': {
    en: '{evictions} item(s) were evicted in {days} day(s) of uptime, but the cache now holds {used} of {limit} ({full}%, below {fullPct}%): from a fuller past, not now.',
    ko: '가동 {days}일 동안 항목 {evictions}개가 축출되었지만 지금은 캐시가 {limit} 중 {used}({full}%, {fullPct}% 미만)만 씁니다. 지금이 아니라 예전에 가득 찼을 때의 일입니다.',
  },
  'memcached.evictions.cause': { en: 'The cache is too small for the tokens and catalogs it holds (Kolla memcached_cache_size, memcached -m), or a client stores far more than it should.', ko: '보관하는 토큰과 카탈로그에 비해 캐시가 너무 작거나(Kolla memcached_cache_size, memcached -m), 어떤 클라이언트가 지나치게 많이 저장합니다.' },
  'memcached.evictions.next': {
    en: 'On {node}: raise memcached\'s memory (-m; Kolla: memcached_cache_size in globals.yml) and watch `evictions` stop growing; `stats slabs` shows which item size fills it.',
    ko: '{node}에서 memcached 메모리를 늘리고(-m; Kolla: globals.yml의 memcached_cache_size) `evictions`가 더 늘지 않는지 지켜보세요. `stats slabs`로 어떤 크기의 항목이 차지하는지 볼 수 있습니다.',
  },

  'memcached.conns.title': { en: 'memcached on {node} ({at}) has {conns} of {max} connections in use', ko: '{node}의 memcached({at}) 연결 {max}개 중 {conns}개 사용 중' },
  'memcached.conns.refused.title': { en: 'memcached on {node} ({at}) hit its connection limit', ko: '{node}의 memcached({at})가 연결 한도에 닿음' },
  'memcached.conns.explanation': {
    en: '{conns} of {max} connections are open ({pct}%; a warning from {warn}%); since it started memcached stopped accepting at the limit {disabled} time(s) (listen_disabled_num) and refused {rejected} connection(s). A client that is not accepted waits for its timeout, so API requests stall.',
    ko: '연결 {max}개 중 {conns}개가 열려 있습니다({pct}%; {warn}%부터 경고). 시작 이후 한도에 닿아 수락을 멈춘 것이 {disabled}회(listen_disabled_num), 거부한 연결이 {rejected}개입니다. 수락되지 않은 클라이언트는 제한 시간까지 기다리므로 API 요청이 멈춥니다.',
  },
  'memcached.conns.cause': {
    en: 'Too many API workers for the limit (each worker of each service keeps its own pool), a client leaking connections, or maxconns left at a small default (Kolla memcached_connection_limit, memcached -c).',
    ko: '한도에 비해 API 워커가 너무 많거나(서비스마다 워커별로 풀을 유지), 연결을 누수하는 클라이언트가 있거나, maxconns가 작은 기본값으로 남아 있습니다(Kolla memcached_connection_limit, memcached -c).',
  },
  'memcached.conns.next': {
    en: 'On {node}: `ss -tn state established "( sport = :11211 )" | awk \'{print $4}\' | cut -d: -f1 | sort | uniq -c | sort -n` for who holds them; raise -c (Kolla: memcached_connection_limit) or lower the services\' workers.',
    ko: '{node}에서 `ss -tn state established "( sport = :11211 )" | awk \'{print $4}\' | cut -d: -f1 | sort | uniq -c | sort -n`으로 누가 연결을 쥐고 있는지 보고, -c(Kolla: memcached_connection_limit)를 늘리거나 서비스 워커 수를 줄이세요.',
  },

  'memcached.udp.title': { en: 'memcached on {node} ({at}) listens on UDP', ko: '{node}의 memcached({at})가 UDP로 수신 대기 중' },
  'memcached.udp.explanation': {
    en: 'memcached on {node} has UDP enabled (udpport {port}). A small spoofed UDP request gets a large answer, which makes it a reflection/amplification source for DDoS attacks (CVE-2018-1000115); OpenStack never talks to memcached over UDP.',
    ko: '{node}의 memcached가 UDP를 켜 두었습니다(udpport {port}). 위조된 작은 UDP 요청에 큰 응답을 돌려주므로 DDoS 반사·증폭 공격에 쓰일 수 있습니다(CVE-2018-1000115). OpenStack은 memcached와 UDP로 통신하지 않습니다.',
  },
  'memcached.udp.cause': { en: 'An old memcached (before 1.5.6 UDP was on by default) or a command line with -U set to a port.', ko: '오래된 memcached(1.5.6 이전에는 UDP가 기본으로 켜짐)이거나 명령줄에 -U로 포트를 지정했습니다.' },
  'memcached.udp.next': { en: 'On {node}: start memcached with `-U 0` (Debian: add it to /etc/memcached.conf) and check with `ss -lunp | grep memcached` that nothing is left.', ko: '{node}에서 memcached를 `-U 0`으로 시작하고(Debian: /etc/memcached.conf에 추가) `ss -lunp | grep memcached`로 남은 것이 없는지 확인하세요.' },

  'memcached.ok.title': { en: '{count} memcached instance(s) answering within limits', ko: 'memcached {count}개가 기준 안에서 응답함' },
  'memcached.ok.explanation': { en: '{instances} (Evictions only while at least {full}% full, connections from {conn}% of the limit, and UDP would be a problem.)', ko: '{instances} (캐시가 {full}% 이상 찬 상태의 축출, 한도의 {conn}%부터의 연결 수, UDP 사용이 문제가 됩니다.)' },
  'memcached.ok.instance': { en: '{node} {at}: memcached {version}, {conns} of {max} connections, {full}% of its memory used.', ko: '{node} {at}: memcached {version}, 연결 {max}개 중 {conns}개, 메모리 {full}% 사용.' },

  'memcached.none.title': { en: 'No memcached listening on {nodes}', ko: '{nodes}에서 수신 대기 중인 memcached 없음' },
  'memcached.none.explanation': {
    en: 'No memcached process and nothing on port 11211 listens on these controllers: memcached is not here (or runs elsewhere: on openstack-helm its pod has its own network, not seen from the host). Nothing was checked.',
    ko: '이 컨트롤러에는 memcached 프로세스도 11211 포트에서 수신 대기하는 것도 없습니다. memcached가 여기 없거나 다른 곳에 있습니다(openstack-helm에서는 파드가 자체 네트워크를 가져 호스트에서 보이지 않음). 확인한 것은 없습니다.',
  },
  'memcached.none.some.explanation': {
    en: 'Other controllers run memcached, but nothing listens here ({nodes}). If the services\' memcache_servers name this node, each of their requests waits for the dead server first; otherwise it is simply not placed here.',
    ko: '다른 컨트롤러에서는 memcached가 실행 중인데 여기({nodes})에서는 아무것도 수신 대기하지 않습니다. 서비스의 memcache_servers에 이 노드가 있으면 요청마다 죽은 서버를 먼저 기다리고, 없다면 단지 여기 배치되지 않은 것입니다.',
  },
  'memcached.unread.title': { en: 'Could not read memcached\'s sockets on {nodes}', ko: '{nodes}의 memcached 소켓을 읽지 못함' },
  'memcached.unread.explanation': { en: 'The step printed neither a memcached to ask nor "none" (ss missing or cut short): nothing was checked there.', ko: '단계가 질의할 memcached도 "none"도 출력하지 않았습니다(ss가 없거나 출력이 잘림). 그곳에서는 아무것도 확인하지 못했습니다.' },
  'memcached.not-run.title': { en: 'memcached was not checked', ko: 'memcached를 확인하지 않음' },
  'memcached.not-run.explanation': { en: 'No controller ran the step (none answered).', ko: '단계를 실행한 컨트롤러가 없습니다(응답한 노드 없음).' },
};
