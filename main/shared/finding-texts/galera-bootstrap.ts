/** galera-health's bootstrap finding (no Primary component anywhere: which node to start from), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const galeraBootstrapTexts: Record<string, Record<Lang, string>> = {
  'galera.bootstrap.title.chosen': { en: 'No Primary component: bootstrap from {node}', ko: 'Primary 컴포넌트 없음: {node}에서 부트스트랩' },
  'galera.bootstrap.title.recover': {
    en: 'No Primary component: recover the last position on {nodes} to choose the bootstrap node',
    ko: 'Primary 컴포넌트 없음: 부트스트랩할 노드를 고르려면 {nodes}의 마지막 위치를 복구',
  },
  'galera.bootstrap.title.plan.chosen': { en: 'If the cluster is down: bootstrap from {node}', ko: '클러스터가 멈췄다면: {node}에서 부트스트랩' },
  'galera.bootstrap.title.plan.recover': {
    en: 'If the cluster is down: recover the last position on {nodes} to choose the bootstrap node',
    ko: '클러스터가 멈췄다면: 부트스트랩할 노드를 고르려면 {nodes}의 마지막 위치를 복구',
  },
  'galera.bootstrap.title.unseen': { en: 'No Primary component on {answered}; {unseen} could not be checked', ko: '{answered}에 Primary 컴포넌트 없음; {unseen}은(는) 확인하지 못함' },
  'galera.bootstrap.explanation': { en: '{lead} {why}', ko: '{lead} {why}' },
  'galera.bootstrap.lead.all': {
    en: 'No database node is in a Primary component, so the cluster refuses all application queries until one node is bootstrapped.',
    ko: 'Primary 컴포넌트에 있는 데이터베이스 노드가 없어, 노드 하나를 부트스트랩할 때까지 클러스터가 모든 애플리케이션 쿼리를 거부합니다.',
  },
  'galera.bootstrap.lead.answered': {
    en: 'None of the database nodes that answered ({answered}) is in a Primary component, so they refuse application queries.',
    ko: '응답한 데이터베이스 노드({answered}) 중 Primary 컴포넌트에 있는 노드가 없어, 애플리케이션 쿼리를 거부합니다.',
  },
  'galera.bootstrap.lead.plan': {
    en: 'The wsrep status was not observed on any node, so this is only the plan for a fully stopped cluster, read from grastate.dat.',
    ko: '어느 노드에서도 wsrep 상태를 보지 못했으므로, 이것은 grastate.dat으로 세운, 완전히 멈춘 클러스터를 위한 계획일 뿐입니다.',
  },
  // What is known of each node's position.
  'galera.position.running': {
    en: '{node} is running but {status}; its last committed seqno is {seqno} (wsrep_last_committed).',
    ko: '{node}은(는) 실행 중이지만 {status} 상태입니다. 마지막으로 커밋한 seqno는 {seqno}입니다(wsrep_last_committed).',
  },
  'galera.position.running-unknown': { en: '{node} is running but refuses queries ({reason}); its position is unknown.', ko: '{node}은(는) 실행 중이지만 쿼리를 거부합니다({reason}). 위치를 알 수 없습니다.' },
  'galera.position.down': { en: 'mysqld is not running on {node};', ko: '{node}에서 mysqld가 실행되고 있지 않습니다.' },
  'galera.position.node': { en: '{node}:', ko: '{node}:' },
  'galera.position.unreadable': { en: '{down} its grastate.dat could not be read{see}, so its position is unknown.', ko: '{down} grastate.dat을 읽지 못해{see} 위치를 알 수 없습니다.' },
  'galera.position.unreadable.see': { en: ' (see the evidence)', ko: '(증거를 보세요)' },
  'galera.position.clean': { en: '{down} grastate.dat says it stopped cleanly at seqno {seqno}{safe}.', ko: '{down} grastate.dat에 따르면 seqno {seqno}에서 정상 종료되었습니다{safe}.' },
  'galera.position.clean.safe': { en: ' and is safe_to_bootstrap: 1', ko: '(safe_to_bootstrap: 1로 표시됨)' },
  'galera.position.crashed': {
    en: '{down} grastate.dat says seqno -1: it crashed or was killed{maybe}, so its last position is only known after --wsrep-recover{safe}.',
    ko: '{down} grastate.dat의 seqno가 -1입니다. 비정상 종료되었거나 강제 종료되었으므로{maybe} 마지막 위치는 --wsrep-recover 뒤에야 알 수 있습니다{safe}.',
  },
  'galera.position.crashed.maybe': { en: ' (or is still running)', ko: '(또는 아직 실행 중이므로)' },
  'galera.position.crashed.safe': { en: ', though it is marked safe_to_bootstrap: 1', ko: '(safe_to_bootstrap: 1로 표시되어 있기는 합니다)' },
  // Why that node.
  'galera.bootstrap.why.safe': {
    en: '{node} has safe_to_bootstrap: 1: it was the last node to leave a cleanly stopped cluster, so it has every committed transaction.',
    ko: '{node}은(는) safe_to_bootstrap: 1입니다. 정상적으로 멈춘 클러스터에서 마지막으로 떠난 노드이므로 커밋된 트랜잭션을 모두 갖고 있습니다.',
  },
  'galera.bootstrap.why.longest': {
    en: '{node} stayed in the cluster longest: if {others} failed while {node} was still with them (a crash or kill{crashed}), it received every transaction they committed. Only if {node} had been cut off before they failed could one of them be ahead; recovering their positions settles that.',
    ko: '{node}이(가) 클러스터에 가장 오래 남아 있었습니다. {others}이(가) {node}와(과) 함께 있던 중에 죽었다면(비정상 종료나 강제 종료{crashed}), {node}은(는) 그들이 커밋한 트랜잭션을 모두 받았습니다. {node}이(가) 그들이 죽기 전에 이미 끊어져 있었을 때만 그중 하나가 더 앞설 수 있으며, 그들의 위치를 복구하면 확실해집니다.',
  },
  'galera.bootstrap.why.longest.crashed': { en: ', as seqno -1 says', ko: ', seqno -1이 말해 주듯' },
  'galera.bootstrap.why.highest': { en: '{node} has the highest known position (seqno {seqno}).', ko: '{node}의 알려진 위치가 가장 앞섭니다(seqno {seqno}).' },
  'galera.bootstrap.why.ahead': { en: '{nodes} may be further ahead: recover their positions before bootstrapping.', ko: '{nodes}이(가) 더 앞설 수 있습니다. 부트스트랩하기 전에 그 위치를 복구하세요.' },
  'galera.bootstrap.why.none-known': {
    en: 'No node has a known position or safe_to_bootstrap: 1, so the most advanced node can only be found with --wsrep-recover.',
    ko: '위치가 알려졌거나 safe_to_bootstrap: 1인 노드가 없으므로, 가장 앞선 노드는 --wsrep-recover로만 찾을 수 있습니다.',
  },
  'galera.bootstrap.why.running-unknown': { en: '{nodes} did not report a position; read wsrep_last_committed there before choosing.', ko: '{nodes}은(는) 위치를 보고하지 않았습니다. 고르기 전에 그곳의 wsrep_last_committed를 읽으세요.' },
  'galera.bootstrap.why.uuids': {
    en: 'Careful: the nodes report different cluster UUIDs ({uuids}); seqnos are only comparable within one UUID.',
    ko: '주의: 노드들이 서로 다른 클러스터 UUID를 보고합니다({uuids}). seqno는 같은 UUID 안에서만 비교할 수 있습니다.',
  },
  'galera.bootstrap.why.unseen': {
    en: '{nodes} could not be checked: make sure no Primary component is running there before bootstrapping, or you create a second cluster (split brain).',
    ko: '{nodes}은(는) 확인하지 못했습니다. 부트스트랩하기 전에 그곳에 Primary 컴포넌트가 없는지 확인하세요. 있다면 두 번째 클러스터를 만들게 됩니다(스플릿 브레인).',
  },
  // What to do.
  'galera.bootstrap.next.chosen': { en: '{check}{start}.{rejoin}', ko: '{check}{start}.{rejoin}' },
  'galera.bootstrap.next.check': { en: 'Before that, to be certain, recover the positions of {nodes}: {how}. ', ko: '그 전에 확실히 하려면 {nodes}의 위치를 복구하세요: {how}. ' },
  'galera.bootstrap.next.running': { en: '{command} ({node} becomes Primary without a restart{others})', ko: '{command} ({node}이(가) 재시작 없이 Primary가 됩니다{others})' },
  'galera.bootstrap.next.running.others': { en: '; the other running nodes rejoin it by themselves', ko: '. 실행 중인 다른 노드는 스스로 다시 합류합니다' },
  'galera.bootstrap.next.stopped': { en: '{command}', ko: '{command}' },
  'galera.bootstrap.next.rejoin': { en: ' Then start the stopped nodes one at a time: {commands}.', ko: ' 그다음 멈춘 노드를 한 대씩 시작하세요: {commands}.' },
  'galera.bootstrap.next.recover': {
    en: 'Recover the positions of {nodes}: {how}. Bootstrap from the node with the highest recovered seqno: {command}. Then start the other nodes one at a time.',
    ko: '{nodes}의 위치를 복구하세요: {how}. 복구한 seqno가 가장 큰 노드에서 부트스트랩하세요: {command}. 그다음 나머지 노드를 한 대씩 시작하세요.',
  },
  'galera.bootstrap.next.unseen.one': {
    en: 'First reach {unseen}: if a Primary component runs there, {answered} is cut off from it and must not be bootstrapped (fix the network, restart them to rejoin). Only if it is down too: {next}',
    ko: '먼저 {unseen}에 접속하세요. 그곳에 Primary 컴포넌트가 있다면 {answered}은(는) 그와 끊어진 것이니 부트스트랩하면 안 됩니다(네트워크를 고치고 재시작해 다시 합류시키세요). 그곳도 멈췄을 때만: {next}',
  },
  'galera.bootstrap.next.unseen.many': {
    en: 'First reach {unseen}: if a Primary component runs there, {answered} are cut off from it and must not be bootstrapped (fix the network, restart them to rejoin). Only if it is down too: {next}',
    ko: '먼저 {unseen}에 접속하세요. 그곳에 Primary 컴포넌트가 있다면 {answered}은(는) 그와 끊어진 것이니 부트스트랩하면 안 됩니다(네트워크를 고치고 재시작해 다시 합류시키세요). 그곳도 멈췄을 때만: {next}',
  },
  'galera.bootstrap.cause.all-stopped': {
    en: 'The whole cluster stopped: power loss, all hosts rebooted, or every mysqld was killed or crashed.',
    ko: '클러스터 전체가 멈췄습니다. 정전, 모든 호스트 재부팅, 또는 모든 mysqld가 강제 종료되거나 비정상 종료되었습니다.',
  },
  'galera.bootstrap.cause.majority': {
    en: 'More than half of the nodes failed or were cut off at once, so the remaining ones cannot form a quorum and stop serving to avoid split brain.',
    ko: '노드의 절반 넘게 한꺼번에 죽거나 끊어져, 남은 노드가 쿼럼을 이루지 못하고 스플릿 브레인을 피하려고 서비스를 멈췄습니다.',
  },
};
