/**
 * neutron-ovn-sync's finding texts (playbooks/catalogue/neutron-ovn-sync), in English and Korean,
 * with its log signatures' (the engine frames those: log-signatures.ts).
 */
import type { Lang } from '../../contract/types.js';

const P = 'neutron-ovn-sync';
const SIG = `${P}.sig`;

export const neutronOvnSyncTexts: Record<string, Record<Lang, string>> = {
  [`${P}.exit-code`]: { en: 'exit code {code}', ko: '종료 코드 {code}' },
  [`${P}.kind.network`]: { en: 'network(s)', ko: '네트워크' },
  [`${P}.kind.port`]: { en: 'port(s)', ko: '포트' },
  [`${P}.kind.router`]: { en: 'router(s)', ko: '라우터' },
  [`${P}.kind.security-group`]: { en: 'security group(s)', ko: '보안 그룹' },

  [`${P}.no-neutron.title`]: { en: 'Not checked: this cloud runs no Neutron (no Neutron database)', ko: '점검 안 함: 이 클라우드는 Neutron을 운영하지 않음(Neutron 데이터베이스 없음)' },
  [`${P}.no-neutron.explanation`]: { en: 'As seen from {node}, no database schema holds Neutron’s ovn_hash_ring table: there is no Neutron whose sync with OVN could be checked.', ko: '{node}에서 보면 Neutron의 ovn_hash_ring 테이블을 가진 데이터베이스 스키마가 없습니다. OVN과의 동기화를 점검할 Neutron이 없습니다.' },
  [`${P}.no-ovn.title`]: { en: 'Not checked: Neutron here does not use OVN', ko: '점검 안 함: 이곳의 Neutron은 OVN을 쓰지 않음' },
  [`${P}.no-ovn.explanation`]: {
    en: 'As seen from {node}, Neutron’s database has no OVN hash ring row and no OVN revision number: no neutron-server ever ran the OVN mechanism driver (ML2/OVS or linuxbridge), so there is no OVN sync to check.',
    ko: '{node}에서 보면 Neutron 데이터베이스에 OVN 해시 링 행도 OVN 리비전 번호도 없습니다. OVN 메커니즘 드라이버로 실행된 neutron-server가 없어(ML2/OVS 또는 linuxbridge) 점검할 OVN 동기화가 없습니다.',
  },

  [`${P}.db.failed.title`]: { en: 'Could not read Neutron’s OVN sync state from its database', ko: 'Neutron 데이터베이스에서 OVN 동기화 상태를 읽지 못함' },
  [`${P}.nb.failed.title`]: { en: 'Could not read Neutron’s rows in the OVN Northbound DB', ko: 'OVN Northbound DB에서 Neutron의 행을 읽지 못함' },
  [`${P}.failed.explanation`]: { en: 'On {node}: {line}', ko: '{node}에서: {line}' },
  [`${P}.not-run.explanation`]: { en: 'The step did not run to the end: {why}.', ko: '단계가 끝까지 실행되지 않았습니다: {why}.' },
  [`${P}.not-run.none`]: { en: 'no controller ran it', ko: '실행한 컨트롤러가 없음' },
  [`${P}.db.failed.cause.access`]: { en: 'The database refused the query (the account has no rights on Neutron’s schema, or the credentials are wrong).', ko: '데이터베이스가 쿼리를 거부했습니다(계정에 Neutron 스키마 권한이 없거나 자격 증명이 틀림).' },
  [`${P}.db.failed.cause.unreachable`]: { en: 'The database server did not answer on that node.', ko: '그 노드에서 데이터베이스 서버가 응답하지 않았습니다.' },
  [`${P}.db.failed.next`]: { en: 'Run galera-health; then on a controller `mysql neutron -e "SELECT * FROM ovn_hash_ring"` by hand.', ko: 'galera-health를 실행한 뒤 컨트롤러에서 `mysql neutron -e "SELECT * FROM ovn_hash_ring"`을 직접 실행해 보세요.' },
  [`${P}.nb.failed.next`]: { en: 'Run ovn-health (is the Northbound cluster up, with a leader?); then `ovn-nbctl --no-leader-only ls-list` by hand where the Northbound DB runs.', ko: 'ovn-health를 실행하세요(Northbound 클러스터가 살아 있고 리더가 있는지). 그다음 Northbound DB가 도는 곳에서 `ovn-nbctl --no-leader-only ls-list`를 직접 실행해 보세요.' },

  [`${P}.ring.empty.title`]: { en: 'The OVN hash ring is empty: neutron-server drops every OVN event', ko: 'OVN 해시 링이 비어 있음: neutron-server가 모든 OVN 이벤트를 버림' },
  [`${P}.ring.empty.explanation`]: {
    en: 'Neutron’s ovn_hash_ring table has no row, yet Neutron has {revisions} OVN revision number(s), so it runs ML2/OVN. Each neutron-server API worker registers a row and heartbeats it; OVN’s events (a port’s chassis binding going up or down, agents) are handled by the worker the ring picks. With no row, every event is dropped ("HashRing is empty" in neutron-server’s log): new or moved ports stay DOWN and agents look dead.',
    ko: 'Neutron의 ovn_hash_ring 테이블에 행이 없는데 OVN 리비전 번호가 {revisions}개 있어 ML2/OVN으로 운영 중입니다. neutron-server API 워커마다 행을 등록하고 하트비트를 갱신하며, OVN 이벤트(포트의 chassis 바인딩 up/down, 에이전트)는 링이 고른 워커가 처리합니다. 행이 없으면 모든 이벤트가 버려져(neutron-server 로그의 "HashRing is empty") 새로 만들거나 옮긴 포트가 DOWN에 머물고 에이전트가 죽은 것처럼 보입니다.',
  },
  [`${P}.ring.stale.title`]: { en: 'No neutron-server heartbeats the OVN hash ring ({group}): OVN events are dropped', ko: 'OVN 해시 링({group})에 하트비트하는 neutron-server가 없음: OVN 이벤트가 버려짐' },
  [`${P}.ring.stale.explanation`]: {
    en: 'The {rows} row(s) of group {group} (hosts {hosts}) were last touched {age} s ago, more than the {timeout} s after which neutron-server counts a worker as gone. OVN’s events (ports going up or down, agents) are handled only by live workers of the ring: with none, each is dropped ("HashRing is empty" in the log), so ports stay DOWN.',
    ko: '{group} 그룹의 행 {rows}개(호스트 {hosts})가 마지막으로 갱신된 지 {age}초가 지났습니다. neutron-server는 {timeout}초가 지난 워커를 없는 것으로 봅니다. OVN 이벤트(포트 up/down, 에이전트)는 링의 살아 있는 워커만 처리하므로, 하나도 없으면 이벤트가 모두 버려져("HashRing is empty") 포트가 DOWN에 머뭅니다.',
  },
  [`${P}.ring.cause`]: {
    en: 'neutron-server is down, hung, or cannot write to its database on every controller; or two servers share one `[DEFAULT] host` and one’s exit deleted the other’s rows (the rows are removed by hostname when a server stops).',
    ko: '모든 컨트롤러에서 neutron-server가 멈췄거나 응답이 없거나 데이터베이스에 쓰지 못합니다. 또는 두 서버가 같은 `[DEFAULT] host`를 써서 한쪽이 종료할 때 다른 쪽의 행까지 지웠습니다(서버가 멈출 때 호스트 이름으로 행을 지움).',
  },
  [`${P}.ring.next`]: {
    en: 'Check that neutron-server runs on the controllers (kolla: `docker ps --filter name=neutron_server`; packages: `systemctl status neutron-server`; openstack-helm: the neutron-server pods) and that each has its own `[DEFAULT] host`; restarting neutron-server re-registers its workers (a change: do it deliberately). Ports left DOWN go ACTIVE at their next OVN event.',
    ko: '컨트롤러에서 neutron-server가 도는지(kolla `docker ps --filter name=neutron_server`, packages `systemctl status neutron-server`, openstack-helm neutron-server pod), 서버마다 `[DEFAULT] host`가 다른지 확인하세요. neutron-server를 다시 시작하면 워커가 다시 등록됩니다(변경 작업이므로 의도해서 실행). DOWN에 남은 포트는 다음 OVN 이벤트 때 ACTIVE가 됩니다.',
  },
  [`${P}.ring.host.title`]: { en: 'neutron-server on {host} stopped heartbeating the OVN hash ring', ko: '{host}의 neutron-server가 OVN 해시 링 하트비트를 멈춤' },
  [`${P}.ring.host.explanation`]: {
    en: 'The {rows} hash ring row(s) of {host} were last touched {age} s ago (a live worker touches its row every 30 s; after {timeout} s it leaves the ring). The workers on {live} still handle OVN’s events, so ports still come up, but {host}’s neutron-server is not doing its share: it is down, hung, or cannot reach the database.',
    ko: '{host}의 해시 링 행 {rows}개가 마지막으로 갱신된 지 {age}초가 지났습니다(살아 있는 워커는 30초마다 갱신하고, {timeout}초가 지나면 링에서 빠짐). {live}의 워커가 OVN 이벤트를 계속 처리하므로 포트는 올라오지만, {host}의 neutron-server는 제 몫을 못 하고 있습니다: 멈췄거나 응답이 없거나 데이터베이스에 닿지 못합니다.',
  },
  [`${P}.ring.host.cause`]: { en: 'neutron-server on {host} was killed (rows of a server that stops cleanly are removed), hangs, or lost its database connection.', ko: '{host}의 neutron-server가 강제 종료되었거나(정상 종료한 서버의 행은 지워짐) 멈췄거나 데이터베이스 연결을 잃었습니다.' },
  [`${P}.ring.host.next`]: { en: 'On {host}: is neutron-server running, and what does the end of its log say? A controller removed for good leaves its rows behind: they are harmless once it is gone.', ko: '{host}에서 neutron-server가 도는지, 로그 끝에 무엇이 있는지 보세요. 아예 없앤 컨트롤러는 행을 남기지만, 그 경우에는 해가 없습니다.' },
  [`${P}.ring.gone.title`]: { en: 'Hash ring rows left behind by {host} (silent for {hours} h)', ko: '{host}이(가) 남긴 해시 링 행({hours}시간째 갱신 없음)' },
  [`${P}.ring.gone.explanation`]: {
    en: 'The {rows} hash ring row(s) of {host} were last touched {age} s ago. A neutron-server that stops cleanly deletes its rows; one that was killed (OOM, an evicted pod, a removed controller) leaves them, and the ring ignores them after {timeout} s. The workers on {live} handle OVN’s events.',
    ko: '{host}의 해시 링 행 {rows}개가 마지막으로 갱신된 지 {age}초가 지났습니다. 정상 종료한 neutron-server는 자기 행을 지우고, 강제 종료된 서버(OOM, 축출된 pod, 없앤 컨트롤러)는 남기며, 링은 {timeout}초가 지난 행을 무시합니다. {live}의 워커가 OVN 이벤트를 처리합니다.',
  },
  [`${P}.ring.gone.next`]: { en: 'If {host} is a controller that should run neutron-server, it has not run there since: check it. Otherwise the rows are harmless (a neutron-server started with that host name deletes them).', ko: '{host}이(가) neutron-server가 돌아야 할 컨트롤러라면 그 뒤로 돌지 않은 것이니 확인하세요. 아니라면 이 행은 해가 없습니다(그 호스트 이름으로 시작한 neutron-server가 지움).' },
  [`${P}.ring.ok.title`]: { en: 'OVN hash ring: neutron-server workers on {hosts} host(s) heartbeat ({group})', ko: 'OVN 해시 링: 호스트 {hosts}대의 neutron-server 워커가 하트비트 중({group})' },
  [`${P}.ring.ok.explanation`]: { en: 'Workers per host: {perHost}; the freshest heartbeat is {age} s old (a worker counts as gone after {timeout} s).', ko: '호스트별 워커: {perHost}. 가장 최근 하트비트는 {age}초 전입니다({timeout}초가 지나면 없는 워커로 봄).' },

  [`${P}.drift.info.title`]: { en: '{count} resource(s) waiting for the maintenance task to sync them to OVN ({types})', ko: '유지보수 작업이 OVN에 동기화할 리소스 {count}개 대기 중({types})' },
  [`${P}.drift.info.explanation`]: {
    en: 'Their OVN revision number differs from Neutron’s ({types}), for less than {minutes} min. Some changes bump a resource’s revision and leave OVN to neutron-server’s maintenance task (a subnet added to its network, a rule to its security group: seen on the lab right after its tenant was made), others are writes that failed; the task looks for exactly these every 5 minutes and pushes them. Examples: {examples}.',
    ko: 'OVN 리비전 번호가 Neutron과 다릅니다({types}). {minutes}분이 안 된 차이입니다. 어떤 변경은 리소스의 리비전만 올리고 OVN 반영은 neutron-server 유지보수 작업에 맡기고(네트워크에 서브넷 추가, 보안 그룹에 규칙 추가: 랩에서 테넌트를 만든 직후 보임), 어떤 것은 실패한 쓰기입니다. 유지보수 작업이 5분마다 바로 이런 리소스를 찾아 밀어 넣습니다. 예: {examples}.',
  },
  [`${P}.drift.warning.title`]: { en: '{count} resource(s) out of sync between Neutron and OVN ({types})', ko: 'Neutron과 OVN 사이에 동기화되지 않은 리소스 {count}개({types})' },
  [`${P}.drift.warning.explanation`]: {
    en: 'Their OVN revision number differs from Neutron’s ({types}); {old} of them changed in Neutron more than {minutes} min ago, so at least one run of neutron-server’s maintenance task (every 5 minutes) did not repair them. OVN still holds the older state of these resources (a port’s addresses or security groups, a network’s settings, a router’s routes). Examples: {examples}.',
    ko: 'OVN 리비전 번호가 Neutron과 다릅니다({types}). 그중 {old}개는 Neutron에서 바뀐 지 {minutes}분이 넘어, neutron-server 유지보수 작업(5분마다)이 적어도 한 번은 고치지 못했습니다. OVN은 이 리소스의 예전 상태(포트의 주소나 보안 그룹, 네트워크 설정, 라우터 경로)를 그대로 갖고 있습니다. 예: {examples}.',
  },
  [`${P}.drift.cause`]: {
    en: 'Writes to the OVN Northbound DB fail (no leader, timeouts, a schema older than neutron expects) or the maintenance task does not run (it runs in the neutron-server that holds the OVN lock; none does when the servers are down or cannot reach the Northbound DB).',
    ko: 'OVN Northbound DB 쓰기가 실패하거나(리더 없음, 타임아웃, neutron이 기대하는 것보다 오래된 스키마) 유지보수 작업이 돌지 않습니다(OVN 락을 가진 neutron-server에서 도는데, 서버가 멈췄거나 Northbound DB에 닿지 못하면 아무도 돌리지 않음).',
  },
  [`${P}.drift.next`]: {
    en: 'Read neutron-server’s log for "Maintenance task: Failed to fix resource" and its traceback (this playbook counts them), and run ovn-health. Once the cause is gone the task repairs them by itself; `neutron-ovn-db-sync-util --sync_mode log` lists the differences without changing anything (repair mode changes OVN: only deliberately, it also deletes hand-made ACLs and port groups).',
    ko: 'neutron-server 로그에서 "Maintenance task: Failed to fix resource"와 그 트레이스백을 읽고(이 플레이북이 셈) ovn-health를 실행하세요. 원인이 없어지면 작업이 스스로 고칩니다. `neutron-ovn-db-sync-util --sync_mode log`는 아무것도 바꾸지 않고 차이만 보여 줍니다(repair 모드는 OVN을 바꾸고 손으로 만든 ACL과 port group도 지우므로 의도해서만 실행).',
  },
  [`${P}.deleted.title`]: { en: '{count} resource(s) deleted in Neutron but not yet in OVN ({types})', ko: 'Neutron에서 지웠지만 OVN에는 아직 남은 리소스 {count}개({types})' },
  [`${P}.deleted.explanation`]: {
    en: 'Their ovn_revision_numbers row lost its Neutron resource and is still there: the delete in OVN did not finish. {old} of them were deleted more than {minutes} min ago, past at least one maintenance run. Their rows (and the addresses or ACLs they hold) are still in the Northbound DB. Examples: {examples}.',
    ko: 'ovn_revision_numbers 행이 Neutron 리소스를 잃고도 남아 있습니다: OVN에서 삭제가 끝나지 않았습니다. 그중 {old}개는 지운 지 {minutes}분이 넘어 유지보수 작업이 적어도 한 번 지나갔습니다. 그 행(과 그 안의 주소나 ACL)이 Northbound DB에 아직 있습니다. 예: {examples}.',
  },

  [`${P}.missing.title`]: { en: '{count} of {total} Neutron {kind} missing from the OVN Northbound DB ({table})', ko: 'Neutron {kind} {total}개 중 {count}개가 OVN Northbound DB({table})에 없음' },
  [`${P}.missing.network.explanation`]: {
    en: 'No {table} neutron-<id> exists for {count} network(s) created more than a minute ago: {ids}. Their ports have nowhere to be plugged in OVN: instances on them get no traffic, no DHCP and no metadata.',
    ko: '1분 넘게 전에 만든 네트워크 {count}개에 해당하는 {table} neutron-<id>가 없습니다: {ids}. 그 포트들은 OVN에서 붙을 곳이 없어 인스턴스가 트래픽, DHCP, 메타데이터를 받지 못합니다.',
  },
  [`${P}.missing.port.explanation`]: {
    en: 'No {table} exists for {count} port(s) created more than a minute ago: {ids}. ovn-controller has nothing to bind them to: the instance (or router interface) behind each is cut off, and the port stays DOWN.',
    ko: '1분 넘게 전에 만든 포트 {count}개에 해당하는 {table}가 없습니다: {ids}. ovn-controller가 바인딩할 대상이 없어 각 포트 뒤의 인스턴스(또는 라우터 인터페이스)가 끊기고 포트는 DOWN에 머뭅니다.',
  },
  [`${P}.missing.router.explanation`]: {
    en: 'No {table} neutron-<id> exists for {count} router(s) created more than a minute ago: {ids}. Traffic between their subnets and to the outside (SNAT, floating IPs) is not routed.',
    ko: '1분 넘게 전에 만든 라우터 {count}개에 해당하는 {table} neutron-<id>가 없습니다: {ids}. 서브넷 사이와 외부로 가는 트래픽(SNAT, floating IP)이 라우팅되지 않습니다.',
  },
  [`${P}.missing.security-group.explanation`]: {
    en: 'No {table} pg_<id> exists for {count} security group(s) created more than a minute ago: {ids}. The rules of these groups are not in OVN: ports using them fall to the default drop (neutron_pg_drop) for what the rules should allow.',
    ko: '1분 넘게 전에 만든 보안 그룹 {count}개에 해당하는 {table} pg_<id>가 없습니다: {ids}. 이 그룹의 규칙이 OVN에 없어, 그룹을 쓰는 포트는 규칙이 허용해야 할 트래픽까지 기본 drop(neutron_pg_drop)에 걸립니다.',
  },
  [`${P}.missing.cause.known`]: {
    en: 'All {count} are also out of sync by their revision numbers: a write to OVN failed and neutron-server’s maintenance task has them on its list (it retries every 5 minutes).',
    ko: '{count}개 모두 리비전 번호로도 동기화가 어긋나 있습니다: OVN 쓰기가 실패했고 neutron-server 유지보수 작업의 목록에 있습니다(5분마다 재시도).',
  },
  [`${P}.missing.cause.none`]: {
    en: 'None of the {count} is out of sync by its revision numbers: Neutron believes OVN is up to date, so its maintenance task will never repair them. The row was deleted in the Northbound DB behind Neutron’s back (by hand, a restored or re-created Northbound DB, another tool), or the Northbound DB lost data.',
    ko: '{count}개 중 리비전 번호로 어긋난 것이 없습니다: Neutron이 OVN이 최신이라고 믿으므로 유지보수 작업이 절대 고치지 않습니다. Northbound DB에서 Neutron 모르게 행이 지워졌거나(손으로, 복원하거나 다시 만든 Northbound DB, 다른 도구) Northbound DB가 데이터를 잃었습니다.',
  },
  [`${P}.missing.cause.some`]: {
    en: 'Only {known} of the {count} are out of sync by their revision numbers: for the others Neutron believes OVN is up to date, so its maintenance task will never repair them. The row was deleted in the Northbound DB behind Neutron’s back (by hand, a restored or re-created Northbound DB, another tool), or the Northbound DB lost data.',
    ko: '{count}개 중 {known}개만 리비전 번호로 어긋나 있습니다. 나머지는 Neutron이 OVN이 최신이라고 믿으므로 유지보수 작업이 절대 고치지 않습니다. Northbound DB에서 Neutron 모르게 행이 지워졌거나(손으로, 복원하거나 다시 만든 Northbound DB, 다른 도구) Northbound DB가 데이터를 잃었습니다.',
  },
  [`${P}.missing.next`]: {
    en: 'Confirm with `ovn-nbctl --no-leader-only list {table} {name}` where the Northbound DB runs. `neutron-ovn-db-sync-util --sync_mode log` lists every difference without changing anything; `--sync_mode repair` re-creates the rows (a change to OVN: plan it, it also deletes hand-made ACLs and port groups). Updating the resource in Neutron (e.g. `openstack port set --description …`) bumps its revision so the maintenance task re-creates it.',
    ko: 'Northbound DB가 도는 곳에서 `ovn-nbctl --no-leader-only list {table} {name}`로 확인하세요. `neutron-ovn-db-sync-util --sync_mode log`는 아무것도 바꾸지 않고 모든 차이를 보여 주고, `--sync_mode repair`는 행을 다시 만듭니다(OVN을 바꾸는 작업이고 손으로 만든 ACL과 port group도 지우므로 계획해서 실행). Neutron에서 리소스를 갱신하면(예: `openstack port set --description …`) 리비전이 올라가 유지보수 작업이 다시 만듭니다.',
  },
  [`${P}.orphan.title`]: { en: '{count} Northbound row(s) made by Neutron that Neutron no longer has ({tables})', ko: 'Neutron이 만들었지만 Neutron에는 더 없는 Northbound 행 {count}개({tables})' },
  [`${P}.orphan.explanation`]: {
    en: 'These rows carry neutron:* external_ids and Neutron’s naming, but no Neutron resource of that id exists and none is waiting to be deleted: {names}. An orphan switch or port can still answer for its old addresses (ARP, DHCP), an orphan port group or router keeps its ACLs and routes.',
    ko: '이 행들은 neutron:* external_ids와 Neutron의 이름 규칙을 갖고 있지만, 그 id의 Neutron 리소스도 삭제 대기 중인 것도 없습니다: {names}. 고아 스위치나 포트는 예전 주소로 계속 응답할 수 있고(ARP, DHCP), 고아 port group이나 라우터는 ACL과 경로를 그대로 갖고 있습니다.',
  },
  [`${P}.orphan.cause`]: {
    en: 'A delete that reached Neutron’s database but not OVN, whose revision row was then removed (an old bug, or rows restored from a Northbound backup older than the deletes). On a busy cloud a resource deleted in the second between the two reads also shows here once: run it again to confirm.',
    ko: 'Neutron 데이터베이스에는 반영됐지만 OVN에는 닿지 않은 삭제에서 리비전 행이 지워진 경우입니다(옛 버그, 또는 삭제보다 오래된 Northbound 백업에서 복원한 행). 바쁜 클라우드에서는 두 번 읽는 사이 1초 안에 지운 리소스가 한 번 보일 수 있으니 다시 실행해 확인하세요.',
  },
  [`${P}.orphan.next`]: {
    en: 'Look at one: `ovn-nbctl --no-leader-only list {table} {name}`. `neutron-ovn-db-sync-util --sync_mode log` reports them ("found in OVN but not in Neutron"); `--sync_mode repair` deletes them (a change to OVN: plan it).',
    ko: '하나를 보세요: `ovn-nbctl --no-leader-only list {table} {name}`. `neutron-ovn-db-sync-util --sync_mode log`가 이들을 보고하고("found in OVN but not in Neutron"), `--sync_mode repair`가 지웁니다(OVN을 바꾸는 작업이므로 계획해서 실행).',
  },
  [`${P}.ok.title`]: { en: 'Neutron and the OVN Northbound DB agree', ko: 'Neutron과 OVN Northbound DB가 일치함' },
  [`${P}.ok.explanation`]: {
    en: 'Every Neutron network, port, router and security group older than a minute has its Northbound row and no Northbound row of Neutron’s is left over ({counts}); no revision number of the {revisions} differs for longer than the maintenance task takes to repair it, and no delete is pending in OVN.',
    ko: '1분 넘게 된 Neutron 네트워크, 포트, 라우터, 보안 그룹마다 Northbound 행이 있고 남는 Neutron의 Northbound 행도 없습니다({counts}). 리비전 번호 {revisions}개 중 유지보수 작업이 고치는 시간보다 오래 어긋난 것이 없고, OVN에서 삭제 대기 중인 것도 없습니다.',
  },

  [`${SIG}.maintenance-fix-failed.title`]: { en: 'Neutron’s maintenance task failed to push resources to OVN', ko: 'Neutron 유지보수 작업이 리소스를 OVN에 반영하지 못함' },
  [`${SIG}.maintenance-fix-failed.explanation`]: {
    en: 'neutron-server’s maintenance task found a resource out of sync with OVN and its repair raised an exception ("Maintenance task: Failed to fix resource … (type: …)"): that resource stays different in OVN until a later run succeeds.',
    ko: 'neutron-server 유지보수 작업이 OVN과 어긋난 리소스를 찾았지만 복구 중에 예외가 났습니다("Maintenance task: Failed to fix resource … (type: …)"). 이후 실행이 성공할 때까지 그 리소스는 OVN에서 다르게 남습니다.',
  },
  [`${SIG}.maintenance-fix-failed.next`]: { en: 'Read the traceback under the first line: it names the failing OVN command or the Neutron error; run ovn-health for the Northbound DB.', ko: '첫 줄 아래의 트레이스백을 읽으세요. 실패한 OVN 명령이나 Neutron 오류가 나옵니다. Northbound DB는 ovn-health로 점검하세요.' },
  [`${SIG}.maintenance-synced.title`]: { en: 'Neutron’s maintenance task repaired differences with OVN', ko: 'Neutron 유지보수 작업이 OVN과의 차이를 고침' },
  [`${SIG}.maintenance-synced.explanation`]: {
    en: 'neutron-server writes "Maintenance task: Synchronization finished" only when it found resources whose OVN revision lagged Neutron’s and pushed them. After changes that leave OVN to this task (a subnet added to a network, rules added to a security group) that is routine; at every run (every 5 minutes) with nothing changing, writes to OVN keep failing.',
    ko: 'neutron-server는 OVN 리비전이 Neutron보다 뒤처진 리소스를 찾아 밀어 넣었을 때만 "Maintenance task: Synchronization finished"를 씁니다. OVN 반영을 이 작업에 맡기는 변경(네트워크에 서브넷 추가, 보안 그룹에 규칙 추가) 뒤에는 일상적인 일이지만, 아무 변경이 없는데 매 실행(5분마다)마다 보이면 OVN 쓰기가 계속 실패하고 있습니다.',
  },
  [`${SIG}.maintenance-synced.next`]: { en: 'If it repeats, look for what fails the writes: "Failed to fix resource" lines, OVN timeouts or leader changes (openstack-log-signatures, ovn-health).', ko: '반복되면 쓰기 실패 원인을 찾으세요: "Failed to fix resource" 줄, OVN 타임아웃이나 리더 변경(openstack-log-signatures, ovn-health).' },
  [`${SIG}.hash-ring-empty.title`]: { en: 'neutron-server dropped OVN events: "HashRing is empty"', ko: 'neutron-server가 OVN 이벤트를 버림: "HashRing is empty"' },
  [`${SIG}.hash-ring-empty.explanation`]: {
    en: 'An OVN event (a port going up or down, a chassis change) arrived while no neutron-server worker was alive in the OVN hash ring, and was dropped: ports bound in that time stay DOWN until their next event.',
    ko: 'OVN 해시 링에 살아 있는 neutron-server 워커가 없을 때 OVN 이벤트(포트 up/down, chassis 변경)가 와서 버려졌습니다. 그동안 바인딩된 포트는 다음 이벤트까지 DOWN에 머뭅니다.',
  },
  [`${SIG}.hash-ring-empty.next`]: { en: 'See this playbook’s hash ring finding for the state now; every neutron-server needs its own `[DEFAULT] host`. Ports left DOWN: `openstack port list --status DOWN`.', ko: '지금 상태는 이 플레이북의 해시 링 결과를 보세요. neutron-server마다 `[DEFAULT] host`가 달라야 합니다. DOWN에 남은 포트: `openstack port list --status DOWN`.' },
  [`${SIG}.startup-sync-differences.title`]: { en: 'Neutron’s start-up sync found differences with OVN', ko: 'Neutron 시작 시 동기화가 OVN과의 차이를 찾음' },
  [`${SIG}.startup-sync-differences.explanation`]: {
    en: 'With `[ovn] neutron_sync_mode = log` or `repair`, neutron-server compares its database with the Northbound DB when it starts and logs each difference ("… found in Neutron but not in OVN", "… found in OVN but not in Neutron"); resources being made while it ran show up too. In log mode it changed nothing, but the maintenance task may have pushed them since: this playbook\'s live comparison of the two databases says whether they still differ.',
    ko: '`[ovn] neutron_sync_mode = log` 또는 `repair`이면 neutron-server가 시작할 때 데이터베이스와 Northbound DB를 비교해 차이마다 로그를 남깁니다("… found in Neutron but not in OVN", "… found in OVN but not in Neutron"). 비교하는 동안 만들어지던 리소스도 차이로 나옵니다. log 모드에서는 아무것도 바꾸지 않지만 그 뒤 maintenance 작업이 반영했을 수 있습니다. 지금도 다른지는 이 플레이북의 두 데이터베이스 실시간 비교가 알려 줍니다.',
  },
  [`${SIG}.startup-sync-differences.next`]: { en: 'Compare with this playbook’s Northbound findings; repair deliberately with `neutron-ovn-db-sync-util --sync_mode repair` (it also deletes hand-made ACLs and port groups).', ko: '이 플레이북의 Northbound 결과와 비교하세요. 고칠 때는 `neutron-ovn-db-sync-util --sync_mode repair`로 의도해서 하세요(손으로 만든 ACL과 port group도 지움).' },
};
