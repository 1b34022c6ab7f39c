/** neutron-agents' finding texts (playbooks/catalogue/neutron-agents), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const neutronAgentsTexts: Record<string, Record<Lang, string>> = {
  'neutron-agents.who': { en: '{type} on {host}', ko: '{host}의 {type}' },
  'neutron-agents.none': { en: 'none', ko: '없음' },
  'neutron-agents.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'neutron-agents.step.incomplete': { en: 'the step did not complete ({why})', ko: '단계가 끝나지 않음({why})' },
  'neutron-agents.step.not-run': { en: 'the step did not run', ko: '단계가 실행되지 않음' },

  // No Neutron here.
  'neutron-agents.not-here.title': { en: 'No Neutron in this cloud (not checked)', ko: '이 클라우드에는 Neutron이 없음(점검 안 함)' },
  'neutron-agents.not-here.explanation': {
    en: 'The openstack client on {node} reaches no Networking (Neutron) API (none in the catalog, or the client is pinned to another service\'s endpoint), so there are no Neutron agents to check.',
    ko: '{node}의 openstack 클라이언트가 Networking(Neutron) API에 닿지 않습니다(카탈로그에 없거나, 클라이언트가 다른 서비스의 엔드포인트에 고정됨). 점검할 Neutron 에이전트가 없습니다.',
  },

  // The agent list could not be read.
  'neutron-agents.list.skipped.title': { en: 'Neutron agents could not be listed', ko: 'Neutron 에이전트 목록을 읽지 못함' },
  'neutron-agents.list.not-run.explanation': {
    en: 'Could not list the Neutron agents: {why}. No agent was checked.',
    ko: 'Neutron 에이전트 목록을 읽지 못했습니다: {why}. 어떤 에이전트도 확인하지 않았습니다.',
  },
  'neutron-agents.list.failed.explanation': {
    en: 'Could not list the Neutron agents on {node}: {line}. No agent was checked.',
    ko: '{node}에서 Neutron 에이전트 목록을 읽지 못했습니다: {line}. 어떤 에이전트도 확인하지 않았습니다.',
  },
  'neutron-agents.list.cause.no-credentials': {
    en: 'The openstack client on this node has no credentials: source an admin openrc (or set OS_CLOUD) for the user Stackscope connects as.',
    ko: '이 노드의 openstack 클라이언트에 자격 증명이 없습니다. Stackscope가 접속하는 사용자에게 admin openrc를 source하세요(또는 OS_CLOUD 설정).',
  },
  'neutron-agents.list.cause.rejected': {
    en: 'The credentials are rejected or lack the admin role (the agent list is admin-only).',
    ko: '자격 증명이 거부되었거나 admin 역할이 없습니다(에이전트 목록은 admin 전용).',
  },
  'neutron-agents.list.cause.unreachable': {
    en: 'The Neutron API (neutron-server) is unreachable from this node or answers with an error: it may be down or overloaded.',
    ko: '이 노드에서 Neutron API(neutron-server)에 닿지 않거나 오류로 응답합니다. 다운되었거나 과부하일 수 있습니다.',
  },
  'neutron-agents.list.next': {
    en: 'openstack endpoint list --service network; openstack network agent list; the neutron-server log on the controllers',
    ko: 'network 엔드포인트와 에이전트 목록 확인: openstack endpoint list --service network; openstack network agent list; 컨트롤러의 neutron-server 로그',
  },

  // An agent that is not alive.
  'neutron-agents.down.title': { en: '{who} is not alive{disabled}', ko: '{who}이(가) alive 아님{disabled}' },
  'neutron-agents.down.title.disabled': { en: ' (and disabled)', ko: ' (비활성화 상태이기도 함)' },
  'neutron-agents.down.explanation': {
    en: 'Neutron lists {who} ({binary}) as not alive. {effect}{log}',
    ko: 'Neutron이 {who}({binary})을(를) alive가 아닌 것으로 표시합니다. {effect}{log}',
  },
  'neutron-agents.down.effect.metadata': {
    en: 'Instances on {host} cannot reach the metadata service (169.254.169.254): at boot cloud-init gets no SSH key, password or user data, and a new network there gets no metadata proxy.',
    ko: '{host}의 인스턴스가 메타데이터 서비스(169.254.169.254)에 닿지 못합니다. 부팅 시 cloud-init이 SSH 키, 비밀번호, user data를 받지 못하고, 그 호스트의 새 네트워크에는 메타데이터 프록시가 생기지 않습니다.',
  },
  'neutron-agents.down.effect.controller': {
    en: 'ovn-controller on {host} does not report to the OVN southbound database: ports of new or moved instances there are not bound and its flows are not updated.',
    ko: '{host}의 ovn-controller가 OVN southbound 데이터베이스에 보고하지 않습니다. 그 호스트로 새로 만들거나 옮긴 인스턴스의 포트가 바인딩되지 않고, 플로가 갱신되지 않습니다.',
  },
  'neutron-agents.down.effect.other': {
    en: 'What it serves on {host} (DHCP, routing, ports) is not kept up to date.',
    ko: '{host}에서 이 에이전트가 맡은 일(DHCP, 라우팅, 포트)이 갱신되지 않습니다.',
  },
  'neutron-agents.log.none': { en: ' Its agent log was not collected (no target compute matches this host name).', ko: ' 에이전트 로그를 수집하지 못했습니다(이 호스트 이름과 맞는 대상 컴퓨트가 없음).' },
  'neutron-agents.log.unread': { en: ' Its agent log could not be read ({why}).', ko: ' 에이전트 로그를 읽지 못했습니다({why}).' },
  'neutron-agents.log.empty': { en: ' Its agent log on that host is empty or missing.', ko: ' 그 호스트의 에이전트 로그가 비어 있거나 없습니다.' },
  'neutron-agents.log.quoted': { en: ' The last lines of its log on {node} are quoted.', ko: ' {node}의 에이전트 로그 마지막 줄을 인용했습니다.' },
  'neutron-agents.down.cause.metadata': {
    en: 'neutron-ovn-metadata-agent on {host} is stopped, crashed or hung, or cannot reach the OVN southbound database: ML2/OVN counts it alive only while it answers the chassis ping in Chassis_Private within agent_down_time (and only re-checks when someone lists the agents).',
    ko: '{host}의 neutron-ovn-metadata-agent가 멈췄거나, 비정상 종료되었거나, 응답이 없거나, OVN southbound 데이터베이스에 닿지 못합니다. ML2/OVN은 Chassis_Private의 chassis 핑에 agent_down_time 안에 응답할 때만 alive로 보며, 누군가 에이전트 목록을 조회할 때만 다시 확인합니다.',
  },
  'neutron-agents.log.chassis-gone': {
    en: ' Its log on {node} says its chassis row is gone from the OVN southbound database (lines quoted).',
    ko: ' {node}의 에이전트 로그에 chassis 행이 OVN southbound 데이터베이스에서 사라졌다고 나옵니다(해당 줄 인용).',
  },
  'neutron-agents.down.cause.chassis-gone': {
    en: 'The OVN chassis of {host} is gone from the southbound database: its ovn-controller stopped (a clean exit deletes the Chassis and Chassis_Private rows), so the metadata agent has no row to report to. The metadata agent itself may still run.',
    ko: '{host}의 OVN chassis가 southbound 데이터베이스에서 사라졌습니다. ovn-controller가 멈췄고(정상 종료는 Chassis와 Chassis_Private 행을 지움), metadata 에이전트는 보고할 행이 없습니다. metadata 에이전트 자체는 아직 실행 중일 수 있습니다.',
  },
  'neutron-agents.down.cause.controller': {
    en: 'ovn-controller on {host} is stopped or hung, or lost its connection to the southbound database (it no longer copies nb_cfg into its Chassis_Private row).',
    ko: '{host}의 ovn-controller가 멈췄거나 응답이 없거나, southbound 데이터베이스 연결을 잃었습니다(Chassis_Private 행에 nb_cfg를 더 이상 복사하지 않음).',
  },
  'neutron-agents.down.cause.other': {
    en: 'The agent on {host} stopped sending its state reports (agent_down_time): the process is stopped or hung, or its RabbitMQ connection is broken.',
    ko: '{host}의 에이전트가 상태 보고를 멈췄습니다(agent_down_time). 프로세스가 멈췄거나 응답이 없거나, RabbitMQ 연결이 끊겼습니다.',
  },
  'neutron-agents.down.next.metadata': {
    en: 'Check the process and its log: {status}. After fixing it, openstack network agent list --host {host} (list twice, agent_down_time apart, before trusting "alive").',
    ko: '프로세스와 로그를 확인하세요: {status}. 고친 뒤 openstack network agent list --host {host}로 확인하세요(agent_down_time 간격으로 두 번 조회한 뒤에 alive를 믿으세요).',
  },
  'neutron-agents.down.next.controller': {
    en: 'run the ovn-health playbook; on {host}: ovn-appctl -t ovn-controller connection-status and its log (/var/log/ovn/ovn-controller.log)',
    ko: 'ovn-health 플레이북을 실행하고, {host}에서 ovn-appctl -t ovn-controller connection-status와 로그(/var/log/ovn/ovn-controller.log)를 확인하세요',
  },
  'neutron-agents.down.next.other': {
    en: 'on {host}: the agent\'s service status and log; openstack network agent show <id>',
    ko: '{host}에서 에이전트 서비스 상태와 로그를 확인하세요. openstack network agent show <id>',
  },

  // An agent an operator disabled.
  'neutron-agents.disabled.title': { en: '{who} is disabled', ko: '{who}이(가) 비활성화됨' },
  'neutron-agents.disabled.explanation': {
    en: '{who} is alive but its admin state is down: Neutron schedules nothing new to it.',
    ko: '{who}은(는) alive이지만 관리 상태가 down입니다. Neutron이 새 작업을 배정하지 않습니다.',
  },
  'neutron-agents.disabled.cause': { en: 'An operator disabled it (maintenance, or left so after one).', ko: '운영자가 비활성화했습니다(유지보수 중이거나, 유지보수 뒤 그대로 둠).' },
  'neutron-agents.disabled.next': { en: 'if the maintenance is over: openstack network agent set --enable {id}', ko: '유지보수가 끝났다면: openstack network agent set --enable {id}' },

  // A compute with a metadata agent but no ovn-controller agent.
  'neutron-agents.no-controller.title': { en: '{host} has an OVN Metadata agent but no ovn-controller agent', ko: '{host}에 OVN Metadata 에이전트는 있지만 ovn-controller 에이전트가 없음' },
  'neutron-agents.no-controller.explanation': {
    en: 'Neutron lists a metadata agent on {host} and no OVN Controller agent there: the compute has no chassis in the OVN southbound database, so ports cannot be bound to it and its instances have no network.',
    ko: 'Neutron이 {host}에 metadata 에이전트는 표시하지만 OVN Controller 에이전트는 없습니다. 이 컴퓨트의 chassis가 OVN southbound 데이터베이스에 없으므로 포트를 바인딩할 수 없고 인스턴스에 네트워크가 없습니다.',
  },
  'neutron-agents.no-controller.cause': {
    en: 'ovn-controller on {host} exited (a clean exit removes its Chassis row) or registered under another hostname than Nova and Neutron use for {host}.',
    ko: '{host}의 ovn-controller가 종료되었거나(정상 종료는 Chassis 행을 지움), Nova·Neutron이 {host}에 쓰는 이름과 다른 hostname으로 등록되었습니다.',
  },
  'neutron-agents.no-controller.next': {
    en: 'run the ovn-health playbook; ovn-sbctl --columns=name,hostname list Chassis; on {host}: the ovn-controller service and ovs-vsctl get Open_vSwitch . external_ids',
    ko: 'ovn-health 플레이북을 실행하세요. ovn-sbctl --columns=name,hostname list Chassis; {host}에서 ovn-controller 서비스와 ovs-vsctl get Open_vSwitch . external_ids 확인',
  },

  // A compute running a metadata agent that Neutron does not list at all.
  'neutron-agents.missing.title': { en: 'Neutron lists no agent on {node}, which runs a metadata agent', ko: '메타데이터 에이전트가 실행 중인 {node}에 대해 Neutron이 에이전트를 하나도 표시하지 않음' },
  'neutron-agents.missing.explanation': {
    en: '{node} has an OVN metadata agent log, but the agent list names no agent on it (hosts listed: {hosts}). Without a chassis there, ports cannot be bound to {node}.',
    ko: '{node}에는 OVN metadata 에이전트 로그가 있지만, 에이전트 목록에는 그 호스트의 에이전트가 없습니다(표시된 호스트: {hosts}). 그곳에 chassis가 없으면 {node}에 포트를 바인딩할 수 없습니다.',
  },
  'neutron-agents.missing.cause': {
    en: 'The OVN chassis of {node} is gone from the southbound database (ovn-controller stopped: a clean exit removes its Chassis and Chassis_Private rows, and the agents with them), or it registered under another hostname.',
    ko: '{node}의 OVN chassis가 southbound 데이터베이스에서 사라졌습니다(ovn-controller 중지: 정상 종료는 Chassis와 Chassis_Private 행을, 그와 함께 에이전트도 지움). 또는 다른 hostname으로 등록되었습니다.',
  },
  'neutron-agents.missing.next': {
    en: 'run the ovn-health playbook; on {node}: the ovn-controller service and ovs-vsctl get Open_vSwitch . external_ids:hostname',
    ko: 'ovn-health 플레이북을 실행하고, {node}에서 ovn-controller 서비스와 ovs-vsctl get Open_vSwitch . external_ids:hostname을 확인하세요',
  },

  // No agent at all.
  'neutron-agents.none.title': { en: 'Neutron lists no agent at all', ko: 'Neutron 에이전트가 하나도 없음' },
  'neutron-agents.none.explanation': {
    en: 'The agent list is empty: with ML2/OVN every compute running ovn-controller is an agent, so no port can be bound anywhere.',
    ko: '에이전트 목록이 비어 있습니다. ML2/OVN에서는 ovn-controller가 실행되는 모든 컴퓨트가 에이전트이므로, 어디에도 포트를 바인딩할 수 없습니다.',
  },
  'neutron-agents.none.cause': {
    en: 'No chassis is registered in the OVN southbound database, or neutron-server reads another southbound database than the computes use ([ovn] ovn_sb_connection).',
    ko: 'OVN southbound 데이터베이스에 등록된 chassis가 없거나, neutron-server가 컴퓨트와 다른 southbound 데이터베이스를 읽습니다([ovn] ovn_sb_connection).',
  },
  'neutron-agents.none.next': { en: 'run the ovn-health playbook; ovn-sbctl show', ko: 'ovn-health 플레이북을 실행하세요. ovn-sbctl show' },

  // All fine.
  'neutron-agents.ok.title': { en: 'All {count} Neutron agents are alive and enabled', ko: 'Neutron 에이전트 {count}개 모두 alive이며 활성화됨' },
  'neutron-agents.ok.explanation': {
    en: '{count} agents on {hosts} hosts ({types}) are alive and enabled.',
    ko: '호스트 {hosts}곳의 에이전트 {count}개({types})가 모두 alive이며 활성화되어 있습니다.',
  },
};
