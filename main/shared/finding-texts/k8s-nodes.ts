/** k8s-nodes' finding texts (playbooks/catalogue/k8s-nodes), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const k8sNodesTexts: Record<string, Record<Lang, string>> = {
  'k8s-nodes.failed.all.title': { en: 'Could not check the Kubernetes nodes', ko: '쿠버네티스 노드를 점검하지 못함' },
  'k8s-nodes.failed.nodes.title': { en: 'Could not check the Kubernetes nodes: none listed', ko: '쿠버네티스 노드를 점검하지 못함: 조회된 노드 없음' },
  'k8s-nodes.failed.pvc.title': { en: 'Could not check the PersistentVolumeClaims', ko: 'PersistentVolumeClaim을 점검하지 못함' },
  'k8s-nodes.failed.provisioning-failed.title': { en: 'Could not read the ProvisioningFailed events', ko: 'ProvisioningFailed 이벤트를 읽지 못함' },
  'k8s-nodes.failed.failed-pods.title': { en: 'Could not check for evicted pods', ko: '축출된 파드를 점검하지 못함' },
  'k8s-nodes.failed.explanation': { en: 'kubectl on {node} did not give the listing: {line}', ko: '{node}의 kubectl이 목록을 주지 않았습니다: {line}' },
  'k8s-nodes.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'k8s-nodes.failed.next': {
    en: 'On {node}: `kubectl get nodes` by hand; check the kubeconfig (KUBECONFIG, ~/.kube/config) and that the API server answers, or give the cluster a kube-access node.',
    ko: '{node}에서 `kubectl get nodes`를 직접 실행해 보고, kubeconfig(KUBECONFIG, ~/.kube/config)와 API 서버 응답을 확인하거나 클러스터에 kube-access 노드를 지정하세요.',
  },

  'k8s-nodes.not-ready.title': { en: 'Kubernetes node(s) not Ready ({status}): {nodes}', ko: '쿠버네티스 노드가 Ready 아님 ({status}): {nodes}' },
  'k8s-nodes.not-ready.false': {
    en: 'The kubelet of {count} node(s) reports itself not ready (reason {reason}: {message}). Pods there are not served; after the eviction timeout Kubernetes moves what it can, DaemonSet pods (nova-compute, ovn-controller, openvswitch) stay down.',
    ko: '{count}개 노드의 kubelet이 스스로 준비되지 않았다고 보고합니다(이유 {reason}: {message}). 그 노드의 파드는 서비스되지 않으며, 축출 시간이 지나면 쿠버네티스가 옮길 수 있는 것은 옮기지만 DaemonSet 파드(nova-compute, ovn-controller, openvswitch)는 내려간 채로 남습니다.',
  },
  'k8s-nodes.not-ready.unknown': {
    en: 'The kubelet of {count} node(s) stopped posting its status (reason {reason}: {message}): the node is down, cut off from the API server, or its kubelet died. Its pods are not served; DaemonSet pods (nova-compute, ovn-controller, openvswitch) stay down.',
    ko: '{count}개 노드의 kubelet이 상태 보고를 멈췄습니다(이유 {reason}: {message}). 노드가 꺼졌거나, API 서버와 단절되었거나, kubelet이 죽었습니다. 그 노드의 파드는 서비스되지 않으며 DaemonSet 파드(nova-compute, ovn-controller, openvswitch)는 내려간 채로 남습니다.',
  },
  'k8s-nodes.not-ready.cause.false': {
    en: 'The container runtime or the CNI plugin is not ready (NetworkPluginNotReady), or the kubelet fails on the node’s resources; the condition’s message says which.',
    ko: '컨테이너 런타임이나 CNI 플러그인이 준비되지 않았거나(NetworkPluginNotReady) kubelet이 노드 자원 문제로 실패합니다. 조건의 메시지에 원인이 나옵니다.',
  },
  'k8s-nodes.not-ready.cause.unknown': {
    en: 'The node is powered off or hung, its network to the API server is broken, or the kubelet service stopped.',
    ko: '노드가 꺼졌거나 멈췄거나, API 서버로 가는 네트워크가 끊겼거나, kubelet 서비스가 멈췄습니다.',
  },
  'k8s-nodes.not-ready.next': {
    en: '`kubectl describe node {node}` (Conditions, Events); on the node: `systemctl status kubelet`, `journalctl -u kubelet --since -30min`, the container runtime’s status.',
    ko: '`kubectl describe node {node}`(Conditions, Events)를 보고, 노드에서 `systemctl status kubelet`, `journalctl -u kubelet --since -30min`, 컨테이너 런타임 상태를 확인하세요.',
  },

  'k8s-nodes.pressure.title': { en: '{type} on {nodes}', ko: '{nodes}에 {type} 발생' },
  'k8s-nodes.pressure.memory': {
    en: 'The kubelet of {count} node(s) reports memory pressure ({message}): it evicts pods, lowest priority first, and admits no new BestEffort pods.',
    ko: '{count}개 노드의 kubelet이 메모리 압박을 보고합니다({message}). 우선순위가 낮은 파드부터 축출하고 새 BestEffort 파드를 받지 않습니다.',
  },
  'k8s-nodes.pressure.disk': {
    en: 'The kubelet of {count} node(s) reports disk pressure ({message}): it garbage-collects images and evicts pods, and the node is tainted so nothing new is scheduled there.',
    ko: '{count}개 노드의 kubelet이 디스크 압박을 보고합니다({message}). 이미지를 정리하고 파드를 축출하며, 노드에 taint가 걸려 새 파드가 배치되지 않습니다.',
  },
  'k8s-nodes.pressure.pid': {
    en: 'The kubelet of {count} node(s) reports too many processes ({message}): it evicts pods, and services there may fail to fork.',
    ko: '{count}개 노드의 kubelet이 프로세스가 너무 많다고 보고합니다({message}). 파드를 축출하며, 그 노드의 서비스가 fork에 실패할 수 있습니다.',
  },
  'k8s-nodes.pressure.network': {
    en: 'The network of {count} node(s) is reported unavailable ({message}): pods there cannot reach the others until the CNI sets the route up.',
    ko: '{count}개 노드의 네트워크를 사용할 수 없다고 보고됩니다({message}). CNI가 경로를 설정할 때까지 그 노드의 파드는 다른 파드에 닿지 못합니다.',
  },
  'k8s-nodes.pressure.cause.memory': {
    en: 'Pods (or instances on a converged compute) use more memory than the node has; limits missing on OpenStack pods, or a leak.',
    ko: '파드(또는 컴퓨트를 겸한 노드의 인스턴스)가 노드의 메모리보다 많이 씁니다. OpenStack 파드에 한도가 없거나 메모리 누수입니다.',
  },
  'k8s-nodes.pressure.cause.disk': {
    en: 'The kubelet’s or the runtime’s file system is nearly full: images, container logs, emptyDir volumes, or instance disks on the same file system.',
    ko: 'kubelet이나 런타임의 파일시스템이 거의 찼습니다: 이미지, 컨테이너 로그, emptyDir 볼륨, 같은 파일시스템의 인스턴스 디스크.',
  },
  'k8s-nodes.pressure.cause.pid': {
    en: 'A process that forks without end (a stuck health check, an agent leaking children) or a pid limit set too low.',
    ko: '끝없이 fork하는 프로세스(멈춘 헬스 체크, 자식 프로세스를 남기는 에이전트)나 너무 낮게 잡힌 pid 한도.',
  },
  'k8s-nodes.pressure.cause.network': {
    en: 'The CNI plugin (Calico, Flannel…) has not set up the node’s routes: its agent on that node is down or misconfigured.',
    ko: 'CNI 플러그인(Calico, Flannel 등)이 노드의 경로를 설정하지 못했습니다. 그 노드의 CNI 에이전트가 내려갔거나 설정이 틀렸습니다.',
  },
  'k8s-nodes.pressure.next': {
    en: '`kubectl describe node {node}` (Conditions, Allocated resources, Events); on the node: `free -m`, `df -h /var/lib/kubelet /var/lib/containerd`, `ps -e | wc -l`.',
    ko: '`kubectl describe node {node}`(Conditions, Allocated resources, Events)를 보고, 노드에서 `free -m`, `df -h /var/lib/kubelet /var/lib/containerd`, `ps -e | wc -l`을 확인하세요.',
  },

  'k8s-nodes.cordoned.title': { en: 'Node(s) cordoned (SchedulingDisabled): {nodes}', ko: '노드가 cordon됨 (SchedulingDisabled): {nodes}' },
  'k8s-nodes.cordoned.explanation': {
    en: '{count} node(s) are marked unschedulable: running pods stay, but nothing new is placed there — a pod that restarts elsewhere or a new DaemonSet revision may find no room.',
    ko: '{count}개 노드가 스케줄 불가로 표시되어 있습니다. 실행 중인 파드는 남지만 새 파드는 배치되지 않으므로, 다른 곳에서 다시 뜨는 파드나 새 DaemonSet 리비전이 자리를 찾지 못할 수 있습니다.',
  },
  'k8s-nodes.cordoned.cause': {
    en: 'A maintenance (`kubectl cordon` / `drain`) that was not undone, or an upgrade tool that stopped halfway.',
    ko: '되돌리지 않은 점검 작업(`kubectl cordon` / `drain`)이나 중간에 멈춘 업그레이드 도구.',
  },
  'k8s-nodes.cordoned.next': {
    en: 'If the maintenance is over: `kubectl uncordon {node}` (it changes the cluster: your decision).',
    ko: '점검이 끝났다면 `kubectl uncordon {node}`를 실행하세요(클러스터를 바꾸는 작업이므로 직접 판단하세요).',
  },

  'k8s-nodes.label.compute.title': { en: 'Compute node(s) without the label {label}=enabled: {nodes}', ko: '{label}=enabled 레이블이 없는 컴퓨트 노드: {nodes}' },
  'k8s-nodes.label.compute.explanation': {
    en: 'The inventory says {count} node(s) are computes, but Kubernetes does not label them {label}=enabled: openstack-helm’s nova-compute, libvirt and neutron agent DaemonSets select nodes by that label, so no nova-compute runs there and Nova never sees those hypervisors.',
    ko: '인벤토리상 {count}개 노드가 컴퓨트인데 쿠버네티스에는 {label}=enabled 레이블이 없습니다. openstack-helm의 nova-compute, libvirt, neutron 에이전트 DaemonSet은 이 레이블로 노드를 고르므로, 그 노드에는 nova-compute가 뜨지 않고 Nova는 그 하이퍼바이저를 보지 못합니다.',
  },
  'k8s-nodes.label.controller.title': { en: 'Controller node(s) without the label {label}=enabled: {nodes}', ko: '{label}=enabled 레이블이 없는 컨트롤러 노드: {nodes}' },
  'k8s-nodes.label.controller.explanation': {
    en: 'The inventory says {count} node(s) are controllers, but Kubernetes does not label them {label}=enabled: openstack-helm places its API, scheduler, database and message queue pods only on nodes with that label, so none run there (fewer replicas, or pods Pending).',
    ko: '인벤토리상 {count}개 노드가 컨트롤러인데 쿠버네티스에는 {label}=enabled 레이블이 없습니다. openstack-helm은 API, 스케줄러, 데이터베이스, 메시지 큐 파드를 이 레이블이 있는 노드에만 두므로 그 노드에는 아무것도 뜨지 않습니다(복제본 감소 또는 Pending 파드).',
  },
  'k8s-nodes.label.cause': {
    en: 'The node was added (or rebuilt) without the labelling step of the deployment, or someone removed the label.',
    ko: '배포의 레이블 지정 단계 없이 노드가 추가(또는 재구성)되었거나 누군가 레이블을 지웠습니다.',
  },
  'k8s-nodes.label.next': {
    en: '`kubectl get node {node} --show-labels`; if it should serve that role: `kubectl label node {node} {label}=enabled` (it changes the cluster: your decision).',
    ko: '`kubectl get node {node} --show-labels`로 확인하고, 그 역할을 맡아야 한다면 `kubectl label node {node} {label}=enabled`를 실행하세요(클러스터를 바꾸는 작업이므로 직접 판단하세요).',
  },
  'k8s-nodes.stranger.title': { en: 'Not found among the Kubernetes nodes: {nodes}', ko: '쿠버네티스 노드 목록에 없음: {nodes}' },
  'k8s-nodes.stranger.explanation': {
    en: 'Kubernetes lists {count} node(s), none of them by these names or addresses: their labels and conditions were not checked (the names in Stackscope may differ from the Kubernetes node names).',
    ko: '쿠버네티스에 노드 {count}개가 있지만 이 이름이나 주소와 맞는 노드가 없어 레이블과 상태를 점검하지 못했습니다(Stackscope의 이름이 쿠버네티스 노드 이름과 다를 수 있습니다).',
  },
  'k8s-nodes.ok.title': { en: '{count} Kubernetes node(s) Ready, no pressure, schedulable', ko: '쿠버네티스 노드 {count}개가 Ready이며 압박 없음, 스케줄 가능' },
  'k8s-nodes.ok.explanation': {
    en: 'Ready, without memory, disk or PID pressure, not cordoned, and labelled for their role where the inventory says it: {nodes}.',
    ko: 'Ready이며 메모리·디스크·PID 압박이 없고, cordon되지 않았으며, 인벤토리가 말하는 역할의 레이블이 있습니다: {nodes}.',
  },

  'k8s-nodes.pvc.pending.title': { en: 'Volume claim {ns}/{name} is {phase}', ko: '볼륨 클레임 {ns}/{name}이(가) {phase} 상태' },
  'k8s-nodes.pvc.pending.explanation': {
    en: 'PersistentVolumeClaim {ns}/{name} (storage class {sc}) has no volume bound: the pod that mounts it (a MariaDB, RabbitMQ or Glance pod in openstack-helm) stays Pending.{why}',
    ko: 'PersistentVolumeClaim {ns}/{name}(스토리지 클래스 {sc})에 연결된 볼륨이 없습니다. 이를 마운트하는 파드(openstack-helm의 MariaDB, RabbitMQ, Glance 파드 등)는 Pending에 머뭅니다.{why}',
  },
  'k8s-nodes.pvc.lost.title': { en: 'Volume claim {ns}/{name} is Lost', ko: '볼륨 클레임 {ns}/{name}이(가) Lost 상태' },
  'k8s-nodes.pvc.lost.explanation': {
    en: 'PersistentVolumeClaim {ns}/{name} (storage class {sc}) lost its volume: the PersistentVolume it was bound to is gone. The data on it may be gone too, and the pod that mounts it cannot start.{why}',
    ko: 'PersistentVolumeClaim {ns}/{name}(스토리지 클래스 {sc})의 볼륨이 사라졌습니다: 연결되어 있던 PersistentVolume이 없어졌습니다. 그 안의 데이터도 없어졌을 수 있으며, 이를 마운트하는 파드는 시작하지 못합니다.{why}',
  },
  'k8s-nodes.pvc.why': { en: ' The provisioner says ({count} time(s)): {message}', ko: ' 프로비저너의 메시지({count}회): {message}' },
  'k8s-nodes.pvc.why.none': { en: ' No ProvisioningFailed event names it (events expire after an hour by default).', ko: ' 이를 가리키는 ProvisioningFailed 이벤트는 없습니다(이벤트는 기본적으로 1시간 뒤 사라집니다).' },
  'k8s-nodes.pvc.why.unread': { en: ' The ProvisioningFailed events could not be read.', ko: ' ProvisioningFailed 이벤트를 읽지 못했습니다.' },
  'k8s-nodes.pvc.pending.cause': {
    en: 'The storage class does not exist or has no provisioner running (Ceph RBD provisioner, local-path), the backend refuses (Ceph unhealthy, quota, credentials), or the claim waits for its first consumer (WaitForFirstConsumer) whose pod cannot be scheduled.',
    ko: '스토리지 클래스가 없거나 그 프로비저너(Ceph RBD provisioner, local-path)가 실행되지 않거나, 백엔드가 거부하거나(Ceph 비정상, 할당량, 인증), 클레임이 첫 사용자(WaitForFirstConsumer)를 기다리는데 그 파드가 스케줄되지 못합니다.',
  },
  'k8s-nodes.pvc.lost.cause': {
    en: 'The PersistentVolume was deleted (by hand or by a reclaim policy Delete), or its backend volume disappeared.',
    ko: 'PersistentVolume이 삭제되었거나(직접 또는 reclaim 정책 Delete) 백엔드 볼륨이 사라졌습니다.',
  },
  'k8s-nodes.pvc.next': {
    en: '`kubectl -n {ns} describe pvc {name}` (Events), `kubectl get storageclass {sc}` and the provisioner’s pods and logs.',
    ko: '`kubectl -n {ns} describe pvc {name}`(Events), `kubectl get storageclass {sc}`, 프로비저너 파드와 로그를 확인하세요.',
  },
  'k8s-nodes.pvc.ok.title': { en: '{count} volume claim(s) Bound', ko: '볼륨 클레임 {count}개가 Bound' },
  'k8s-nodes.pvc.ok.explanation': { en: 'Every claim not reported above has its volume bound.', ko: '위에 보고되지 않은 클레임은 모두 볼륨이 연결되어 있습니다.' },
  'k8s-nodes.pvc.none.title': { en: 'No PersistentVolumeClaims in any namespace', ko: '어느 네임스페이스에도 PersistentVolumeClaim 없음' },
  'k8s-nodes.pvc.none.explanation': {
    en: 'Kubernetes lists no claims: the services keep their data on host paths or emptyDir volumes (nothing to be Pending).',
    ko: '쿠버네티스에 클레임이 없습니다. 서비스가 데이터를 호스트 경로나 emptyDir 볼륨에 둡니다(Pending이 될 것이 없음).',
  },

  'k8s-nodes.evicted.title': { en: '{count} pod(s) evicted on {node}', ko: '{node}에서 파드 {count}개가 축출됨' },
  'k8s-nodes.evicted.explanation': {
    en: 'The kubelet of {node} evicted {count} pod(s) ({pods}); the last one said: {message}. Evicted pods stay listed as Failed until deleted; their controllers started replacements elsewhere if they could.',
    ko: '{node}의 kubelet이 파드 {count}개를 축출했습니다({pods}). 마지막 메시지: {message}. 축출된 파드는 삭제될 때까지 Failed로 남으며, 컨트롤러가 가능하면 다른 곳에 대체 파드를 띄웠습니다.',
  },
  'k8s-nodes.evicted.cause': {
    en: 'The node ran short of memory, ephemeral storage or pids (see its pressure conditions), usually from pods without requests and limits or logs filling the disk.',
    ko: '노드의 메모리, 임시 저장공간 또는 pid가 모자랐습니다(노드의 압박 조건 참고). 대개 requests·limits가 없는 파드나 디스크를 채우는 로그 때문입니다.',
  },
  'k8s-nodes.evicted.next': {
    en: '`kubectl describe node {node}` (Conditions, Events); `kubectl get pods -A --field-selector spec.nodeName={node}` to see what runs there; delete the Failed pod records once understood.',
    ko: '`kubectl describe node {node}`(Conditions, Events)와 `kubectl get pods -A --field-selector spec.nodeName={node}`로 그 노드에서 무엇이 도는지 보고, 원인을 알고 나면 Failed 파드 기록을 지우세요.',
  },
  'k8s-nodes.failed-pods.title': { en: '{count} pod(s) in phase Failed (not evicted)', ko: 'Failed 단계의 파드 {count}개 (축출 아님)' },
  'k8s-nodes.failed-pods.explanation': {
    en: 'Pods that ended Failed for another reason than an eviction: {pods}. Often Job pods whose later attempt succeeded; the k8s-pods playbook explains the ones of the OpenStack namespace.',
    ko: '축출이 아닌 다른 이유로 Failed가 된 파드: {pods}. 대개 다음 시도가 성공한 Job 파드이며, OpenStack 네임스페이스의 파드는 k8s-pods 플레이북이 설명합니다.',
  },
  'k8s-nodes.not-run.title': { en: 'Not checked: Kubernetes nodes', ko: '점검 안 함: 쿠버네티스 노드' },
  'k8s-nodes.not-run.explanation': { en: 'No controller ran the kubectl listing.', ko: 'kubectl 조회를 실행한 컨트롤러가 없습니다.' },
};
