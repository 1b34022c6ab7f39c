/** galera-health's finding texts (playbooks/catalogue/galera-health), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const galeraTexts: Record<string, Record<Lang, string>> = {
  // A node where mysqld does not answer.
  'galera.mysqld-down.title': { en: 'mysqld is not running on {node}', ko: '{node}에서 mysqld가 실행되고 있지 않음' },
  'galera.mysqld-down.title.container': { en: 'The database container is not running on {node}', ko: '{node}에서 데이터베이스 컨테이너가 실행되고 있지 않음' },
  'galera.mysqld-down.explanation': { en: '{what}: {line}.{grastate} {others}', ko: '{what}: {line}.{grastate} {others}' },
  'galera.mysqld-down.what': { en: 'The mysql client on {node} could not reach the local server', ko: '{node}의 mysql 클라이언트가 로컬 서버에 접속하지 못했습니다' },
  'galera.mysqld-down.what.container': { en: 'Running the status query in the database container on {node} failed', ko: '{node}의 데이터베이스 컨테이너에서 상태 쿼리를 실행하지 못했습니다' },
  'galera.mysqld-down.grastate.clean': { en: ' Its grastate.dat says it stopped cleanly at seqno {seqno}.', ko: ' grastate.dat에 따르면 seqno {seqno}에서 정상 종료되었습니다.' },
  'galera.mysqld-down.grastate.crashed': {
    en: ' Its grastate.dat says seqno -1: mysqld crashed or was killed rather than shut down.',
    ko: ' grastate.dat의 seqno가 -1입니다. mysqld가 정상 종료되지 않고 비정상 종료되었거나 강제 종료되었습니다.',
  },
  'galera.mysqld-down.others.primary': {
    en: 'The other nodes still form a Primary component, so the cluster serves, with less redundancy.',
    ko: '나머지 노드가 아직 Primary 컴포넌트를 이루고 있어 클러스터는 동작하지만, 여유(이중화)가 줄었습니다.',
  },
  'galera.mysqld-down.others.none': {
    en: 'No other node is in a Primary component either (see the bootstrap finding).',
    ko: '다른 노드도 Primary 컴포넌트에 있지 않습니다(부트스트랩 결과를 보세요).',
  },
  'galera.mysqld-down.cause': { en: 'mysqld was stopped, crashed or was killed (OOM, disk full, a failed start).', ko: 'mysqld가 중지되었거나, 비정상 종료되었거나, 강제 종료되었습니다(OOM, 디스크 가득 참, 시작 실패).' },
  'galera.mysqld-down.cause.container': {
    en: 'The mariadb container exited or is restarting (crash, OOM kill, failed start after a cluster-wide outage).',
    ko: 'mariadb 컨테이너가 종료되었거나 재시작 중입니다(비정상 종료, OOM 강제 종료, 클러스터 전체 장애 뒤 시작 실패).',
  },
  'galera.mysqld-down.next': { en: '{whyDown}; once the cause is fixed{then}.', ko: '원인 확인: {whyDown}. 원인을 고친 뒤{then}.' },
  'galera.mysqld-down.next.rejoin': { en: ', start it and it rejoins by IST/SST: {startJoin}', ko: ' 시작하면 IST/SST로 다시 합류합니다: {startJoin}' },
  'galera.mysqld-down.next.bootstrap': { en: ', follow the galera.bootstrap finding', ko: ' galera.bootstrap 결과를 따르세요' },

  // The status query failed for another reason: not checked.
  'galera.status.denied.title': { en: 'Galera status not read on {node}: the mysql login was refused', ko: '{node}의 Galera 상태를 읽지 못함: mysql 로그인이 거부됨' },
  'galera.status.denied.explanation': {
    en: '{line}. The step logs in as the local admin (the unix socket as root, ~/.my.cnf, or /etc/mysql/admin_user.cnf on openstack-helm); on kolla the client in the mariadb container needs the database root password, e.g. a [client] section with user/password in /root/.my.cnf inside the container.',
    ko: '{line}. 이 단계는 로컬 관리자로 로그인합니다(root로 유닉스 소켓, ~/.my.cnf, openstack-helm에서는 /etc/mysql/admin_user.cnf). kolla에서는 mariadb 컨테이너 안의 클라이언트에 데이터베이스 root 비밀번호가 필요합니다. 예를 들어 컨테이너 안 /root/.my.cnf에 user/password가 있는 [client] 섹션을 두세요.',
  },
  'galera.status.no-client.title': { en: 'Galera status not read on {node}: no mysql client there', ko: '{node}의 Galera 상태를 읽지 못함: mysql 클라이언트가 없음' },
  'galera.status.line': { en: '{line}.', ko: '{line}.' },
  'galera.status.failed.title': { en: 'Galera status not read on {node}', ko: '{node}의 Galera 상태를 읽지 못함' },
  'galera.status.failed.explanation': { en: 'The status query failed: {line}.', ko: '상태 쿼리가 실패했습니다: {line}.' },
  'galera.status.no-wsrep': { en: 'no wsrep status in the output', ko: '출력에 wsrep 상태가 없음' },

  // A running node outside the Primary component.
  'galera.non-primary.title': { en: '{node} is not in the Primary component (wsrep_cluster_status {status})', ko: '{node}이(가) Primary 컴포넌트에 없음 (wsrep_cluster_status {status})' },
  'galera.non-primary.explanation': {
    en: '{node} runs but is {status}, so it refuses application queries (ERROR 1047 WSREP has not yet prepared node for application use). {rest}',
    ko: '{node}은(는) 실행 중이지만 {status} 상태라 애플리케이션 쿼리를 거부합니다(ERROR 1047 WSREP has not yet prepared node for application use). {rest}',
  },
  'galera.non-primary.elsewhere': { en: '{primaries} still form a Primary component: {node} is cut off from them.', ko: '{primaries}은(는) 아직 Primary 컴포넌트를 이루고 있습니다. {node}은(는) 그들과 끊어졌습니다.' },
  'galera.non-primary.unseen': {
    en: 'No node that answered reports a Primary component; {unseen} could not be checked and may still be one (then {node} is cut off from it).',
    ko: '응답한 노드 중 Primary 컴포넌트를 보고하는 노드가 없습니다. {unseen}은(는) 확인하지 못했으므로 아직 Primary일 수 있습니다(그렇다면 {node}은(는) 그와 끊어진 것입니다).',
  },
  'galera.non-primary.none': { en: 'No node reports a Primary component: the cluster has lost quorum.', ko: 'Primary 컴포넌트를 보고하는 노드가 없습니다. 클러스터가 쿼럼을 잃었습니다.' },
  'galera.non-primary.cause.elsewhere': {
    en: 'A network partition between {node} and the rest (gcomm port 4567), or it could not rejoin after a restart.',
    ko: '{node}와(과) 나머지 사이의 네트워크 분리(gcomm 포트 4567), 또는 재시작 뒤 다시 합류하지 못했습니다.',
  },
  'galera.non-primary.cause.none': {
    en: 'More than half of the nodes failed or were cut off at once; the survivors cannot form a quorum alone.',
    ko: '노드의 절반 넘게 한꺼번에 죽거나 끊어졌습니다. 남은 노드만으로는 쿼럼을 이룰 수 없습니다.',
  },
  'galera.non-primary.next.elsewhere': {
    en: 'Check that {node} reaches the others on TCP 4567 (and 4568/4444 for IST/SST); if the network is fine, restart mysqld on {node} so it rejoins. Never bootstrap it while another Primary component exists.',
    ko: '{node}이(가) 다른 노드에 TCP 4567(IST/SST는 4568/4444)로 닿는지 확인하세요. 네트워크가 정상이면 {node}의 mysqld를 재시작해 다시 합류시키세요. 다른 Primary 컴포넌트가 있는 동안에는 절대 부트스트랩하지 마세요.',
  },
  'galera.non-primary.next.none': {
    en: 'Follow the galera.bootstrap finding: bootstrap exactly one node, then let the others rejoin.',
    ko: 'galera.bootstrap 결과를 따르세요. 노드 정확히 하나만 부트스트랩하고, 나머지는 다시 합류하게 하세요.',
  },

  // A Primary node that is not Synced, not ready, or slowed by flow control.
  'galera.local-state.title': { en: '{node} is {state}, not Synced', ko: '{node}이(가) Synced가 아니라 {state} 상태임' },
  'galera.local-state.explanation': { en: 'wsrep_local_state_comment on {node} is {state}: {meaning}.', ko: '{node}의 wsrep_local_state_comment가 {state}입니다. {meaning}.' },
  'galera.local-state.meaning.donor/desynced': {
    en: 'it is sending a state transfer (SST) to a joining node or was desynced by hand (wsrep_desync, a backup); it may lag and some load balancers take it out of rotation',
    ko: '합류하는 노드에 상태 전송(SST)을 보내는 중이거나 수동으로 desync되었습니다(wsrep_desync, 백업). 뒤처질 수 있고, 일부 로드 밸런서는 이 노드를 제외합니다',
  },
  'galera.local-state.meaning.joining': { en: 'it is joining the cluster and waiting for or receiving a state transfer', ko: '클러스터에 합류하는 중이며 상태 전송을 기다리거나 받고 있습니다' },
  'galera.local-state.meaning.waiting on sst': { en: 'it is waiting for a full state transfer (SST) to arrive', ko: '전체 상태 전송(SST)이 오기를 기다리고 있습니다' },
  'galera.local-state.meaning.joined': { en: 'it has received the state and is catching up with the cluster', ko: '상태를 받았고 클러스터를 따라잡는 중입니다' },
  'galera.local-state.meaning.initialized': { en: 'it started but is not connected to a Primary component', ko: '시작했지만 Primary 컴포넌트에 연결되지 않았습니다' },
  'galera.local-state.meaning.other': { en: 'it is not Synced', ko: 'Synced 상태가 아닙니다' },
  'galera.local-state.cause.donor': { en: 'A node is joining by SST from this donor, or a backup desynced it.', ko: '어떤 노드가 이 도너에게서 SST로 합류하는 중이거나, 백업이 이 노드를 desync했습니다.' },
  'galera.local-state.cause.joining': { en: 'The node (re)joined recently and is still receiving the cluster state.', ko: '노드가 최근에 (다시) 합류해서 아직 클러스터 상태를 받고 있습니다.' },
  'galera.local-state.next': {
    en: `Watch it settle: mysql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_local_recv_queue')" on {node}; if it stays there, read the mysqld error log for SST/IST errors.`,
    ko: `안정되는지 지켜보세요. {node}에서 mysql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_local_recv_queue')". 계속 그 상태라면 mysqld 오류 로그에서 SST/IST 오류를 찾아보세요.`,
  },
  'galera.not-ready.title': { en: '{node} refuses application queries (wsrep_ready OFF)', ko: '{node}이(가) 애플리케이션 쿼리를 거부함 (wsrep_ready OFF)' },
  'galera.not-ready.explanation': {
    en: '{node} is in the Primary component but not ready for application use: queries get ERROR 1047 WSREP has not yet prepared node for application use.',
    ko: '{node}은(는) Primary 컴포넌트에 있지만 애플리케이션이 쓸 준비가 되지 않았습니다. 쿼리는 ERROR 1047 WSREP has not yet prepared node for application use를 받습니다.',
  },
  'galera.not-ready.cause': { en: 'The node is still joining (state transfer in progress), or wsrep was paused/desynced.', ko: '노드가 아직 합류 중이거나(상태 전송 진행 중), wsrep가 일시 중지/desync되었습니다.' },
  'galera.not-ready.next': { en: 'Read the mysqld error log on {node} for the state transfer; it should become ready when Synced.', ko: '{node}의 mysqld 오류 로그에서 상태 전송을 확인하세요. Synced가 되면 준비 상태가 되어야 합니다.' },
  'galera.flow-control.title': { en: 'Flow control paused replication {percent}% of the time, seen from {node}', ko: '흐름 제어로 복제가 {percent}% 시간 동안 멈춤 ({node}에서 본 값)' },
  'galera.flow-control.explanation': {
    en: 'wsrep_flow_control_paused is {paused} on {node} (the fraction of time since the last FLUSH STATUS that replication was paused because some node could not keep up; above {limit} writes stall cluster-wide).',
    ko: '{node}의 wsrep_flow_control_paused가 {paused}입니다(마지막 FLUSH STATUS 이후, 따라오지 못하는 노드 때문에 복제가 멈춘 시간의 비율. {limit}을(를) 넘으면 클러스터 전체의 쓰기가 멈칫합니다).',
  },
  'galera.flow-control.cause': {
    en: 'A slow node (disk, CPU, a long-running query or a huge transaction) sends flow control; the node with a high wsrep_flow_control_sent and wsrep_local_recv_queue_avg is the one.',
    ko: '느린 노드(디스크, CPU, 오래 도는 쿼리, 거대한 트랜잭션)가 흐름 제어를 보냅니다. wsrep_flow_control_sent와 wsrep_local_recv_queue_avg가 높은 노드가 그 노드입니다.',
  },
  'galera.flow-control.next': {
    en: `On every node: mysql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_flow_control_sent','wsrep_local_recv_queue_avg')" — the node with the highest values is slowing the cluster; check its disk and long queries (SHOW PROCESSLIST).`,
    ko: `모든 노드에서: mysql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_flow_control_sent','wsrep_local_recv_queue_avg')" — 값이 가장 높은 노드가 클러스터를 늦추고 있습니다. 그 노드의 디스크와 오래 걸리는 쿼리(SHOW PROCESSLIST)를 확인하세요.`,
  },
  'galera.wsrep-off.title': { en: '{node} runs without Galera replication', ko: '{node}이(가) Galera 복제 없이 실행 중' },
  'galera.wsrep-off.explanation': {
    en: 'mysqld on {node} answered but reports no wsrep_cluster_status: wsrep is off or no Galera provider is loaded, so it does not replicate with the others.',
    ko: '{node}의 mysqld는 응답했지만 wsrep_cluster_status가 없습니다. wsrep가 꺼져 있거나 Galera 프로바이더가 로드되지 않아 다른 노드와 복제하지 않습니다.',
  },
  'galera.wsrep-off.cause': {
    en: 'It was started without the Galera configuration (wsrep_on=OFF, wrong wsrep_provider path), e.g. for maintenance.',
    ko: 'Galera 설정 없이 시작되었습니다(wsrep_on=OFF, 잘못된 wsrep_provider 경로). 예를 들어 유지보수 때문입니다.',
  },
  'galera.wsrep-off.next': {
    en: 'Check wsrep_on, wsrep_provider and wsrep_cluster_address in the server configuration on {node} and the mysqld error log.',
    ko: '{node}의 서버 설정에서 wsrep_on, wsrep_provider, wsrep_cluster_address와 mysqld 오류 로그를 확인하세요.',
  },

  // What was checked and healthy.
  'galera.primary.title.one': { en: '{nodes} is in the Primary component', ko: '{nodes}이(가) Primary 컴포넌트에 있음' },
  'galera.primary.title.many': { en: '{nodes} are in the Primary component', ko: '{nodes}이(가) Primary 컴포넌트에 있음' },
  'galera.primary.explanation': { en: 'wsrep_cluster_status is Primary.', ko: 'wsrep_cluster_status가 Primary입니다.' },
  'galera.synced.title': { en: '{nodes} Synced', ko: '{nodes} Synced 상태' },
  'galera.synced.explanation': { en: 'wsrep_local_state_comment is Synced.', ko: 'wsrep_local_state_comment가 Synced입니다.' },
  'galera.ready.title.one': { en: '{nodes} accepts application queries', ko: '{nodes}이(가) 애플리케이션 쿼리를 받음' },
  'galera.ready.title.many': { en: '{nodes} accept application queries', ko: '{nodes}이(가) 애플리케이션 쿼리를 받음' },
  'galera.ready.explanation': { en: 'wsrep_ready is ON (and a table read succeeded where it was tried).', ko: 'wsrep_ready가 ON입니다(테이블 읽기를 시도한 곳에서는 성공했습니다).' },
  'galera.flow-ok.title': { en: 'No flow-control stalls ({nodes})', ko: '흐름 제어로 인한 멈춤 없음 ({nodes})' },
  'galera.flow-ok.explanation': { en: 'wsrep_flow_control_paused is at most {limit}.', ko: 'wsrep_flow_control_paused가 {limit} 이하입니다.' },

  // Cluster size against expected_size.
  'galera.cluster-size.ok.title': { en: 'Galera cluster has all {expected} nodes', ko: 'Galera 클러스터에 노드 {expected}대가 모두 있음' },
  'galera.cluster-size.ok.explanation': { en: 'wsrep_cluster_size is {size} on {nodes}, as expected.', ko: '{nodes}의 wsrep_cluster_size가 예상대로 {size}입니다.' },
  'galera.cluster-size.low.title': { en: 'Galera cluster has {size} of {expected} nodes{missing}', ko: 'Galera 클러스터 노드 {expected}대 중 {size}대{missing}' },
  'galera.cluster-size.low.missing': { en: '; not in it: {nodes}', ko: '; 빠진 노드: {nodes}' },
  'galera.cluster-size.low.explanation': {
    en: 'wsrep_cluster_size is {size} on {nodes} but {expected} nodes are expected. The cluster still has quorum, but {margin}.',
    ko: '{nodes}의 wsrep_cluster_size가 {size}인데 {expected}대가 있어야 합니다. 클러스터에 아직 쿼럼은 있지만, {margin}.',
  },
  'galera.cluster-size.low.margin.none': {
    en: 'it cannot lose another node (it keeps running only because the others left cleanly)',
    ko: '노드를 하나라도 더 잃으면 안 됩니다(다른 노드들이 정상적으로 빠졌기 때문에 돌아가고 있을 뿐입니다)',
  },
  'galera.cluster-size.low.margin.one': { en: 'losing {count} more node at once stops it', ko: '노드 {count}대를 한꺼번에 더 잃으면 멈춥니다' },
  'galera.cluster-size.low.margin.many': { en: 'losing {count} more nodes at once stops it', ko: '노드 {count}대를 한꺼번에 더 잃으면 멈춥니다' },
  'galera.cluster-size.high.title': { en: 'Galera cluster has {size} nodes, more than the expected {expected}', ko: 'Galera 클러스터 노드가 {size}대로, 예상한 {expected}대보다 많음' },
  'galera.cluster-size.high.explanation': {
    en: 'wsrep_cluster_size is {size} on {nodes}; expected_size is {expected}. An extra member (a garbd arbitrator, a node of another deployment joining by mistake) or a wrong expected_size.',
    ko: '{nodes}의 wsrep_cluster_size가 {size}이고 expected_size는 {expected}입니다. 추가 구성원(garbd 중재자, 실수로 합류한 다른 배포의 노드)이 있거나 expected_size가 틀렸습니다.',
  },
  'galera.cluster-size.low.cause': { en: 'The missing nodes are down or cut off (see their findings).', ko: '빠진 노드가 내려갔거나 끊어졌습니다(각 노드의 결과를 보세요).' },
  'galera.cluster-size.high.cause': { en: 'expected_size does not match this deployment, or an unexpected node joined the cluster.', ko: 'expected_size가 이 배포와 맞지 않거나, 예상하지 못한 노드가 클러스터에 합류했습니다.' },
  'galera.cluster-size.low.next': { en: 'Bring the missing nodes back (see the per-node findings); they rejoin by IST/SST.', ko: '빠진 노드를 되살리세요(노드별 결과를 보세요). IST/SST로 다시 합류합니다.' },
  'galera.cluster-size.high.next': { en: 'Compare wsrep_incoming_addresses with the controllers; rerun with the right expected_size.', ko: 'wsrep_incoming_addresses를 컨트롤러 목록과 비교하고, 올바른 expected_size로 다시 실행하세요.' },
  'galera.cluster-size.skipped.title': { en: 'Cluster size not checked', ko: '클러스터 크기를 확인하지 않음' },
  'galera.cluster-size.skipped.no-size': { en: 'No Primary node reported wsrep_cluster_size.', ko: 'wsrep_cluster_size를 보고한 Primary 노드가 없습니다.' },
  'galera.cluster-size.skipped.no-primary': {
    en: 'No node is in a Primary component, so there is no cluster size to compare with expected_size.',
    ko: 'Primary 컴포넌트에 있는 노드가 없어 expected_size와 비교할 클러스터 크기가 없습니다.',
  },

  // One cluster state UUID.
  'galera.state-uuid.split.title': { en: 'Nodes disagree on the cluster state UUID: the cluster is split ({groups})', ko: '노드들의 클러스터 상태 UUID가 다름: 클러스터가 갈라짐 ({groups})' },
  'galera.state-uuid.split.explanation': {
    en: 'wsrep_cluster_state_uuid differs between nodes: {pairs}. Nodes with different state UUIDs hold different histories; at least one group was bootstrapped separately and they will not merge by themselves.',
    ko: '노드마다 wsrep_cluster_state_uuid가 다릅니다: {pairs}. 상태 UUID가 다른 노드들은 서로 다른 이력을 갖고 있습니다. 적어도 한 그룹은 따로 부트스트랩되었고, 저절로 합쳐지지 않습니다.',
  },
  'galera.state-uuid.split.cause': {
    en: 'A node was bootstrapped (galera_new_cluster, pc.bootstrap, --wsrep-new-cluster) while the others still ran, or a node was re-initialized.',
    ko: '다른 노드가 실행 중일 때 어떤 노드가 부트스트랩되었거나(galera_new_cluster, pc.bootstrap, --wsrep-new-cluster), 노드가 다시 초기화되었습니다.',
  },
  'galera.state-uuid.split.next': {
    en: 'Decide which group holds the data to keep (usually the one applications wrote to); stop the other group, and rejoin those nodes by SST (move their grastate.dat away so they take a full copy).',
    ko: '어느 그룹의 데이터를 남길지 정하세요(보통 애플리케이션이 쓴 쪽). 다른 그룹을 멈추고, 그 노드들을 SST로 다시 합류시키세요(grastate.dat을 치워 전체 복사를 받게 합니다).',
  },
  'galera.state-uuid.ok.title': { en: 'The {count} reporting nodes share one cluster state UUID', ko: '보고한 노드 {count}대가 같은 클러스터 상태 UUID를 가짐' },
  'galera.state-uuid.ok.explanation': { en: 'wsrep_cluster_state_uuid is {uuid} on {nodes}.', ko: '{nodes}의 wsrep_cluster_state_uuid가 {uuid}입니다.' },
};
