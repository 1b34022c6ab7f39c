/** config-drift's finding texts (playbooks/catalogue/config-drift), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const configDriftTexts: Record<string, Record<Lang, string>> = {
  'config-drift.value.on': { en: '{value} on {nodes}', ko: '{nodes}에서 {value}' },
  'config-drift.value.on-more': { en: '{value} on {nodes};', ko: '{nodes}에서 {value};' },
  'config-drift.value.not-set': { en: 'not set', ko: '설정 없음' },
  'config-drift.value.hidden': { en: 'a value not shown', ko: '표시하지 않는 값' },

  'config-drift.setting.title': { en: '{setting} differs across the {role} nodes: {summary}', ko: '{role} 노드마다 {setting} 값이 다름: {summary}' },
  'config-drift.setting.explanation': {
    en: 'The {count} {role} nodes that answered should carry the same {setting}, and they do not: {summary}. {impact}',
    ko: '응답한 {role} 노드 {count}개는 {setting} 값이 같아야 하는데 다릅니다: {summary}. {impact}',
  },
  'config-drift.secret.title': { en: '{setting} differs across the {role} nodes (a secret, compared by its hash): {summary}', ko: '{role} 노드마다 {setting} 값이 다름(비밀 값이라 해시로 비교): {summary}' },
  'config-drift.secret.explanation': {
    en: '{setting} is a secret: each node hashed it (sha256, first 12 hex digits) and only the hashes left the node. The {count} {role} nodes that answered do not share one value: {summary}. Nodes with the same hash have the same value. {impact}',
    ko: '{setting}은 비밀 값이라 각 노드가 해시(sha256 앞 12자리)만 만들어 보냈습니다. 응답한 {role} 노드 {count}개의 값이 같지 않습니다: {summary}. 해시가 같은 노드는 값도 같습니다. {impact}',
  },
  'config-drift.impact.secret': {
    en: 'A password or shared secret that differs makes the odd nodes fail to authenticate (RabbitMQ ACCESS_REFUSED, Keystone 401, the metadata proxy answering 403 to instances).',
    ko: '비밀번호나 공유 비밀이 다르면 다른 값을 가진 노드가 인증에 실패합니다(RabbitMQ ACCESS_REFUSED, Keystone 401, 인스턴스에 403을 돌려주는 메타데이터 프록시).',
  },
  'config-drift.impact.messaging': {
    en: 'Nodes of one role talking to different RabbitMQ hosts or vhosts, or declaring queues with different settings, lose RPC messages or fail with PRECONDITION_FAILED on queue declare (rabbit_ha_queues, amqp_durable_queues, quorum queues must match everywhere).',
    ko: '같은 역할의 노드가 서로 다른 RabbitMQ 호스트나 vhost와 통신하거나 다른 설정으로 큐를 선언하면 RPC 메시지를 잃거나 큐 선언이 PRECONDITION_FAILED로 실패합니다(rabbit_ha_queues, amqp_durable_queues, quorum 큐 설정은 모든 곳에서 같아야 함).',
  },
  'config-drift.impact.ovn': {
    en: 'Nodes pointing at different OVN databases, or encapsulating differently, build different pictures of the network: ports stay DOWN, tunnels to the odd chassis do not come up.',
    ko: '서로 다른 OVN 데이터베이스를 가리키거나 캡슐화 방식이 다른 노드는 네트워크를 다르게 봅니다. 포트가 DOWN에 머물고 다른 섀시로 가는 터널이 올라오지 않습니다.',
  },
  'config-drift.impact.libvirt': {
    en: 'Computes with different virt types or CPU modes cannot live-migrate between each other (the target refuses the guest CPU) and the scheduler places instances on computes that behave differently.',
    ko: '가상화 타입이나 CPU 모드가 다른 컴퓨트끼리는 라이브 마이그레이션이 되지 않고(대상이 게스트 CPU를 거부), 스케줄러가 서로 다르게 동작하는 컴퓨트에 인스턴스를 배치합니다.',
  },
  'config-drift.impact.endpoint': {
    en: 'Nodes asking different regions, endpoints or caches get different answers: some nodes fail to find Placement or Neutron (EndpointNotFound), tokens are cached in one place and not the other.',
    ko: '서로 다른 리전, 엔드포인트, 캐시에 묻는 노드는 다른 답을 받습니다. 일부 노드가 Placement나 Neutron을 찾지 못하고(EndpointNotFound), 토큰이 한쪽에만 캐시됩니다.',
  },
  'config-drift.impact.other': {
    en: 'Nodes of one role that behave differently make failures depend on which node served the request.',
    ko: '같은 역할의 노드가 서로 다르게 동작하면 어떤 노드가 요청을 받았는지에 따라 실패 여부가 달라집니다.',
  },
  'config-drift.setting.cause': {
    en: 'A node missed the last configuration run (kolla-ansible reconfigure limited to some hosts, a failed Ansible/Puppet run), was edited by hand, or still runs a container or pod started before the change (configuration is read at start).',
    ko: '한 노드가 마지막 설정 배포에서 빠졌거나(일부 호스트로 제한한 kolla-ansible reconfigure, 실패한 Ansible/Puppet 실행), 손으로 고쳤거나, 변경 전에 시작된 컨테이너나 pod가 아직 돌고 있습니다(설정은 시작할 때 읽음).',
  },
  'config-drift.next.nova': {
    en: 'On {nodes} and a node with the common value: `grep -n OPTION /etc/nova/nova.conf` (Kolla: /etc/kolla/nova-*/nova.conf; openstack-helm: inside the pod). Re-run your deployment tool for all nodes of the role (kolla-ansible reconfigure, helm upgrade) and restart the service there.',
    ko: '{nodes}와 다수 값을 가진 노드 하나에서 `grep -n OPTION /etc/nova/nova.conf`로 비교하세요(Kolla: /etc/kolla/nova-*/nova.conf, openstack-helm: pod 안). 역할의 모든 노드에 배포 도구를 다시 실행하고(kolla-ansible reconfigure, helm upgrade) 그곳의 서비스를 재시작하세요.',
  },
  'config-drift.next.neutron': {
    en: 'On {nodes} and a node with the common value: compare /etc/neutron/neutron.conf and /etc/neutron/plugins/ml2/ml2_conf.ini (Kolla: /etc/kolla/neutron-server/). Re-run your deployment tool for all controllers and restart neutron-server there.',
    ko: '{nodes}와 다수 값을 가진 노드 하나에서 /etc/neutron/neutron.conf와 /etc/neutron/plugins/ml2/ml2_conf.ini를 비교하세요(Kolla: /etc/kolla/neutron-server/). 모든 컨트롤러에 배포 도구를 다시 실행하고 그곳의 neutron-server를 재시작하세요.',
  },
  'config-drift.next.metadata': {
    en: 'On {nodes} and a node with the common value: compare /etc/neutron/neutron_ovn_metadata_agent.ini (Kolla: /etc/kolla/neutron-ovn-metadata-agent/). Re-run your deployment tool and restart the agent there.',
    ko: '{nodes}와 다수 값을 가진 노드 하나에서 /etc/neutron/neutron_ovn_metadata_agent.ini를 비교하세요(Kolla: /etc/kolla/neutron-ovn-metadata-agent/). 배포 도구를 다시 실행하고 그곳의 에이전트를 재시작하세요.',
  },
  'config-drift.next.ovs': {
    en: 'On {nodes}: `ovs-vsctl get open . external_ids` and compare with a node with the common value; set the right value with `ovs-vsctl set open . external_ids:KEY=VALUE` (Kolla and openstack-helm set it at the container start: fix the deployment\'s variables instead).',
    ko: '{nodes}에서 `ovs-vsctl get open . external_ids`를 다수 값을 가진 노드와 비교하고 `ovs-vsctl set open . external_ids:KEY=VALUE`로 바로잡으세요(Kolla와 openstack-helm은 컨테이너 시작 때 설정하므로 배포 변수를 고치세요).',
  },

  'config-drift.agree.title': { en: '{what}: {keys} setting(s) agree across {count} {role} node(s)', ko: '{what}: {role} 노드 {count}개에서 설정 {keys}개가 일치' },
  'config-drift.agree.explanation': {
    en: 'The {keys} compared settings of {what} have the same value on {nodes} (secrets by their hash; my_ip and ovn-encap-ip are per node and not compared).',
    ko: '{what}의 비교한 설정 {keys}개가 {nodes}에서 같습니다(비밀 값은 해시로 비교, 노드마다 다른 my_ip와 ovn-encap-ip는 비교하지 않음).',
  },
  'config-drift.alone.title': { en: '{what} read on one {role} node only ({node}): nothing to compare it with', ko: '{what}을 {role} 노드 하나({node})에서만 읽음: 비교할 대상 없음' },
  'config-drift.alone.explanation': {
    en: 'Of the {role} nodes that answered, only {node} runs {what} or has its configuration; with one copy there is no drift to see.',
    ko: '응답한 {role} 노드 중 {node}에서만 {what}이 돌거나 그 설정이 있습니다. 사본이 하나뿐이라 어긋남을 볼 수 없습니다.',
  },
  'config-drift.stopped.title': { en: '{what} on {nodes} ({role}): the service is not running there, its files are not compared', ko: '{nodes}({role})의 {what}: 서비스가 돌고 있지 않아 파일을 비교하지 않음' },
  'config-drift.stopped.explanation': {
    en: 'On other {role} nodes the service runs and its configuration was read from the files its process was started with. On {nodes} it does not run, so only the files on disk could be read, and they need not be the set it runs with (an extra --config-file is not known). They are left out of the comparison rather than reported as a difference; start the service (or find why it stopped) and check again.',
    ko: '다른 {role} 노드에서는 서비스가 돌고 있어 프로세스가 시작될 때 받은 파일에서 설정을 읽었습니다. {nodes}에서는 돌고 있지 않아 디스크의 파일만 읽을 수 있었고, 그것이 실제로 쓰는 파일 묶음이라는 보장이 없습니다(추가 --config-file을 알 수 없음). 그래서 차이로 보고하지 않고 비교에서 뺍니다. 서비스를 시작하거나 멈춘 이유를 찾은 뒤 다시 확인하세요.',
  },
  'config-drift.versions-agree.title': { en: 'Package and image versions: {keys} agree across {count} {role} node(s)', ko: '패키지·이미지 버전: {role} 노드 {count}개에서 {keys}개가 일치' },
  'config-drift.versions-agree.explanation': {
    en: 'The {keys} packages and container images found on more than one {role} node have the same version on {nodes}.',
    ko: '{role} 노드 여러 곳에 있는 패키지와 컨테이너 이미지 {keys}개가 {nodes}에서 같은 버전입니다.',
  },
  'config-drift.not-here.title': { en: 'Not here: {what}', ko: '여기에 없음: {what}' },
  'config-drift.not-here.explanation': {
    en: 'No node that answered ({nodes}) runs {what} or keeps its configuration where it is looked for (the running service\'s --config-file, /etc/kolla/<service>/, /etc/nova, /etc/neutron, ovs-vsctl): nothing of it was compared.',
    ko: '응답한 노드({nodes}) 중 어느 곳에서도 {what}이 돌지 않거나 찾는 위치(실행 중인 서비스의 --config-file, /etc/kolla/<service>/, /etc/nova, /etc/neutron, ovs-vsctl)에 설정이 없습니다. 이 항목은 비교하지 않았습니다.',
  },

  'config-drift.version-mixed.title': { en: 'Mixed releases across the {role} nodes: {names} ({nodes})', ko: '{role} 노드에 릴리스가 섞여 있음: {names} ({nodes})' },
  'config-drift.version.title': { en: 'Versions differ across the {role} nodes: {names} ({nodes})', ko: '{role} 노드마다 버전이 다름: {names} ({nodes})' },
  'config-drift.version.explanation': {
    en: '{count} package(s) or container image(s) differ across the {role} nodes, splitting them the same way: {list} (a package on the host unless named; an image is the Kolla container\'s). {mixed}',
    ko: '{role} 노드마다 패키지나 컨테이너 이미지 {count}개가 다르고, 노드를 같은 방식으로 나눕니다: {list} (따로 적지 않으면 호스트의 패키지, image는 Kolla 컨테이너의 이미지). {mixed}',
  },
  'config-drift.version.item': { en: '{name}: {summary}', ko: '{name}: {summary}' },
  'config-drift.version.item-more': { en: '{name}: {summary};', ko: '{name}: {summary};' },
  'config-drift.version.mixed': {
    en: 'Their major versions (image releases) differ: an upgrade that stopped half-way. Services of different releases on one role disagree on RPC versions and database schema (nova-compute refuses a too-old service version, RPC pins stay at the oldest).',
    ko: '주 버전(이미지 릴리스)이 다릅니다. 중간에 멈춘 업그레이드입니다. 한 역할에 릴리스가 다른 서비스가 섞이면 RPC 버전과 데이터베이스 스키마가 맞지 않습니다(nova-compute가 너무 오래된 서비스 버전을 거부하고 RPC 고정이 가장 오래된 버전에 머묾).',
  },
  'config-drift.version.minor': {
    en: 'Same major version, different builds: usually a stable update not yet applied everywhere; a fix may be on some nodes only.',
    ko: '주 버전은 같고 빌드가 다릅니다. 보통 아직 모든 곳에 적용되지 않은 안정 업데이트이며, 수정이 일부 노드에만 있을 수 있습니다.',
  },
  'config-drift.version.cause': {
    en: 'An upgrade that ran on some nodes only (a host limit, a failed host, a pod not rolled), or a node rebuilt from an older image or repository.',
    ko: '일부 노드에서만 실행된 업그레이드(호스트 제한, 실패한 호스트, 롤링되지 않은 pod), 또는 오래된 이미지나 저장소로 다시 만든 노드입니다.',
  },
  'config-drift.version.next': {
    en: 'On {nodes}: `dpkg -l | grep -E "nova|neutron|ovn|openvswitch"` (rpm -qa on RPM hosts; Kolla: `docker ps --format "{{.Names}} {{.Image}}"`). Finish the upgrade on every node of the role (kolla-ansible upgrade, helm upgrade, your package run), then restart the services.',
    ko: '{nodes}에서 `dpkg -l | grep -E "nova|neutron|ovn|openvswitch"`(RPM 호스트는 rpm -qa, Kolla는 `docker ps --format "{{.Names}} {{.Image}}"`)를 확인하세요. 역할의 모든 노드에서 업그레이드를 마치고(kolla-ansible upgrade, helm upgrade, 패키지 배포) 서비스를 재시작하세요.',
  },

  'config-drift.unread.title': { en: 'Could not check configuration drift on {nodes}', ko: '{nodes}에서 설정 어긋남을 확인하지 못함' },
  'config-drift.unread.explanation': {
    en: 'The configuration read failed or its output was cut short on these nodes: they are left out of every comparison.',
    ko: '이 노드들에서 설정 읽기가 실패했거나 출력이 중간에 끊겼습니다. 모든 비교에서 제외했습니다.',
  },
  'config-drift.not-run.title': { en: 'Configuration drift not checked: no node ran the read', ko: '설정 어긋남을 확인하지 않음: 읽기를 실행한 노드 없음' },
  'config-drift.not-run.explanation': {
    en: 'No controller or compute node was reached, so nothing was compared.',
    ko: '컨트롤러나 컴퓨트 노드에 닿지 못해 아무것도 비교하지 않았습니다.',
  },
};
