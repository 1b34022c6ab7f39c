/** ovn-health's finding texts (playbooks/catalogue/ovn-health), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const ovnHealthTexts: Record<string, Record<Lang, string>> = {
  // The NB / SB database answers a read ({db}: Northbound or Southbound, {side}: nb or sb).
  'ovn-health.reachable.title': { en: 'The OVN {db} database answers', ko: 'OVN {db} 데이터베이스가 응답함' },
  'ovn-health.reachable.explanation': { en: 'A read from {node} succeeded.', ko: '{node}에서 읽기에 성공했습니다.' },
  'ovn-health.unreachable.title': { en: 'The OVN {db} database does not answer (read from {node})', ko: 'OVN {db} 데이터베이스가 응답하지 않음 ({node}에서 읽음)' },
  'ovn-health.unreachable.explanation': {
    en: '`ovn-{side}ctl` on {node} could not read the {db} database (exit {exit}). With --no-leader-only any connected cluster member would do, so no reachable server is part of a working cluster. {impact}',
    ko: '{node}의 `ovn-{side}ctl`이 {db} 데이터베이스를 읽지 못했습니다(exit {exit}). --no-leader-only이면 연결된 클러스터 멤버 아무 곳에서나 읽을 수 있으므로, 닿을 수 있는 서버 중 정상 클러스터에 속한 서버가 하나도 없다는 뜻입니다. {impact}',
  },
  'ovn-health.unreachable.impact.nb': {
    en: 'Neutron cannot create or change networks, ports or security groups.',
    ko: 'Neutron이 네트워크, 포트, 보안 그룹을 만들거나 바꿀 수 없습니다.',
  },
  'ovn-health.unreachable.impact.sb': {
    en: 'ovn-northd cannot publish flows and ovn-controllers cannot learn changes; new ports do not come up.',
    ko: 'ovn-northd가 flow를 내려보내지 못하고 ovn-controller들이 변경 사항을 받지 못합니다. 새 포트가 올라오지 않습니다.',
  },
  'ovn-health.unreachable.cause': {
    en: 'The {db} ovsdb-server is down on every member, or the raft cluster has no leader (see the raft findings), or the connection string / TLS settings are wrong.',
    ko: '모든 멤버에서 {db} ovsdb-server가 내려가 있거나, raft 클러스터에 리더가 없거나(raft 결과를 보세요), 연결 문자열 / TLS 설정이 잘못되었습니다.',
  },
  'ovn-health.unreachable.next': {
    en: 'Check the raft status on each controller: `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/ovn{side}_db.ctl cluster/status OVN_{db}`, and the ovsdb-server log.',
    ko: '각 컨트롤러에서 raft 상태를 확인하세요: `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/ovn{side}_db.ctl cluster/status OVN_{db}`. ovsdb-server 로그도 확인하세요.',
  },

  // A server that is not (or no longer) a raft member ({label}: NB or SB).
  'ovn-health.raft-standalone.title': { en: '{label} database on {node} is not clustered', ko: '{node}의 {label} 데이터베이스가 클러스터 구성이 아님' },
  'ovn-health.raft-standalone.title.left': {
    en: '{label} database on {node} is not clustered (no raft cluster named {db})',
    ko: '{node}의 {label} 데이터베이스가 클러스터 구성이 아님 ({db}라는 raft 클러스터가 없음)',
  },
  'ovn-health.raft-standalone.explanation': {
    en: 'The {label} ovsdb-server on {node} serves a standalone (non-raft) database: it has no cluster/status command. High availability, if any, comes from active/standby (e.g. pacemaker), not raft, so there is no leader or membership to check.',
    ko: '{node}의 {label} ovsdb-server는 standalone(비 raft) 데이터베이스를 제공합니다. cluster/status 명령이 없습니다. 고가용성이 있다면 raft가 아니라 active/standby(예: pacemaker)로 구성된 것이므로, 확인할 리더나 멤버십이 없습니다.',
  },
  'ovn-health.raft-standalone.explanation.left': {
    en: 'The {label} ovsdb-server on {node} runs no raft cluster called {db}. Either the database is standalone here, or this server left the cluster and now serves its own copy; raft checks do not apply to it.',
    ko: '{node}의 {label} ovsdb-server에는 {db}라는 raft 클러스터가 없습니다. 이 노드에서는 데이터베이스가 standalone이거나, 이 서버가 클러스터에서 빠져 자기 사본을 제공하고 있습니다. raft 점검은 여기에 해당하지 않습니다.',
  },
  'ovn-health.raft-standalone.cause': { en: 'Deployed without raft clustering.', ko: 'raft 클러스터 없이 배포되었습니다.' },
  'ovn-health.raft-standalone.cause.left': {
    en: 'Deployed standalone, or the member was removed from the cluster (its database file records that it left).',
    ko: 'standalone으로 배포되었거나, 이 멤버가 클러스터에서 제거되었습니다(데이터베이스 파일에 탈퇴 기록이 남아 있습니다).',
  },
  'ovn-health.raft-standalone.next': { en: 'Nothing to do if standalone is intended.', ko: 'standalone이 의도한 구성이라면 할 일은 없습니다.' },
  'ovn-health.raft-standalone.next.left': {
    en: 'If this node should be a raft member: `ovsdb-tool db-is-clustered /var/lib/ovn/ovn{side}_db.db` and the ovsdb-server log; rejoin it with `ovsdb-tool join-cluster` after removing the stale file.',
    ko: '이 노드가 raft 멤버여야 한다면 `ovsdb-tool db-is-clustered /var/lib/ovn/ovn{side}_db.db`와 ovsdb-server 로그를 확인하세요. 오래된 파일을 치운 뒤 `ovsdb-tool join-cluster`로 다시 합류시키세요.',
  },

  // cluster/status failed on a member.
  'ovn-health.raft-member-down.title': { en: '{label} raft status cannot be read on {node}', ko: '{node}에서 {label} raft 상태를 읽을 수 없음' },
  'ovn-health.raft-member-down.explanation': {
    en: '`cluster/status {db}` failed on {node} (exit {exit}): the {label} ovsdb-server there is not running or its control socket is elsewhere. If {node} is a cluster member, the cluster is running with one member fewer.',
    ko: '{node}에서 `cluster/status {db}`가 실패했습니다(exit {exit}). 그곳의 {label} ovsdb-server가 실행 중이 아니거나 제어 소켓이 다른 위치에 있습니다. {node}이(가) 클러스터 멤버라면 클러스터는 멤버 하나가 빠진 채 돌아가고 있습니다.',
  },
  'ovn-health.raft-member-down.cause': {
    en: 'ovsdb-server for {db} is stopped or crash-looping on {node} (or {node} does not host this database).',
    ko: '{node}에서 {db}의 ovsdb-server가 멈췄거나 재시작을 반복하고 있습니다(또는 {node}에는 이 데이터베이스가 없습니다).',
  },
  'ovn-health.raft-member-down.next': {
    en: 'On {node}: `ls ${OVN_RUNDIR:-/var/run/ovn}/{ctl}`, the service/pod/container status of the {label} ovsdb-server and its log.',
    ko: '{node}에서: `ls ${OVN_RUNDIR:-/var/run/ovn}/{ctl}`, {label} ovsdb-server의 서비스/pod/컨테이너 상태와 로그를 확인하세요.',
  },

  // No member knows a leader.
  'ovn-health.raft-no-leader.title': { en: '{label} raft cluster has no leader', ko: '{label} raft 클러스터에 리더가 없음' },
  'ovn-health.raft-no-leader.explanation': {
    en: 'No member that answered knows a leader ({roles}). The cluster has {servers} servers, so {quorum} must be connected to elect one; only {answered} answered this check{failed}. Until a leader is elected the {label} database refuses reads and writes{impact}.',
    ko: '응답한 멤버 중 리더를 아는 멤버가 없습니다({roles}). 클러스터 서버가 {servers}개이므로 리더를 뽑으려면 {quorum}개가 연결되어 있어야 하는데, 이 점검에 응답한 것은 {answered}개뿐입니다{failed}. 리더가 선출될 때까지 {label} 데이터베이스는 읽기와 쓰기를 거부합니다{impact}.',
  },
  'ovn-health.raft-no-leader.failed': { en: ' and {count} did not', ko: '(응답 없음 {count}개)' },
  'ovn-health.raft-no-leader.impact.nb': { en: ' (Neutron API calls that touch networking fail)', ko: '(네트워크를 건드리는 Neutron API 호출이 실패합니다)' },
  'ovn-health.raft-no-leader.impact.sb': { en: ' (ovn-northd and every ovn-controller are stuck)', ko: '(ovn-northd와 모든 ovn-controller가 멈춰 있습니다)' },
  'ovn-health.raft-no-leader.cause': {
    en: 'A majority of the {servers} members is down or cannot reach the others (connections in parentheses are not established){stale}.',
    ko: '멤버 {servers}개 중 과반이 내려갔거나 서로 닿지 못합니다(괄호 안의 연결은 맺어지지 않은 것입니다){stale}.',
  },
  'ovn-health.raft-no-leader.cause.stale': {
    en: '; the configuration also lists more servers than there are controllers, so stale members count against the majority',
    ko: '. 또한 설정에 컨트롤러 수보다 많은 서버가 있어, 없어진 멤버까지 과반 계산에 들어갑니다',
  },
  'ovn-health.raft-no-leader.next': {
    en: 'Bring the stopped members back (their ovsdb-server service/pod) and check raft connectivity (port 6643 for NB, 6644 for SB) between controllers; `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/{ctl} cluster/status {db}` on each member. Stale members can only be removed with `cluster/kick` once a leader exists.',
    ko: '멈춘 멤버(ovsdb-server 서비스/pod)를 다시 살리고, 컨트롤러 사이의 raft 연결(NB는 포트 6643, SB는 6644)을 확인하세요. 각 멤버에서 `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/{ctl} cluster/status {db}`. 오래된 멤버는 리더가 생긴 뒤에만 `cluster/kick`으로 제거할 수 있습니다.',
  },

  // Members name different leaders.
  'ovn-health.raft-split-view.title': { en: '{label} raft members disagree on the leader', ko: '{label} raft 멤버들이 가리키는 리더가 서로 다름' },
  'ovn-health.raft-split-view.explanation': {
    en: 'Members name different leaders ({views}). This is normal for a moment during an election; if it persists, members are partitioned.',
    ko: '멤버마다 다른 리더를 가리킵니다({views}). 선출 중에는 잠깐 그럴 수 있지만, 계속된다면 멤버들이 네트워크로 갈라진 것입니다.',
  },
  'ovn-health.raft-split-view.cause': { en: 'An election in progress or a network partition between controllers.', ko: '선출이 진행 중이거나 컨트롤러 사이에 네트워크 분리가 있습니다.' },
  'ovn-health.raft-split-view.next': {
    en: 'Re-run in a minute; if it persists, check connectivity between controllers on the raft port.',
    ko: '1분 뒤 다시 실행하세요. 계속된다면 컨트롤러 사이 raft 포트 연결을 확인하세요.',
  },

  // A member without contact to the leader others know.
  'ovn-health.raft-member-disconnected.title': { en: '{label} raft member on {node} is not in contact with the leader', ko: '{node}의 {label} raft 멤버가 리더와 연락되지 않음' },
  'ovn-health.raft-member-disconnected.explanation': {
    en: '{node} reports `{status}`, role {role}, leader {leader} while other members have a leader. It serves no reads or writes until it rejoins, and the cluster has one member less of margin.',
    ko: '다른 멤버들에게는 리더가 있는데 {node}은(는) `{status}`, role {role}, leader {leader}를 보고합니다. 다시 합류할 때까지 읽기와 쓰기를 처리하지 않으며, 클러스터의 여유가 멤버 하나만큼 줄었습니다.',
  },
  'ovn-health.raft-member-disconnected.cause': {
    en: 'This member cannot reach the others on the raft port (firewall, network), or it is still catching up after a restart.',
    ko: '이 멤버가 raft 포트로 다른 멤버에 닿지 못하거나(방화벽, 네트워크), 재시작 뒤 아직 따라잡는 중입니다.',
  },
  'ovn-health.raft-member-disconnected.next': {
    en: "On {node}: the {label} ovsdb-server log; test the raft port to the leader's address ({address}).",
    ko: '{node}에서: {label} ovsdb-server 로그를 보고, 리더 주소({address})로 raft 포트가 열리는지 시험하세요.',
  },
  'ovn-health.raft-member-disconnected.address.unknown': { en: 'see Servers', ko: 'Servers 항목 참고' },

  // The leader's view of a follower it cannot reach.
  'ovn-health.raft-member-unreachable.title': { en: '{label} leader on {node} cannot reach member {sid} ({address})', ko: '{node}의 {label} 리더가 멤버 {sid}({address})에 닿지 못함' },
  'ovn-health.raft-member-unreachable.title.on': {
    en: '{label} leader on {node} cannot reach member {sid} ({address}) on {member}',
    ko: '{node}의 {label} 리더가 {member}의 멤버 {sid}({address})에 닿지 못함',
  },
  'ovn-health.raft-member-unreachable.explanation': {
    en: '{lead}. The cluster still works while a majority is connected, but {margin}.',
    ko: '{lead}. 과반이 연결되어 있는 동안 클러스터는 동작하지만, {margin}.',
  },
  'ovn-health.raft-member-unreachable.lead.both': {
    en: 'The leader last heard from {sid} {secs} s ago and its connection to it is not established',
    ko: '리더가 {sid}에게서 마지막으로 메시지를 받은 것은 {secs}초 전이고, 그 멤버로의 연결이 맺어져 있지 않습니다',
  },
  'ovn-health.raft-member-unreachable.lead.heard': { en: 'The leader last heard from {sid} {secs} s ago', ko: '리더가 {sid}에게서 마지막으로 메시지를 받은 것은 {secs}초 전입니다' },
  'ovn-health.raft-member-unreachable.lead.pending': { en: 'The leader connection to it is not established', ko: '리더에서 이 멤버로의 연결이 맺어져 있지 않습니다' },
  'ovn-health.raft-member-unreachable.margin.one': { en: 'one more failed member would leave it without a majority', ko: '멤버가 하나만 더 실패해도 과반을 잃습니다' },
  'ovn-health.raft-member-unreachable.margin.many': { en: 'it can lose only {count} more member(s)', ko: '멤버를 {count}개까지만 더 잃을 수 있습니다' },
  'ovn-health.raft-member-unreachable.cause': {
    en: 'The ovsdb-server of member {sid} is down, or the raft port on {address} is unreachable.',
    ko: '멤버 {sid}의 ovsdb-server가 내려갔거나, {address}의 raft 포트에 닿을 수 없습니다.',
  },
  'ovn-health.raft-member-unreachable.next': {
    en: 'Check the {label} ovsdb-server on the host with address {address}; if that member is gone for good, remove it from the leader with `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/{ctl} cluster/kick {db} {sid}` (mutating).',
    ko: '주소가 {address}인 호스트의 {label} ovsdb-server를 확인하세요. 그 멤버가 영구히 없어졌다면 리더에서 `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/{ctl} cluster/kick {db} {sid}`로 제거하세요(변경 작업).',
  },

  // A membership change that may be stuck.
  'ovn-health.raft-membership-change.title': { en: '{label} raft membership change in progress on {node}', ko: '{node}에서 {label} raft 멤버십 변경이 진행 중' },
  'ovn-health.raft-membership-change.explanation': {
    en: 'The leader is adding or removing a server. A member stuck in "catchup" never finishes joining and keeps the cluster one member short.',
    ko: '리더가 서버를 추가하거나 제거하는 중입니다. "catchup"에 멈춘 멤버는 합류를 끝내지 못하고, 클러스터는 계속 멤버 하나가 모자란 상태로 남습니다.',
  },
  'ovn-health.raft-membership-change.cause': {
    en: 'A member joining with a snapshot too large or too slow to transfer within the election timer, or a join that never completed.',
    ko: '합류하는 멤버의 스냅숏이 너무 크거나 느려 election timer 안에 전송되지 못했거나, 합류가 끝내 완료되지 않았습니다.',
  },
  'ovn-health.raft-membership-change.next': {
    en: "Watch whether the line disappears on re-run; if not, check the joining member's log and consider raising the election timer.",
    ko: '다시 실행했을 때 이 줄이 사라지는지 보세요. 사라지지 않으면 합류하는 멤버의 로그를 확인하고 election timer를 늘리는 것을 검토하세요.',
  },

  // More servers than controllers.
  'ovn-health.raft-stale-members.title': {
    en: '{label} raft configuration lists {servers} servers but there are {controllers} controllers',
    ko: '{label} raft 설정에 서버가 {servers}개 있지만 컨트롤러는 {controllers}대임',
  },
  'ovn-health.raft-stale-members.explanation': {
    en: 'Members that no longer exist still count toward the majority: with {servers} servers, {quorum} must be up to elect a leader.',
    ko: '더는 없는 멤버도 과반 계산에 들어갑니다. 서버가 {servers}개이면 리더를 뽑기 위해 {quorum}개가 살아 있어야 합니다.',
  },
  'ovn-health.raft-stale-members.cause': {
    en: 'Controllers were rebuilt or replaced without removing the old members (`cluster/kick`).',
    ko: '컨트롤러를 재구축하거나 교체하면서 예전 멤버를 제거하지 않았습니다(`cluster/kick`).',
  },
  'ovn-health.raft-stale-members.next': {
    en: 'Identify the servers whose addresses belong to no current controller and, once a leader exists, run `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/{ctl} cluster/kick {db} <server id>` on the leader (mutating).',
    ko: '주소가 현재 어느 컨트롤러에도 속하지 않는 서버를 찾고, 리더가 생긴 뒤 리더에서 `ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/{ctl} cluster/kick {db} <server id>`를 실행하세요(변경 작업).',
  },

  'ovn-health.raft-healthy.title': { en: '{label} raft cluster healthy: leader {sid}, {servers} servers', ko: '{label} raft 클러스터 정상: 리더 {sid}, 서버 {servers}개' },
  'ovn-health.raft-healthy.title.on': { en: '{label} raft cluster healthy: leader {sid} on {node}, {servers} servers', ko: '{label} raft 클러스터 정상: 리더 {sid}({node}), 서버 {servers}개' },
  'ovn-health.raft-healthy.explanation': {
    en: 'Every member read ({nodes}) is a cluster member that knows the leader.',
    ko: '읽은 멤버({nodes})가 모두 리더를 아는 클러스터 멤버입니다.',
  },

  // Chassis registration in the SB.
  'ovn-health.chassis-registered.skipped.title': { en: 'Chassis registration', ko: 'Chassis 등록' },
  'ovn-health.chassis-registered.skipped.no-nodes': {
    en: 'No compute or network nodes were targeted, so there is no node to look up in the Chassis table.',
    ko: '대상에 compute나 network 노드가 없어 Chassis 테이블에서 찾아볼 노드가 없습니다.',
  },
  'ovn-health.chassis-registered.skipped.unread': {
    en: 'The southbound Chassis table could not be read (see the SB reachability finding).',
    ko: 'southbound Chassis 테이블을 읽지 못했습니다(SB 응답 결과를 보세요).',
  },
  'ovn-health.chassis-missing.title': {
    en: '{node} is not registered as a chassis in the OVN southbound database',
    ko: '{node}이(가) OVN southbound 데이터베이스에 chassis로 등록되어 있지 않음',
  },
  'ovn-health.chassis-missing.explanation': {
    en: 'No Chassis row matches {node}{sysid}; the SB lists {listed}. Ports of VMs on {node} cannot be bound, so they stay DOWN and get no traffic, and the other nodes drop their tunnels to it.',
    ko: '{node}에 해당하는 Chassis 행이 없습니다{sysid}. SB에 있는 chassis: {listed}. {node}의 VM 포트를 바인딩할 수 없어 포트가 DOWN으로 남고 트래픽을 받지 못하며, 다른 노드들은 이 노드로 가는 터널을 없앱니다.',
  },
  'ovn-health.chassis-missing.system-id': { en: ' (its OVS system-id is {id})', ko: '(OVS system-id는 {id})' },
  'ovn-health.chassis-missing.none': { en: 'no chassis at all', ko: '하나도 없음' },
  'ovn-health.chassis-missing.cause': {
    en: "ovn-controller on {node} is not running (it deletes its chassis on a clean exit) or cannot reach the SB; less often the node's system-id changed and its chassis was recreated under another name.",
    ko: '{node}의 ovn-controller가 실행 중이 아니거나(정상 종료 시 자기 chassis를 지웁니다) SB에 닿지 못합니다. 드물게는 노드의 system-id가 바뀌어 chassis가 다른 이름으로 다시 만들어진 경우입니다.',
  },
  'ovn-health.chassis-missing.next': {
    en: 'On {node}: `ovn-appctl -t ovn-controller connection-status`, the ovn-controller service/pod/container status and its log; start it and the chassis re-registers.',
    ko: '{node}에서: `ovn-appctl -t ovn-controller connection-status`, ovn-controller 서비스/pod/컨테이너 상태와 로그를 확인하세요. ovn-controller를 시작하면 chassis가 다시 등록됩니다.',
  },
  'ovn-health.chassis-duplicate.title': { en: 'Hostname {host} is registered by {count} chassis', ko: '호스트 이름 {host}을(를) chassis {count}개가 등록함' },
  'ovn-health.chassis-duplicate.explanation': {
    en: 'Chassis {names} all claim hostname {host}. One of them is stale: ports may be bound to the wrong one and tunnels point at a node that no longer answers.',
    ko: 'chassis {names}이(가) 모두 호스트 이름 {host}을(를) 주장합니다. 그중 하나는 오래된 것입니다. 포트가 엉뚱한 chassis에 바인딩되고, 터널이 더는 응답하지 않는 노드를 가리킬 수 있습니다.',
  },
  'ovn-health.chassis-duplicate.cause': {
    en: "The node's system-id changed (reinstall, new container image) and the old chassis was never deleted.",
    ko: '노드의 system-id가 바뀌었고(재설치, 새 컨테이너 이미지) 예전 chassis는 지워지지 않았습니다.',
  },
  'ovn-health.chassis-duplicate.next': {
    en: 'Compare with `ovs-vsctl get Open_vSwitch . external_ids:system-id` on {host}; delete the stale one with `ovn-sbctl chassis-del <name>` (mutating).',
    ko: '{host}에서 `ovs-vsctl get Open_vSwitch . external_ids:system-id`와 비교하고, 오래된 것을 `ovn-sbctl chassis-del <name>`으로 지우세요(변경 작업).',
  },
  'ovn-health.chassis-registered.title': { en: '{found} of {expected} compute/network nodes are registered chassis', ko: 'compute/network 노드 {expected}대 중 {found}대가 chassis로 등록됨' },
  'ovn-health.chassis-registered.explanation': { en: '{items}', ko: '{items}' },
  'ovn-health.chassis-registered.item': { en: '{node} → chassis {chassis}', ko: '{node}의 chassis는 {chassis}' },
  'ovn-health.chassis-registered.item.more': { en: '{node} → chassis {chassis};', ko: '{node}의 chassis는 {chassis};' },

  // ovn-controller's connection to the SB.
  'ovn-health.controller-disconnected.title': { en: 'ovn-controller on {node} is not connected to the southbound database', ko: '{node}의 ovn-controller가 southbound 데이터베이스에 연결되어 있지 않음' },
  'ovn-health.controller-disconnected.explanation': {
    en: 'ovn-controller on {node} reports `{status}`. It keeps the flows it has, but no change (new ports, migrations, security group updates) reaches this node.',
    ko: '{node}의 ovn-controller가 `{status}`를 보고합니다. 이미 가진 flow는 유지하지만, 어떤 변경(새 포트, 마이그레이션, 보안 그룹 수정)도 이 노드에 반영되지 않습니다.',
  },
  'ovn-health.controller-disconnected.nothing': { en: '(nothing)', ko: '(출력 없음)' },
  'ovn-health.controller-disconnected.cause': {
    en: 'The SB database has no leader or is unreachable from {node} (network, TLS certificates, wrong ovn-remote).',
    ko: 'SB 데이터베이스에 리더가 없거나 {node}에서 닿지 않습니다(네트워크, TLS 인증서, 잘못된 ovn-remote).',
  },
  'ovn-health.controller-disconnected.next': {
    en: 'Check SB health (raft findings above) and reachability of the ovn-remote addresses from {node}; the ovn-controller log.',
    ko: 'SB 상태(위의 raft 결과)와 {node}에서 ovn-remote 주소로의 접근성, ovn-controller 로그를 확인하세요.',
  },
  'ovn-health.controller-not-running.title': { en: 'ovn-controller on {node} does not answer', ko: '{node}의 ovn-controller가 응답하지 않음' },
  'ovn-health.controller-not-running.explanation': {
    en: '`ovn-appctl -t ovn-controller connection-status` failed on {node} (exit {exit}): the process (or its container) is not running. VM ports on this node are not (re)bound and its chassis disappears from the SB.',
    ko: '{node}에서 `ovn-appctl -t ovn-controller connection-status`가 실패했습니다(exit {exit}). 프로세스(또는 컨테이너)가 실행 중이 아닙니다. 이 노드의 VM 포트가 (다시) 바인딩되지 않고, chassis가 SB에서 사라집니다.',
  },
  'ovn-health.controller-not-running.cause': {
    en: 'ovn-controller crashed or was stopped on {node} (pod in Error/CrashLoopBackOff, container exited, service stopped).',
    ko: '{node}의 ovn-controller가 비정상 종료되었거나 중지되었습니다(pod가 Error/CrashLoopBackOff, 컨테이너 종료, 서비스 중지).',
  },
  'ovn-health.controller-not-running.next': {
    en: 'On {node}: the ovn-controller service/pod/container status and its (previous) log; restart it.',
    ko: '{node}에서: ovn-controller 서비스/pod/컨테이너 상태와 (이전) 로그를 확인하고 재시작하세요.',
  },
  'ovn-health.controller-connected.title': { en: 'ovn-controller connected to the SB on {nodes}', ko: '{nodes}의 ovn-controller가 SB에 연결됨' },
  'ovn-health.controller-connected.explanation': { en: 'Each reports `connected`.', ko: '모두 `connected`를 보고합니다.' },
};
