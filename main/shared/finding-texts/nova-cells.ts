/** nova-cells' finding texts (playbooks/catalogue/nova-cells), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const novaCellsTexts: Record<string, Record<Lang, string>> = {
  'nova-cells.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'nova-cells.not-here.title': { en: 'Not checked: this cloud runs no Nova (no API database or compute API)', ko: '점검 안 함: 이 클라우드는 Nova를 운영하지 않음(API 데이터베이스나 compute API 없음)' },
  'nova-cells.not-here.explanation': { en: 'As seen from {node}, there is no Nova API database or compute endpoint: no cells or compute hosts to check.', ko: '{node}에서 보면 Nova API 데이터베이스나 compute 엔드포인트가 없습니다. 점검할 셀이나 컴퓨트 호스트가 없습니다.' },
  'nova-cells.mappings.failed.title': { en: 'Could not read the cell and host mappings', ko: '셀과 호스트 매핑을 읽지 못함' },
  'nova-cells.services.failed.title': { en: 'Could not list the nova-compute services', ko: 'nova-compute 서비스 목록을 가져오지 못함' },
  'nova-cells.failed.explanation': { en: 'On {node}: {line}', ko: '{node}에서: {line}' },
  'nova-cells.not-run.explanation': { en: 'The step did not run to the end: {why}.', ko: '단계가 끝까지 실행되지 않았습니다: {why}.' },
  'nova-cells.not-run.none': { en: 'no controller ran it', ko: '실행한 컨트롤러가 없음' },
  'nova-cells.failed.cause.access': { en: 'The database refused the query (the account has no rights on nova_api, or the credentials are wrong).', ko: '데이터베이스가 쿼리를 거부했습니다(계정에 nova_api 권한이 없거나 자격 증명이 틀림).' },
  'nova-cells.failed.cause.unreachable': { en: 'The database server did not answer on that node.', ko: '그 노드에서 데이터베이스 서버가 응답하지 않았습니다.' },
  'nova-cells.mappings.failed.next': { en: 'Run galera-health; on a controller, `nova-manage cell_v2 list_hosts` reads the same mappings.', ko: 'galera-health를 실행하세요. 컨트롤러에서 `nova-manage cell_v2 list_hosts`로 같은 매핑을 읽을 수 있습니다.' },
  'nova-cells.services.failed.next': { en: 'Run nova-services; `openstack compute service list --service nova-compute` by hand with admin credentials.', ko: 'nova-services를 실행하고, 관리자 자격 증명으로 `openstack compute service list --service nova-compute`를 직접 실행해 보세요.' },

  'nova-cells.unmapped.title': { en: 'Compute host {host} is not mapped to any cell', ko: '컴퓨트 호스트 {host}이(가) 어떤 셀에도 매핑되지 않음' },
  'nova-cells.unmapped.explanation': {
    en: 'nova-compute on {host} is registered ({status}, {state}) but Nova’s API database has no host mapping for it ({mapped} host(s) are mapped). The scheduler cannot send an instance there: builds meant for it fail with NoValidHost or "Host \'{host}\' is not mapped to any cell", and its capacity is wasted.',
    ko: '{host}의 nova-compute는 등록되어 있지만({status}, {state}) Nova API 데이터베이스에 호스트 매핑이 없습니다(매핑된 호스트 {mapped}개). 스케줄러가 이 호스트로 인스턴스를 보낼 수 없어, 여기로 갈 빌드는 NoValidHost나 "Host \'{host}\' is not mapped to any cell"로 실패하고 용량이 놀게 됩니다.',
  },
  'nova-cells.unmapped.cause': {
    en: 'The compute was added (or re-installed) and `nova-manage cell_v2 discover_hosts` has not run since; the scheduler’s periodic discovery ([scheduler] discover_hosts_in_cells_interval) is off by default.',
    ko: '컴퓨트를 추가(또는 재설치)한 뒤 `nova-manage cell_v2 discover_hosts`를 실행하지 않았습니다. 스케줄러의 주기적 탐색([scheduler] discover_hosts_in_cells_interval)은 기본적으로 꺼져 있습니다.',
  },
  'nova-cells.unmapped.next': {
    en: 'On a controller (where nova.conf has the API database): `nova-manage cell_v2 discover_hosts --verbose` — this writes the host mapping, a change to the cloud: run it deliberately, then check with `nova-manage cell_v2 list_hosts` that {host} is listed. Kolla: `docker exec nova_api nova-manage …`; openstack-helm: `kubectl exec` into a nova-api pod.',
    ko: '컨트롤러(nova.conf에 API 데이터베이스가 있는 곳)에서 `nova-manage cell_v2 discover_hosts --verbose`를 실행하세요. 호스트 매핑을 쓰는, 클라우드를 바꾸는 작업이므로 의도해서 실행한 뒤 `nova-manage cell_v2 list_hosts`에 {host}이(가) 나오는지 확인하세요. Kolla는 `docker exec nova_api nova-manage …`, openstack-helm은 nova-api pod에 `kubectl exec`으로 실행합니다.',
  },
  'nova-cells.stale.title': { en: '{count} host mapping(s) without a nova-compute service: {hosts}', ko: 'nova-compute 서비스가 없는 호스트 매핑 {count}개: {hosts}' },
  'nova-cells.stale.explanation': {
    en: 'The API database maps {hosts}, but no nova-compute service of that name is registered: a compute that was removed (or renamed) without deleting its mapping. Harmless for scheduling; a new compute with the same name reuses it.',
    ko: 'API 데이터베이스에 {hosts}의 매핑이 있지만 그 이름의 nova-compute 서비스는 등록되어 있지 않습니다. 매핑을 지우지 않고 제거(또는 이름 변경)한 컴퓨트입니다. 스케줄링에는 해가 없고, 같은 이름의 새 컴퓨트가 이 매핑을 다시 씁니다.',
  },
  'nova-cells.stale.next': {
    en: 'If the host is gone for good: `nova-manage cell_v2 delete_host --cell_uuid {cell} --host {host}` (refused while instances remain on it).',
    ko: '호스트가 완전히 없어졌다면 `nova-manage cell_v2 delete_host --cell_uuid {cell} --host {host}`를 실행하세요(인스턴스가 남아 있으면 거부됨).',
  },
  'nova-cells.cell0.title': { en: 'No cell0 in Nova’s cell mappings', ko: 'Nova 셀 매핑에 cell0이 없음' },
  'nova-cells.cell0.explanation': { en: 'The cells mapped are: {cells}. Without cell0, an instance that fails to schedule has nowhere to be recorded: the API errors instead of showing it in ERROR.', ko: '매핑된 셀: {cells}. cell0이 없으면 스케줄링에 실패한 인스턴스를 기록할 곳이 없어, ERROR로 보이는 대신 API가 오류를 냅니다.' },
  'nova-cells.cell0.cause': { en: '`nova-manage cell_v2 map_cell0` was not run when Nova was deployed (or the mapping was deleted).', ko: 'Nova 배포 때 `nova-manage cell_v2 map_cell0`를 실행하지 않았습니다(또는 매핑이 지워짐).' },
  'nova-cells.cell0.next': { en: 'On a controller: `nova-manage cell_v2 map_cell0` then `nova-manage db sync` (changes the cloud: run it deliberately); `nova-manage cell_v2 list_cells` to check.', ko: '컨트롤러에서 `nova-manage cell_v2 map_cell0` 후 `nova-manage db sync`를 실행하고(클라우드를 바꾸는 작업이므로 의도해서 실행), `nova-manage cell_v2 list_cells`로 확인하세요.' },
  'nova-cells.disabled.title': { en: 'Cell {cell} is disabled', ko: '셀 {cell}이(가) 비활성화됨' },
  'nova-cells.disabled.explanation': { en: 'Cell {cell} ({hosts} compute host(s)) is disabled: the scheduler places no new instance in it; existing ones keep running.', ko: '셀 {cell}(컴퓨트 호스트 {hosts}개)이 비활성화되어 스케줄러가 새 인스턴스를 배치하지 않습니다. 기존 인스턴스는 계속 실행됩니다.' },
  'nova-cells.disabled.next': { en: 'If the maintenance is over: `nova-manage cell_v2 update_cell --cell_uuid {uuid} --enable` (then restart nova-scheduler, which caches the cells).', ko: '유지보수가 끝났다면 `nova-manage cell_v2 update_cell --cell_uuid {uuid} --enable`을 실행하세요(셀을 캐시하는 nova-scheduler를 다시 시작).' },
  'nova-cells.ok.title': { en: 'All {count} nova-compute hosts are mapped to a cell', ko: 'nova-compute 호스트 {count}개가 모두 셀에 매핑됨' },
  'nova-cells.ok.explanation': { en: 'Cells: {cells}. Hosts per cell: {hosts}.', ko: '셀: {cells}. 셀별 호스트 수: {hosts}.' },
};
