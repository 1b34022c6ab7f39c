/** placement-capacity's finding texts (playbooks/catalogue/placement-capacity), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const placementTexts: Record<string, Record<Lang, string>> = {
  // Pieces several findings share.
  'placement.join.semicolon': { en: '{a}; {b}', ko: '{a}; {b}' },
  'placement.none': { en: 'none', ko: '없음' },
  'placement.row': {
    en: '{rc}: capacity {capacity} = ({total} total − {reserved} reserved) × {ratio}, used {used} ({pct}), free {free}; max_unit {max}, min_unit {min}, step_size {step}',
    ko: '{rc}: 용량 {capacity} = (전체 {total} − reserved {reserved}) × {ratio}, 사용 {used} ({pct}), 여유 {free}; max_unit {max}, min_unit {min}, step_size {step}',
  },
  'placement.row.no-inventory': { en: '{rc}: used {used} with no inventory (capacity 0)', ko: '{rc}: 인벤토리 없이 {used} 사용 중 (용량 0)' },
  // The nova.conf settings behind a resource class's capacity.
  'placement.knob.vcpu': {
    en: 'cpu_allocation_ratio / initial_cpu_allocation_ratio and reserved_host_cpus',
    ko: 'cpu_allocation_ratio / initial_cpu_allocation_ratio와 reserved_host_cpus',
  },
  'placement.knob.pcpu': { en: 'cpu_dedicated_set', ko: 'cpu_dedicated_set 설정' },
  'placement.knob.memory-mb': {
    en: 'ram_allocation_ratio / initial_ram_allocation_ratio and reserved_host_memory_mb',
    ko: 'ram_allocation_ratio / initial_ram_allocation_ratio와 reserved_host_memory_mb',
  },
  'placement.knob.disk-gb': {
    en: 'disk_allocation_ratio / initial_disk_allocation_ratio and reserved_host_disk_mb',
    ko: 'disk_allocation_ratio / initial_disk_allocation_ratio와 reserved_host_disk_mb',
  },
  'placement.knob.other': { en: 'the inventory the service owning this provider reports', ko: '이 provider를 소유한 서비스가 보고하는 인벤토리' },

  // The Placement API itself.
  'placement.api.no-token.title': { en: 'Placement not queried from {node}: no token or endpoint', ko: '{node}에서 Placement를 조회하지 않음: 토큰이나 엔드포인트가 없음' },
  'placement.api.no-token.explanation': {
    en: 'The step could not get a Keystone token or the Placement endpoint (no OS_TOKEN/OS_ENDPOINT, and `openstack token issue` / `openstack endpoint list` failed), so no Placement request was made.',
    ko: '이 단계가 Keystone 토큰이나 Placement 엔드포인트를 얻지 못해(OS_TOKEN/OS_ENDPOINT가 없고, `openstack token issue` / `openstack endpoint list`도 실패) Placement 요청을 하나도 보내지 않았습니다.',
  },
  'placement.api.refused.title': { en: 'Placement refused the token from {node} (HTTP {status})', ko: 'Placement가 {node}의 토큰을 거부함 (HTTP {status})' },
  'placement.api.refused.explanation': {
    en: 'The credentials on this host were rejected, so capacity could not be read. Use an admin token (OS_TOKEN) or source an admin openrc.',
    ko: '이 호스트의 자격 증명이 거부되어 용량을 읽지 못했습니다. admin 토큰(OS_TOKEN)을 쓰거나 admin openrc를 source하세요.',
  },
  'placement.api.status.title': { en: 'Placement API at {endpoint} answered HTTP {status}', ko: '{endpoint}의 Placement API가 HTTP {status}을(를) 응답함' },
  'placement.api.silent.title': { en: 'Placement API at {endpoint} did not answer from {node}', ko: '{endpoint}의 Placement API가 {node}에서 응답하지 않음' },
  'placement.api.down.explanation': {
    en: 'GET {url} {answer}{db}. Without Placement, nova-scheduler cannot find hosts: every boot, resize and migration fails with NoValidHost.',
    ko: 'GET {url} 요청이 {answer}{db}. Placement가 없으면 nova-scheduler가 호스트를 찾지 못해, 모든 부팅, 리사이즈, 마이그레이션이 NoValidHost로 실패합니다.',
  },
  'placement.api.answer.status': { en: 'returned HTTP {status}', ko: 'HTTP {status}을(를) 반환했습니다' },
  'placement.api.answer.none': { en: 'got no HTTP answer', ko: 'HTTP 응답을 받지 못했습니다' },
  'placement.api.db': { en: ', and its answer quotes the database: {error}', ko: '. 응답에 데이터베이스 오류가 인용되어 있습니다: {error}' },
  'placement.api.cause.db': {
    en: 'Placement cannot use its database: the database cluster refuses queries (no Primary component, a node not ready) or is unreachable.',
    ko: 'Placement가 데이터베이스를 쓰지 못합니다. 데이터베이스 클러스터가 쿼리를 거부하거나(Primary 컴포넌트 없음, 노드 준비 안 됨) 닿지 않습니다.',
  },
  'placement.api.cause.status': {
    en: 'placement-api is down or cannot reach its database (a load balancer answers 502/503 when no backend is healthy).',
    ko: 'placement-api가 다운되었거나 데이터베이스에 닿지 못합니다(정상 백엔드가 없으면 로드 밸런서가 502/503으로 응답합니다).',
  },
  'placement.api.cause.silent': {
    en: 'placement-api is not running, or the endpoint in the catalog is not reachable from this host (wrong internal URL, firewall).',
    ko: 'placement-api가 실행 중이 아니거나, 카탈로그의 엔드포인트에 이 호스트에서 닿지 않습니다(잘못된 internal URL, 방화벽).',
  },
  'placement.api.next': {
    en: 'curl -si {endpoint}/ ; check the placement-api service and its log (e.g. kubectl -n openstack logs deploy/placement-api, docker logs placement_api, journalctl -u placement-api)',
    ko: 'curl -si {endpoint}/ 로 응답을 보고, placement-api 서비스와 로그를 확인하세요(예: kubectl -n openstack logs deploy/placement-api, docker logs placement_api, journalctl -u placement-api)',
  },
  'placement.api.unreadable.title': { en: 'Placement resource provider list unreadable (HTTP {status})', ko: 'Placement resource provider 목록을 읽을 수 없음 (HTTP {status})' },
  'placement.api.unreadable.explanation': { en: 'GET {url} did not return a resource provider list.', ko: 'GET {url} 요청이 resource provider 목록을 돌려주지 않았습니다.' },
  'placement.api.ok.title': { en: 'Placement API answered at {endpoint}: {count} resource provider(s)', ko: '{endpoint}의 Placement API가 응답함: resource provider {count}개' },
  'placement.api.ok.explanation': {
    en: 'GET /resource_providers returned HTTP 200 with {count} provider(s): {names}.',
    ko: 'GET /resource_providers가 HTTP 200과 provider {count}개를 돌려주었습니다: {names}.',
  },

  // Capacity per provider.
  'placement.capacity.unread.title': { en: '{provider}: capacity not read', ko: '{provider}: 용량을 읽지 못함' },
  'placement.capacity.unread.http': { en: 'GET {path} returned HTTP {status} without a usable body.', ko: 'GET {path} 요청이 쓸 수 있는 본문 없이 HTTP {status}을(를) 반환했습니다.' },
  'placement.capacity.unread.ended': {
    en: 'The step printed no inventories/usages for this provider (the step ended early).',
    ko: '이 단계가 이 provider의 inventories/usages를 출력하지 않았습니다(단계가 일찍 끝남).',
  },
  'placement.capacity.no-inventory.title': { en: '{provider}: no inventory', ko: '{provider}: 인벤토리 없음' },
  'placement.capacity.no-inventory.explanation': {
    en: 'This provider has no inventory of its own (a parent or grouping provider in a nested tree); nothing can be allocated on it directly.',
    ko: '이 provider에는 자기 인벤토리가 없습니다(중첩 트리의 부모 또는 묶음 provider). 여기에 직접 할당할 수 있는 것은 없습니다.',
  },
  'placement.over.title': {
    en: 'Over capacity for {rc} on resource provider {name}: used {used} > capacity {capacity}',
    ko: 'resource provider {name}의 {rc} 용량 초과: 사용 {used} > 용량 {capacity}',
  },
  'placement.over.explanation': {
    en: 'Over capacity for {rc} on resource provider {uuid} ({name}). {row}. Placement refuses every new allocation of {rc} here until usage drops below capacity, and the instances on it are overcommitted beyond what the operator allowed. All classes: {table}.',
    ko: 'resource provider {uuid}({name})의 {rc} 용량이 초과되었습니다. {row}. 사용량이 용량 아래로 내려갈 때까지 Placement는 여기서 {rc}의 새 할당을 모두 거부하고, 이 호스트의 인스턴스는 운영자가 허용한 것보다 더 오버커밋되어 있습니다. 전체 클래스: {table}.',
  },
  'placement.over.cause': {
    en: 'The inventory shrank under existing allocations: {knob} was lowered or reserved raised in nova.conf (nova-compute re-reports it), the host lost hardware, or someone set the inventory by hand.',
    ko: '기존 할당이 있는 상태에서 인벤토리가 줄었습니다. nova.conf의 {knob} 설정에서 비율이 낮아졌거나 reserved 값이 커졌거나(nova-compute가 다시 보고함), 호스트의 하드웨어가 줄었거나, 누군가 인벤토리를 직접 설정했습니다.',
  },
  'placement.over.next': {
    en: 'openstack resource provider inventory list {uuid} ; compare with {knob} in nova.conf on {name}; then restore the old value or migrate instances off (openstack server list --all-projects --host {name})',
    ko: 'openstack resource provider inventory list {uuid} 결과를 {name}의 nova.conf에 있는 {knob}와(과) 비교하세요. 그다음 예전 값으로 되돌리거나 인스턴스를 다른 곳으로 옮기세요(openstack server list --all-projects --host {name})',
  },
  'placement.near-full.title': { en: '{name}: {rc} {pct} used ({free} of {capacity} free)', ko: '{name}: {rc} {pct} 사용 중 ({capacity} 중 {free} 여유)' },
  'placement.near-full.explanation': {
    en: 'Resource provider {uuid} ({name}) has used more than {limit}% of its {rc}: {row}. New instances that need more than {free} {rc} cannot land here. All classes: {table}.',
    ko: 'resource provider {uuid}({name})가 {rc}의 {limit}% 넘게 사용했습니다: {row}. {rc}이(가) {free}보다 많이 필요한 새 인스턴스는 여기에 들어올 수 없습니다. 전체 클래스: {table}.',
  },
  'placement.near-full.cause': { en: 'The host is filling up, or {knob} leaves little room.', ko: '호스트가 차고 있거나, {knob} 설정 때문에 여유가 적습니다.' },
  'placement.near-full.next': {
    en: 'openstack resource provider usage show {uuid} ; plan capacity (add computes, rebalance with live migration) or review {knob}',
    ko: 'openstack resource provider usage show {uuid} 로 확인하고, 용량을 계획하거나(compute 추가, 라이브 마이그레이션으로 재배치) {knob}을(를) 검토하세요',
  },
  'placement.capacity.ok.title': { en: '{name}: capacity fine ({usage})', ko: '{name}: 용량 정상 ({usage})' },
  'placement.capacity.ok.explanation': { en: 'Resource provider {uuid}: {table}.', ko: 'resource provider {uuid}의 용량: {table}.' },
  'placement.capacity.many-ok.title': { en: '{count} resource providers: capacity fine', ko: 'resource provider {count}개: 용량 정상' },

  // Allocations that match no live instance, and instances with no allocation.
  'placement.orphan.skipped.title': { en: 'Orphan allocations not checked', ko: '고아 할당을 확인하지 않음' },
  'placement.orphan.skipped.no-step': {
    en: 'The nova-instances step did not complete, so allocations could not be matched to live instances.',
    ko: 'nova-instances 단계가 끝나지 않아 할당을 살아 있는 인스턴스와 맞춰 보지 못했습니다.',
  },
  'placement.orphan.skipped.db.title': { en: "Orphan allocations not checked: Nova's database not read on {node}", ko: '고아 할당을 확인하지 않음: {node}에서 Nova 데이터베이스를 읽지 못함' },
  'placement.orphan.skipped.db': { en: 'The query of nova.instances failed (exit {code}).', ko: 'nova.instances 쿼리가 실패했습니다(exit {code}).' },
  'placement.orphan.skipped.no-live.title': {
    en: 'Orphan allocations not judged: nova.instances lists no live instance',
    ko: '고아 할당을 판단하지 않음: nova.instances에 살아 있는 인스턴스가 없음',
  },
  'placement.orphan.skipped.no-live': {
    en: 'Placement has {count} consumer(s) but the nova database returned no live instance. The instances probably live in another cell database (multi-cell: nova_cell1, …), so nothing is flagged.',
    ko: 'Placement에는 consumer가 {count}개 있지만 nova 데이터베이스는 살아 있는 인스턴스를 하나도 돌려주지 않았습니다. 인스턴스가 다른 cell 데이터베이스(multi-cell: nova_cell1, …)에 있을 가능성이 커서 아무것도 표시하지 않습니다.',
  },
  'placement.orphan.title': { en: 'Orphan allocation: consumer {consumer} on {providers} is no live instance{gone}', ko: '고아 할당: {providers}의 consumer {consumer}은(는) 살아 있는 인스턴스가 아님{gone}' },
  'placement.orphan.title.deleted': { en: ' ({name}, deleted)', ko: ' ({name}, 삭제됨)' },
  'placement.orphan.explanation': {
    en: 'Placement still holds resources for consumer {consumer} ({where}), but it is no live instance in Nova: {who}.{migrations} These resources count as used, so the scheduler sees less free capacity than there is.',
    ko: 'Placement가 아직 consumer {consumer}의 자원을 잡고 있지만({where}), Nova에서 살아 있는 인스턴스가 아닙니다: {who}.{migrations} 이 자원은 사용 중으로 계산되어, 스케줄러는 실제보다 여유 용량을 적게 봅니다.',
  },
  'placement.orphan.who.deleted': { en: 'instance "{name}" that Nova deleted at {at}', ko: 'Nova가 {at}에 삭제한 인스턴스 "{name}"' },
  'placement.orphan.who.unknown': {
    en: 'no row in nova.instances (never an instance of this cell, or archived/purged)',
    ko: 'nova.instances에 행이 없음(이 cell의 인스턴스였던 적이 없거나, archive/purge됨)',
  },
  'placement.orphan.migrations.checked': { en: ' It is no in-progress migration either.', ko: ' 진행 중인 마이그레이션도 아닙니다.' },
  'placement.orphan.migrations.unread': {
    en: ' nova.migrations could not be read, so it could still be a migration record.',
    ko: ' nova.migrations를 읽지 못해서 마이그레이션 기록일 가능성은 남아 있습니다.',
  },
  'placement.orphan.cause': {
    en: 'An instance delete or failed migration/resize did not remove its allocation (nova-compute down during the delete, a crash mid-operation), or another service (Cyborg, Zun, Blazar) owns the consumer.',
    ko: '인스턴스 삭제나 실패한 마이그레이션/리사이즈가 할당을 지우지 못했거나(삭제 중 nova-compute 다운, 작업 도중 비정상 종료), 다른 서비스(Cyborg, Zun, Blazar)가 그 consumer를 소유합니다.',
  },
  'placement.orphan.next': {
    en: 'Verify first: openstack server show {consumer} ; openstack resource provider allocation show {consumer} ; nova-manage placement audit --verbose (read-only; lists orphans). Only if it is really gone: openstack resource provider allocation delete {consumer} (MUTATING: frees the resources; not run by this playbook)',
    ko: '먼저 확인하세요: openstack server show {consumer} ; openstack resource provider allocation show {consumer} ; nova-manage placement audit --verbose (읽기 전용, 고아 목록 출력). 정말 없는 인스턴스일 때만: openstack resource provider allocation delete {consumer} (변경 작업: 자원을 해제합니다. 이 플레이북은 실행하지 않음)',
  },
  'placement.orphan.ok.title': { en: 'All {count} allocation consumer(s) are live instances or migrations', ko: '할당 consumer {count}개 모두 살아 있는 인스턴스나 마이그레이션임' },
  'placement.orphan.ok.explanation': {
    en: 'Every consumer holding resources in Placement matches a live row of nova.instances ({live} live instance(s)){migrations}.{partial}',
    ko: 'Placement에서 자원을 잡고 있는 모든 consumer가 nova.instances의 살아 있는 행(살아 있는 인스턴스 {live}개){migrations}과(와) 일치합니다.{partial}',
  },
  'placement.orphan.ok.migrations': { en: ' or an in-progress migration', ko: ' 또는 진행 중인 마이그레이션' },
  'placement.orphan.ok.partial': { en: ' Allocations of {providers} were not read.', ko: ' {providers}의 할당은 읽지 못했습니다.' },
  'placement.missing.title': { en: 'Instance {instance} on {host} has no allocation in Placement', ko: '{host}의 인스턴스 {instance}에 Placement 할당이 없음' },
  'placement.missing.explanation': {
    en: 'Instance {uuid} ({name}, {state}) runs on {host} but no resource provider has an allocation for it, so Placement counts its VCPU/RAM/disk as free and can overcommit the host.',
    ko: '인스턴스 {uuid}({name}, {state})가 {host}에서 실행 중이지만 어떤 resource provider에도 할당이 없습니다. 그래서 Placement는 이 인스턴스의 VCPU/RAM/디스크를 여유로 계산하고, 호스트를 오버커밋할 수 있습니다.',
  },
  'placement.missing.cause': {
    en: 'The allocation was deleted by hand or lost in a failed migration, or the instance predates Placement.',
    ko: '할당이 수동으로 삭제되었거나 실패한 마이그레이션에서 사라졌거나, 인스턴스가 Placement 도입 전에 만들어졌습니다.',
  },
  'placement.missing.next': {
    en: 'nova-manage placement heal_allocations --dry-run --instance {uuid} --verbose (then without --dry-run to recreate it)',
    ko: 'nova-manage placement heal_allocations --dry-run --instance {uuid} --verbose 로 확인하세요(그다음 --dry-run 없이 실행하면 할당을 다시 만듭니다)',
  },

  // Nothing could be read.
  'placement.skipped.capacity.title': { en: 'Placement capacity not checked', ko: 'Placement 용량을 확인하지 않음' },
  'placement.skipped.no-step': {
    en: 'The placement-providers step did not complete, so no Placement data was read.',
    ko: 'placement-providers 단계가 끝나지 않아 Placement 데이터를 하나도 읽지 못했습니다.',
  },
  'placement.skipped.no-list': { en: 'The Placement API gave no provider list (see placement.api).', ko: 'Placement API가 provider 목록을 주지 않았습니다(placement.api 참고).' },
  'placement.skipped.flavor.title': { en: 'Flavor fit not checked', ko: 'flavor 배치 가능 여부를 확인하지 않음' },

  // Would this flavor fit anywhere (flavor.ts)?
  'placement.limit.none': { en: '{rc}: no {rc} inventory on this provider{shared}', ko: '{rc}: 이 provider에 {rc} 인벤토리가 없음{shared}' },
  'placement.limit.none.shared': {
    en: ' (if disk comes from a shared storage provider, Placement combines them)',
    ko: ' (디스크를 공유 스토리지 provider에서 받는다면 Placement가 둘을 합칩니다)',
  },
  'placement.limit.max-unit': {
    en: '{rc}: asks {n} but max_unit is {max} (the most one allocation may take here, whatever is free)',
    ko: '{rc}: {n}을(를) 요청했지만 max_unit이 {max}임 (여유와 관계없이 여기서 할당 하나가 가질 수 있는 최대치)',
  },
  'placement.limit.min-unit': { en: '{rc}: asks {n} but min_unit is {min}', ko: '{rc}: {n}을(를) 요청했지만 min_unit이 {min}임' },
  'placement.limit.step-size': { en: '{rc}: asks {n}, not a multiple of step_size {step}', ko: '{rc}: {n}을(를) 요청했지만 step_size {step}의 배수가 아님' },
  'placement.limit.free': {
    en: '{rc}: asks {n} but only {free} free (capacity {capacity} = ({total} − {reserved}) × {ratio}, used {used})',
    ko: '{rc}: {n}을(를) 요청했지만 여유는 {free}뿐임 (용량 {capacity} = ({total} − {reserved}) × {ratio}, 사용 {used})',
  },
  'placement.cand.none': { en: 'GET /allocation_candidates was not made.', ko: 'GET /allocation_candidates는 호출하지 않았습니다.' },
  'placement.cand.answered': {
    en: "Placement's GET /allocation_candidates?resources={query} returned {count} allocation request(s){on}.",
    ko: 'Placement의 GET /allocation_candidates?resources={query}가 할당 요청 {count}개를 돌려주었습니다{on}.',
  },
  'placement.cand.on': { en: ' on {names}', ko: ' (대상: {names})' },
  'placement.cand.failed': {
    en: 'GET /allocation_candidates?resources={query} failed (HTTP {status}), so only the inventories were used.',
    ko: 'GET /allocation_candidates?resources={query}가 실패해서(HTTP {status}) 인벤토리만으로 판단했습니다.',
  },
  'placement.flavor.unread': { en: ' Not read (not judged): {names}.', ko: ' 읽지 못함(판단하지 않음): {names}.' },
  'placement.flavor.provider': { en: '{name}: {limits}', ko: '{name}의 한계: {limits}' },
  'placement.flavor.provider.then': { en: '{prev} | {name}: {limits}', ko: '{prev} | {name}의 한계: {limits}' },
  'placement.flavor.more': { en: '{prev} | … and {count} more provider(s)', ko: '{prev} | … 외 provider {count}개' },
  'placement.flavor.limiting.all': { en: '{set} runs out on every provider ({providers})', ko: '모든 provider에서 {set}이(가) 모자람 ({providers})' },
  'placement.flavor.n-providers': { en: '{count} providers', ko: 'provider {count}개' },
  'placement.flavor.limiting.rc-count': { en: '{rc} on {count} providers', ko: 'provider {count}개에서 {rc}' },
  'placement.flavor.limiting.on': { en: '{set} on {name}', ko: '{name}에서 {set}' },
  'placement.flavor.nowhere.title': { en: 'Flavor ({flavor}) fits nowhere: {limiting}', ko: 'flavor ({flavor})가 들어갈 곳이 없음: {limiting}' },
  'placement.flavor.nowhere.no-classes': { en: 'no provider has these resource classes', ko: '이 resource class를 가진 provider가 없음' },
  'placement.flavor.disagree': {
    en: ' By inventories and usages it would fit on {names}, yet Placement returns no candidate: its view changed between the calls, or the provider tree (nested/shared providers) differs from this per-provider sum; re-run and check the placement-api log.',
    ko: ' 인벤토리와 사용량으로 보면 {names}에 들어가야 하는데 Placement는 후보를 돌려주지 않습니다. 두 호출 사이에 Placement의 상태가 바뀌었거나, provider 트리(중첩/공유 provider)가 이 provider별 합계와 다릅니다. 다시 실행하고 placement-api 로그를 확인하세요.',
  },
  'placement.flavor.nowhere.explanation': {
    en: 'No resource provider can take {flavor}. {detail} {cand}{disagree} This is what nova-scheduler\'s "Got no allocation candidates from the Placement API" and the user\'s "No valid host was found" mean.{unread}',
    ko: '{flavor}을(를) 받을 수 있는 resource provider가 없습니다. {detail} {cand}{disagree} nova-scheduler의 "Got no allocation candidates from the Placement API"와 사용자가 보는 "No valid host was found"가 바로 이 뜻입니다.{unread}',
  },
  'placement.flavor.per-provider': { en: 'Per provider: {lines}.', ko: 'provider별: {lines}.' },
  'placement.flavor.no-inventory': { en: 'None of the {count} provider(s) has {rcs} inventory.', ko: 'provider {count}개 중 {rcs} 인벤토리를 가진 것이 없습니다.' },
  'placement.flavor.capacity-set-by': {
    en: '{rc}: capacity is (total − reserved) × allocation_ratio, set by {knob}',
    ko: '{rc}: 용량은 (total − reserved) × allocation_ratio이며, {knob}(으)로 정해집니다',
  },
  'placement.flavor.nowhere.cause': {
    en: '{knobs}. Either the computes are full, the reserve/ratio leaves too little{maxUnit}.',
    ko: '{knobs}. compute가 가득 찼거나, reserved/비율 설정 때문에 남는 것이 너무 적습니다{maxUnit}.',
  },
  'placement.flavor.nowhere.cause.max-unit': {
    en: ', or the flavor is bigger than any single host can take (max_unit is the host size)',
    ko: '. 아니면 flavor가 어떤 호스트 하나가 받을 수 있는 것보다 큽니다(max_unit은 호스트 크기)',
  },
  'placement.flavor.nowhere.next': {
    en: 'openstack allocation candidate list {resources} ; openstack resource provider inventory list {uuid} ; then free capacity (migrate/delete instances, add computes), fix the reserve/ratio in nova.conf, or use a smaller flavor',
    ko: 'openstack allocation candidate list {resources} ; openstack resource provider inventory list {uuid} 로 확인한 뒤, 용량을 확보하거나(인스턴스 마이그레이션/삭제, compute 추가), nova.conf의 reserved/비율을 고치거나, 더 작은 flavor를 쓰세요',
  },
  'placement.flavor.fits.title': { en: 'Flavor ({flavor}) fits on {count} provider(s): {names}', ko: 'flavor ({flavor})가 provider {count}개에 들어갈 수 있음: {names}' },
  'placement.flavor.fits.explanation': {
    en: 'Placement has room for {flavor}. {cand}{note}{blocked}{unread} If a boot still fails with "No valid host was found", the cause is a nova-scheduler filter (availability zone, aggregate, affinity, disabled compute service, image properties), not Placement capacity.',
    ko: 'Placement에 {flavor}을(를) 위한 자리가 있습니다. {cand}{note}{blocked}{unread} 그래도 부팅이 "No valid host was found"로 실패한다면, 원인은 Placement 용량이 아니라 nova-scheduler 필터(가용 영역, aggregate, affinity, 비활성화된 compute 서비스, 이미지 속성)입니다.',
  },
  'placement.flavor.fits.combined': {
    en: ' The per-provider sum found no single provider with everything (the resources come from several providers: nested or shared storage), but Placement combines them.',
    ko: ' provider별 합계로는 모든 자원을 가진 provider가 하나도 없지만(자원이 여러 provider에서 옴: 중첩 또는 공유 스토리지), Placement가 이를 합칩니다.',
  },
  'placement.flavor.not-on': { en: ' Not on: {items}.', ko: ' 들어갈 수 없는 곳: {items}.' },
  'placement.flavor.not-on.item': { en: '{name} ({limits})', ko: '{name}(이유: {limits})' },
  'placement.flavor.not-on.then': { en: '{prev} | {name} ({limits})', ko: '{prev} | {name}(이유: {limits})' },
  // Every enabled flavor, when no flavor was asked for (flavors.ts).
  'placement.flavors.skipped.title': { en: "Flavors not checked: Nova's flavors not read on {node}", ko: 'flavor를 확인하지 않음: {node}에서 Nova의 flavor를 읽지 못함' },
  'placement.flavors.skipped.no-step': {
    en: "The nova-instances step did not complete, so Nova's flavors could not be compared with the computes.",
    ko: 'nova-instances 단계가 끝나지 않아 Nova의 flavor를 compute와 비교하지 못했습니다.',
  },
  'placement.flavors.skipped.no-table': {
    en: 'The database {node} reads has no nova_api.flavors table (no Nova API database there), so no flavor was compared with the computes.',
    ko: '{node}에서 읽는 데이터베이스에 nova_api.flavors 테이블이 없어(Nova API 데이터베이스가 없음) 어떤 flavor도 compute와 비교하지 못했습니다.',
  },
  'placement.flavors.skipped.error': {
    en: 'Reading nova_api.flavors on {node} failed (the step\'s output says why), so no flavor was compared with the computes.',
    ko: '{node}에서 nova_api.flavors를 읽지 못해(이유는 단계 출력에 있음) 어떤 flavor도 compute와 비교하지 못했습니다.',
  },
  'placement.flavors.skipped.no-compute': {
    en: 'None of the {count} resource provider(s) read has a VCPU or MEMORY_MB inventory to place a flavor on.',
    ko: '읽은 resource provider {count}개 중 flavor를 놓을 VCPU나 MEMORY_MB 인벤토리를 가진 것이 없습니다.',
  },
  'placement.flavors.ok.title': { en: 'All {count} enabled flavor(s) fit on at least one of {computes} compute(s)', ko: '사용 가능한 flavor {count}개가 모두 compute {computes}개 중 적어도 하나에 들어감' },
  'placement.flavors.ok.explanation': {
    en: "Each enabled flavor's VCPU, MEMORY_MB and DISK_GB (root + ephemeral + swap, what nova-scheduler asks for an image-backed server) was compared with every compute provider's free capacity ((total − reserved) × allocation_ratio − used, within max_unit). {largest}{special}",
    ko: '사용 가능한 각 flavor의 VCPU, MEMORY_MB, DISK_GB(root + ephemeral + swap, 이미지로 부팅하는 서버에 nova-scheduler가 요청하는 양)를 모든 compute provider의 여유 용량((total − reserved) × allocation_ratio − 사용량, max_unit 이내)과 비교했습니다. {largest}{special}',
  },
  'placement.flavors.largest': { en: 'The largest, {name} ({flavor}), fits on {names}.', ko: '가장 큰 {name}({flavor})은(는) {names}에 들어갑니다.' },
  'placement.flavors.none': { en: 'No flavor asks for VCPU or RAM.', ko: 'VCPU나 RAM을 요청하는 flavor가 없습니다.' },
  'placement.flavors.special': {
    en: ' Not judged by size: {names} (their resources:* or hw:cpu_policy extra specs change what they ask).',
    ko: ' 크기로 판단하지 않음: {names}(resources:* 또는 hw:cpu_policy extra spec이 요청하는 자원을 바꿈).',
  },
  'placement.flavors.nowhere.title': { en: 'Flavor {name} ({flavor}) fits on no compute: {limiting}', ko: 'flavor {name}({flavor})이(가) 어느 compute에도 들어가지 않음: {limiting}' },
  'placement.flavors.nowhere.explanation': {
    en: 'A new server of flavor {name} would end in ERROR with "No valid host was found": {when}. {detail}{disk} This compares numbers only; `stackscope run placement-capacity --param vcpu={vcpus} --param memory_mb={memory} --param disk_gb={disk_gb}` asks Placement itself.',
    ko: 'flavor {name}(으)로 새 서버를 만들면 "No valid host was found"와 함께 ERROR가 됩니다: {when}. {detail}{disk} 이 검사는 숫자만 비교합니다. `stackscope run placement-capacity --param vcpu={vcpus} --param memory_mb={memory} --param disk_gb={disk_gb}`로 Placement에 직접 물어보세요.',
  },
  'placement.flavors.when.never': { en: 'no compute could take it even empty, so it never fits', ko: '비어 있는 compute조차 받을 수 없어 절대 들어가지 않습니다' },
  'placement.flavors.when.now': { en: 'the computes are too full for it now', ko: '지금은 compute가 너무 차 있습니다' },
  'placement.flavors.disk-only': {
    en: ' Only DISK_GB stops it: a server booted from a volume (which asks no DISK_GB) still fits.',
    ko: ' DISK_GB만 막고 있습니다: 볼륨으로 부팅하는 서버(DISK_GB를 요청하지 않음)는 들어갑니다.',
  },
  'placement.flavors.nowhere.next': {
    en: 'openstack flavor show {name} ; openstack allocation candidate list --resource VCPU={vcpus} --resource MEMORY_MB={memory} --resource DISK_GB={disk_gb} ; then free capacity (migrate/delete instances, add computes), fix reserved_host_* / *_allocation_ratio in nova.conf, or retire the flavor (openstack flavor set --private, or delete it)',
    ko: 'openstack flavor show {name} ; openstack allocation candidate list --resource VCPU={vcpus} --resource MEMORY_MB={memory} --resource DISK_GB={disk_gb} 로 확인한 뒤, 용량을 확보하거나(인스턴스 마이그레이션/삭제, compute 추가), nova.conf의 reserved_host_* / *_allocation_ratio를 고치거나, flavor를 거두세요(openstack flavor set --private 또는 삭제)',
  },
  'placement.flavors.many.item': { en: '{name} ({flavor}): {limiting}', ko: '{name}({flavor})의 한계: {limiting}' },
  'placement.flavors.many.title': { en: '{count} flavors fit on no compute: {names}', ko: 'flavor {count}개가 어느 compute에도 들어가지 않음: {names}' },
  'placement.flavors.many.explanation': {
    en: '{count} of {of} enabled flavors would end in ERROR with "No valid host was found" ({never} of them even on an empty compute): {items}.',
    ko: '사용 가능한 flavor {of}개 중 {count}개는 "No valid host was found"와 함께 ERROR가 됩니다(그중 {never}개는 비어 있는 compute에도 들어가지 않음): {items}.',
  },
  'placement.flavors.many.cause': {
    en: 'The computes are full, or reserved_host_* and *_allocation_ratio in nova.conf leave less than these flavors ask; flavors bigger than any host never fit.',
    ko: 'compute가 가득 찼거나, nova.conf의 reserved_host_*와 *_allocation_ratio 때문에 이 flavor들이 요청하는 것보다 적게 남습니다. 어느 호스트보다 큰 flavor는 절대 들어가지 않습니다.',
  },
  'placement.flavors.many.next': {
    en: 'stackscope run placement-capacity with one flavor\'s --param vcpu/memory_mb/disk_gb for the per-provider detail; then free capacity, fix the reserve/ratios, or retire the flavors that can never fit',
    ko: '한 flavor의 --param vcpu/memory_mb/disk_gb로 stackscope run placement-capacity를 실행해 provider별 내용을 본 뒤, 용량을 확보하거나 reserved/비율을 고치거나, 절대 들어갈 수 없는 flavor를 거두세요',
  },
};
