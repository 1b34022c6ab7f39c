/** k8s-pods' finding texts (playbooks/catalogue/k8s-pods), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const k8sPodsTexts: Record<string, Record<Lang, string>> = {
  // Pieces several findings share.
  'k8s-pods.join.semicolon': { en: '{a}; {b}', ko: '{a}; {b}' },
  'k8s-pods.where': { en: '{pod}', ko: '{pod}' },
  'k8s-pods.where.node': { en: '{pod} on {node}', ko: '{pod}({node} 노드)' },
  'k8s-pods.the-node': { en: 'the node', ko: '노드' },
  'k8s-pods.times.one': { en: '{count} time', ko: '{count}번' },
  'k8s-pods.times': { en: '{count} times', ko: '{count}번' },
  'k8s-pods.last-exit': { en: 'last run ended {reason} (exit code {code}){at}', ko: '마지막 실행은 {reason}(으)로 끝남(종료 코드 {code}){at}' },
  'k8s-pods.last-exit.at': { en: ' at {time}', ko: ', 시각 {time}' },
  'k8s-pods.last-exit.none': { en: 'no earlier run recorded', ko: '이전 실행 기록 없음' },
  'k8s-pods.log.empty': { en: 'it was empty', ko: '로그가 비어 있음' },
  'k8s-pods.log.not-fetched': {
    en: 'its log was not fetched (more than 20 failing containers, or the pod changed meanwhile)',
    ko: '로그를 가져오지 않음(실패한 컨테이너가 20개를 넘었거나, 그사이 파드가 바뀜)',
  },
  'k8s-pods.log.no-step': { en: 'the crash-logs step did not run', ko: 'crash-logs 단계가 실행되지 않음' },
  'k8s-pods.unknown-reason': { en: 'unknown reason', ko: '이유 알 수 없음' },
  'k8s-pods.no-reason': { en: 'no reason given', ko: '이유 없음' },
  'k8s-pods.waiting': { en: 'waiting', ko: '대기 중' },
  'k8s-pods.describe': { en: 'kubectl -n {ns} describe pod {pod}', ko: '파드 상태와 이벤트 확인: kubectl -n {ns} describe pod {pod}' },

  // What a crashed run's log means (explain.ts), by the pattern that matched.
  'k8s-pods.explain.db-access-denied.cause': {
    en: 'The service connects to its database with credentials MariaDB rejects (error 1045): the password in the service configuration/secret no longer matches the database user (rotated or mismatched secret), or the user has no grant for this host.',
    ko: '서비스가 MariaDB가 거부하는 자격 증명으로 데이터베이스에 접속합니다(오류 1045). 서비스 설정/시크릿의 비밀번호가 데이터베이스 사용자와 더 이상 맞지 않거나(시크릿 교체 또는 불일치), 이 호스트에 대한 grant가 사용자에게 없습니다.',
  },
  'k8s-pods.explain.db-access-denied.next': {
    en: `compare the DB password in the service's config secret with the user in MariaDB: kubectl -n {ns} get secrets | grep db-user; mysql -e "SELECT user,host FROM mysql.user"`,
    ko: `서비스 설정 시크릿의 DB 비밀번호를 MariaDB의 사용자와 비교하세요: kubectl -n {ns} get secrets | grep db-user; mysql -e "SELECT user,host FROM mysql.user"`,
  },
  'k8s-pods.explain.db-unreachable.cause': {
    en: 'The database is unreachable from the pod (MariaDB/Galera down, not Primary, or its Service has no endpoints).',
    ko: '파드에서 데이터베이스에 닿지 않습니다(MariaDB/Galera 다운, Primary 아님, 또는 해당 Service에 엔드포인트가 없음).',
  },
  'k8s-pods.explain.db-unreachable.next': {
    en: 'kubectl -n {ns} get pods -l application=mariadb; run the galera-health playbook',
    ko: 'kubectl -n {ns} get pods -l application=mariadb 로 확인하고, galera-health 플레이북을 실행하세요',
  },
  'k8s-pods.explain.rabbitmq.cause': {
    en: 'RabbitMQ is unreachable or refuses the service (broker down, partitioned, or wrong credentials).',
    ko: 'RabbitMQ에 닿지 않거나 RabbitMQ가 서비스를 거부합니다(브로커 다운, 파티션, 잘못된 자격 증명).',
  },
  'k8s-pods.explain.rabbitmq.next': {
    en: 'kubectl -n {ns} get pods -l application=rabbitmq; kubectl -n {ns} exec rabbitmq-rabbitmq-0 -- rabbitmqctl cluster_status',
    ko: 'RabbitMQ 상태 확인: kubectl -n {ns} get pods -l application=rabbitmq; kubectl -n {ns} exec rabbitmq-rabbitmq-0 -- rabbitmqctl cluster_status',
  },
  'k8s-pods.explain.entrypoint-dependency.cause': {
    en: 'kubernetes-entrypoint is waiting for a dependency (a Job that has not completed, a Service without endpoints, or a pod that is not running).',
    ko: 'kubernetes-entrypoint가 의존성을 기다리고 있습니다(완료되지 않은 Job, 엔드포인트가 없는 Service, 또는 실행 중이 아닌 파드).',
  },
  'k8s-pods.explain.entrypoint-dependency.next': { en: 'kubectl -n {ns} get jobs; kubectl -n {ns} get endpoints', ko: 'Job과 엔드포인트 확인: kubectl -n {ns} get jobs; kubectl -n {ns} get endpoints' },
  'k8s-pods.explain.stale-netns.cause': {
    en: 'The OVN metadata agent cannot open a stale ovnmeta-… network namespace left on the node (neutron bug 2037102): it crashes at every start until the namespace is removed.',
    ko: 'OVN 메타데이터 에이전트가 노드에 남은 오래된 ovnmeta-… 네트워크 네임스페이스를 열지 못합니다(neutron 버그 2037102). 그 네임스페이스를 지울 때까지 시작할 때마다 비정상 종료됩니다.',
  },
  'k8s-pods.explain.stale-netns.next': {
    en: `on the pod's node: ip netns | grep ovnmeta (remove the stale ones: ip netns del <name>), then kubectl -n {ns} delete pod {pod}`,
    ko: '파드가 있는 노드에서: ip netns | grep ovnmeta (오래된 것은 ip netns del <name>으로 삭제), 그다음 kubectl -n {ns} delete pod {pod}',
  },
  'k8s-pods.explain.connection-refused.cause': { en: 'A service this container depends on refuses or drops its connections.', ko: '이 컨테이너가 의존하는 서비스가 연결을 거부하거나 끊습니다.' },
  'k8s-pods.explain.connection-refused.next': { en: 'kubectl -n {ns} get endpoints; kubectl -n {ns} get pods -o wide', ko: '엔드포인트와 파드 확인: kubectl -n {ns} get endpoints; kubectl -n {ns} get pods -o wide' },
  'k8s-pods.explain.cannot-exec.cause': {
    en: 'The container cannot start its process: a missing or unreadable file, a wrong command, or a host resource it expects (an image, configmap or host state mismatch).',
    ko: '컨테이너가 프로세스를 시작하지 못합니다. 파일이 없거나 읽을 수 없거나, 명령이 잘못되었거나, 기대하는 호스트 자원이 없습니다(이미지, configmap, 호스트 상태 불일치).',
  },
  'k8s-pods.explain.cannot-exec.next': {
    en: 'kubectl -n {ns} describe pod {pod}; compare the image tag and configmaps with the chart values',
    ko: 'kubectl -n {ns} describe pod {pod} 로 확인하고, 이미지 태그와 configmap을 차트 values와 비교하세요',
  },
  'k8s-pods.explain.shutdown.cause': {
    en: 'The log ends with an orderly shutdown: the process was stopped (by an operator, a probe or a signal), it did not crash.',
    ko: '로그가 정상 종료로 끝납니다. 프로세스는 비정상 종료된 것이 아니라 (운영자, 프로브, 시그널에 의해) 중지되었습니다.',
  },
  'k8s-pods.explain.shutdown.next': {
    en: 'kubectl -n {ns} describe pod {pod}; check who stopped it (liveness probe events, node or operator actions)',
    ko: 'kubectl -n {ns} describe pod {pod} 로 누가 중지했는지 확인하세요(liveness 프로브 이벤트, 노드 또는 운영자 작업)',
  },

  // CrashLoopBackOff.
  'k8s-pods.pod-on-node': { en: '{pod} on {node}', ko: '{pod} ({node} 노드)' },
  'k8s-pods.crashloop.title': { en: '{pod}: container {container} is in CrashLoopBackOff{gist}', ko: '{pod}: {container} 컨테이너가 CrashLoopBackOff 상태{gist}' },
  'k8s-pods.crashloop.title.init': { en: '{pod}: init container {container} is in CrashLoopBackOff{gist}', ko: '{pod}: {container} init 컨테이너가 CrashLoopBackOff 상태{gist}' },
  'k8s-pods.crashloop.explanation': {
    en: 'Container {container} of pod {where} keeps crashing: {restarts} restarts, {lastExit}; Kubernetes now waits longer before each restart. {log}',
    ko: '{where} 파드의 {container} 컨테이너가 계속 비정상 종료됩니다. 재시작 {restarts}회, {lastExit}. Kubernetes는 이제 재시작할 때마다 더 오래 기다립니다. {log}',
  },
  'k8s-pods.crashloop.log.quoted': {
    en: 'The log of the crashed run (kubectl logs --previous) ends with the lines quoted below.',
    ko: '비정상 종료된 실행의 로그(kubectl logs --previous)는 아래 인용한 줄로 끝납니다.',
  },
  'k8s-pods.crashloop.log.unquoted': { en: "The crashed run's log could not be quoted: {why}.", ko: '비정상 종료된 실행의 로그를 인용하지 못했습니다: {why}.' },
  'k8s-pods.crashloop.cause.logged': { en: 'The process exits on the error shown in its previous log.', ko: '프로세스가 이전 로그에 나온 오류로 종료됩니다.' },
  'k8s-pods.crashloop.cause.at-start': { en: 'The process exits at start; its previous log holds the reason.', ko: '프로세스가 시작하자마자 종료됩니다. 이유는 이전 로그에 있습니다.' },
  'k8s-pods.crashloop.next': {
    en: 'kubectl -n {ns} logs {pod} -c {container} --previous --tail 200; kubectl -n {ns} describe pod {pod}',
    ko: '이전 실행의 로그와 파드 상태 확인: kubectl -n {ns} logs {pod} -c {container} --previous --tail 200; kubectl -n {ns} describe pod {pod}',
  },
  'k8s-pods.crashloop.next.explained': {
    en: 'kubectl -n {ns} logs {pod} -c {container} --previous --tail 200; then {then}',
    ko: 'kubectl -n {ns} logs {pod} -c {container} --previous --tail 200 으로 이전 실행의 로그를 본 뒤, {then}',
  },

  // OOMKilled.
  'k8s-pods.oom.title': { en: '{pod}: container {container} was OOMKilled (limit {limit})', ko: '{pod}: {container} 컨테이너가 OOMKilled됨 (제한 {limit})' },
  'k8s-pods.oom.title.no-limit': { en: '{pod}: container {container} was OOMKilled (no memory limit)', ko: '{pod}: {container} 컨테이너가 OOMKilled됨 (메모리 제한 없음)' },
  'k8s-pods.oom.explanation': {
    en: 'The kernel killed container {container} of pod {where} for using too much memory (reason OOMKilled, exit code {code}); {limit}. {restarts}',
    ko: '{where} 파드의 {container} 컨테이너가 메모리를 너무 많이 써서 커널이 강제 종료했습니다(reason OOMKilled, 종료 코드 {code}). {limit}. {restarts}',
  },
  'k8s-pods.oom.limit': { en: 'its memory limit is {limit}', ko: '메모리 제한은 {limit}입니다' },
  'k8s-pods.oom.no-limit': { en: 'it has no memory limit, so the node itself ran out of memory', ko: '메모리 제한이 없어 노드 자체의 메모리가 바닥났습니다' },
  'k8s-pods.oom.restarts': { en: 'It has restarted {times}{tail}.', ko: '{times} 재시작했습니다{tail}.' },
  'k8s-pods.oom.restarts.backoff': { en: ' and is now in CrashLoopBackOff', ko: '. 지금은 CrashLoopBackOff 상태입니다' },
  'k8s-pods.oom.restarts.running': { en: ' and is running again, until it grows past the limit again', ko: '. 지금은 다시 실행 중이지만, 메모리가 다시 제한을 넘으면 또 종료됩니다' },
  'k8s-pods.oom.cause.limit': {
    en: 'The memory limit ({limit}) is too small for this workload, or the process leaks memory.',
    ko: '메모리 제한({limit})이 이 워크로드에 너무 작거나, 프로세스에 메모리 누수가 있습니다.',
  },
  'k8s-pods.oom.cause.node': { en: 'Node memory pressure: the pod has no limit and the node ran out of memory.', ko: '노드 메모리 압박: 파드에 제한이 없고 노드의 메모리가 바닥났습니다.' },
  'k8s-pods.oom.next': {
    en: 'kubectl -n {ns} top pod {pod} --containers; raise the limit in the chart values (openstack-helm: pod.resources.<component>.limits.memory) and helm upgrade',
    ko: 'kubectl -n {ns} top pod {pod} --containers 로 사용량을 보고, 차트 values에서 제한을 올린 뒤(openstack-helm: pod.resources.<component>.limits.memory) helm upgrade 하세요',
  },

  // An init container that has not finished.
  'k8s-pods.init.title': { en: '{pod} is stuck in Init:{done}/{total} (init container {container})', ko: '{pod}이(가) Init:{done}/{total}에서 멈춤 ({container} init 컨테이너)' },
  'k8s-pods.init.title.deps': { en: '{pod} is stuck in Init:{done}/{total} — waiting for {deps}', ko: '{pod}이(가) Init:{done}/{total}에서 멈춤 — {deps} 대기 중' },
  'k8s-pods.init.explanation': {
    en: 'Pod {where} has not started its main containers: init container {container} ({done} of {total} init containers done) is {state}. {more}',
    ko: '{where} 파드가 메인 컨테이너를 시작하지 못했습니다. init 컨테이너 {container}(init 컨테이너 {total}개 중 {done}개 완료)이(가) {state}입니다. {more}',
  },
  'k8s-pods.init.state.waiting': { en: 'waiting ({reason})', ko: '대기 중({reason})' },
  'k8s-pods.init.state.running': { en: 'still running', ko: '아직 실행 중' },
  'k8s-pods.init.dep': { en: '{dep} (namespace {namespace}): {why}', ko: '{dep}(네임스페이스 {namespace}): {why}' },
  'k8s-pods.init.dep.not-ready': { en: 'not ready', ko: '준비 안 됨' },
  'k8s-pods.init.deps': { en: 'kubernetes-entrypoint reports the dependencies it is waiting for: {deps}.', ko: 'kubernetes-entrypoint가 기다리고 있다고 보고한 의존성: {deps}.' },
  'k8s-pods.init.log-no-dep': { en: 'Its log does not name a dependency; the last lines are quoted.', ko: '로그에 의존성 이름이 없습니다. 마지막 줄을 인용했습니다.' },
  'k8s-pods.init.no-log': { en: 'Its log was not available ({why}).', ko: '로그를 볼 수 없었습니다({why}).' },
  'k8s-pods.init.cause.deps': {
    en: 'A dependency declared by the chart is not ready: its Job has not completed (or failed), its Service has no ready endpoints, or its pod is not running. The pod itself is fine; fix the dependency.',
    ko: '차트에 선언된 의존성이 준비되지 않았습니다. 그 Job이 완료되지 않았거나(또는 실패했거나), 그 Service에 준비된 엔드포인트가 없거나, 그 파드가 실행 중이 아닙니다. 이 파드 자체는 문제가 없으니 의존성을 고치세요.',
  },
  'k8s-pods.init.cause': { en: 'The init container has not finished; its log says what it waits for.', ko: 'init 컨테이너가 끝나지 않았습니다. 무엇을 기다리는지는 로그에 있습니다.' },
  'k8s-pods.init.next.job': { en: 'kubectl -n {ns} get job {job}; kubectl -n {ns} logs job/{job} --tail 50', ko: 'Job 상태와 로그 확인: kubectl -n {ns} get job {job}; kubectl -n {ns} logs job/{job} --tail 50' },
  'k8s-pods.init.next.service': {
    en: 'kubectl -n {ns} get endpoints {service}; kubectl -n {ns} get pods -o wide | grep {service}',
    ko: 'Service 엔드포인트와 파드 확인: kubectl -n {ns} get endpoints {service}; kubectl -n {ns} get pods -o wide | grep {service}',
  },
  'k8s-pods.init.next': {
    en: 'kubectl -n {ns} logs {pod} -c {container} --tail 50; kubectl -n {ns} describe pod {pod}',
    ko: 'init 컨테이너 로그와 파드 상태 확인: kubectl -n {ns} logs {pod} -c {container} --tail 50; kubectl -n {ns} describe pod {pod}',
  },

  // Image pull failures.
  'k8s-pods.image-pull.title': { en: '{pod}: container {container} cannot pull its image ({reason})', ko: '{pod}: {container} 컨테이너가 이미지를 가져오지 못함 ({reason})' },
  'k8s-pods.image-pull.explanation': {
    en: 'The kubelet on {node} cannot pull image {image} for container {container} of pod {pod}{detail}.',
    ko: '{node}의 kubelet이 {pod} 파드의 {container} 컨테이너 이미지 {image}을(를) 가져오지 못합니다{detail}.',
  },
  'k8s-pods.image-pull.cause': {
    en: 'The image name or tag does not exist in the registry, the registry is unreachable from the node, or pull credentials (imagePullSecrets) are missing.',
    ko: '이미지 이름이나 태그가 레지스트리에 없거나, 노드에서 레지스트리에 닿지 않거나, pull 자격 증명(imagePullSecrets)이 없습니다.',
  },
  'k8s-pods.image-pull.next': {
    en: 'kubectl -n {ns} describe pod {pod} (Events show the pull error); on {node}: crictl pull {image}',
    ko: 'kubectl -n {ns} describe pod {pod} (Events에 pull 오류가 나옵니다). {node}에서: crictl pull {image}',
  },

  // A container that cannot be created.
  'k8s-pods.config.title': { en: '{pod}: container {container} cannot be created ({reason})', ko: '{pod}: {container} 컨테이너를 만들 수 없음 ({reason})' },
  'k8s-pods.config.explanation': { en: 'Kubernetes cannot create container {container} of pod {where}{detail}.', ko: 'Kubernetes가 {where} 파드의 {container} 컨테이너를 만들지 못합니다{detail}.' },
  'k8s-pods.config.cause': {
    en: 'A Secret or ConfigMap the container references is missing, or its command/mounts are invalid.',
    ko: '컨테이너가 참조하는 Secret이나 ConfigMap이 없거나, 명령/마운트 설정이 잘못되었습니다.',
  },
  'k8s-pods.config.next': { en: 'kubectl -n {ns} describe pod {pod}; kubectl -n {ns} get secrets,configmaps', ko: '파드 이벤트와 Secret/ConfigMap 확인: kubectl -n {ns} describe pod {pod}; kubectl -n {ns} get secrets,configmaps' },

  // A container that terminated and is not restarted.
  'k8s-pods.not-running.title': { en: '{pod}: container {container} is not running ({reason}, exit code {code})', ko: '{pod}: {container} 컨테이너가 실행 중이 아님 ({reason}, 종료 코드 {code})' },
  'k8s-pods.not-running.explanation': {
    en: 'Container {container} of pod {where} has terminated ({reason}, exit code {code}{detail}) and is not being restarted. Its last log lines are quoted.',
    ko: '{where} 파드의 {container} 컨테이너가 종료되었고({reason}, 종료 코드 {code}{detail}) 재시작되지 않고 있습니다. 마지막 로그 줄을 인용했습니다.',
  },
  'k8s-pods.not-running.cause': { en: 'The container process exited or was stopped; the end of its log says how.', ko: '컨테이너 프로세스가 종료되었거나 중지되었습니다. 어떻게 끝났는지는 로그 끝부분에 있습니다.' },
  'k8s-pods.not-running.next': {
    en: 'kubectl -n {ns} logs {pod} -c {container} --tail 200; kubectl -n {ns} describe pod {pod}',
    ko: '로그와 파드 상태 확인: kubectl -n {ns} logs {pod} -c {container} --tail 200; kubectl -n {ns} describe pod {pod}',
  },
  'k8s-pods.not-running.next.explained': {
    en: 'kubectl -n {ns} logs {pod} -c {container} --tail 200; {then}',
    ko: 'kubectl -n {ns} logs {pod} -c {container} --tail 200 으로 로그를 본 뒤, {then}',
  },

  // A container waiting for another reason.
  'k8s-pods.waiting.title': { en: '{pod}: container {container} is waiting ({reason})', ko: '{pod}: {container} 컨테이너가 대기 중 ({reason})' },
  'k8s-pods.waiting.explanation': { en: 'Container {container} of pod {where} has not started: {reason}{detail}.', ko: '{where} 파드의 {container} 컨테이너가 시작하지 않았습니다: {reason}{detail}.' },
  'k8s-pods.waiting.cause.creating': {
    en: 'Volumes are still mounting or the network sandbox is not ready; the pod events say which.',
    ko: '볼륨이 아직 마운트 중이거나 네트워크 샌드박스가 준비되지 않았습니다. 어느 쪽인지는 파드 이벤트에 있습니다.',
  },
  'k8s-pods.waiting.cause': { en: 'See the pod events.', ko: '파드 이벤트를 보세요.' },

  // Running but not Ready.
  'k8s-pods.not-ready.title': { en: '{pod}: container {container} is running but not Ready', ko: '{pod}: {container} 컨테이너가 실행 중이지만 Ready가 아님' },
  'k8s-pods.not-ready.explanation': {
    en: 'Container {container} of pod {where} runs but fails its readiness probe, so its Service sends it no traffic{detail}.',
    ko: '{where} 파드의 {container} 컨테이너가 실행 중이지만 readiness 프로브에 실패해서 Service가 트래픽을 보내지 않습니다{detail}.',
  },
  'k8s-pods.not-ready.cause': {
    en: 'The service inside is up but unhealthy (a backend it needs is down) or still starting.',
    ko: '안의 서비스가 떠 있지만 건강하지 않거나(필요한 백엔드가 다운), 아직 시작 중입니다.',
  },
  'k8s-pods.not-ready.next': {
    en: 'kubectl -n {ns} describe pod {pod} (Events: Readiness probe failed …); kubectl -n {ns} logs {pod} -c {container} --tail 100',
    ko: 'kubectl -n {ns} describe pod {pod} (Events: Readiness probe failed …); kubectl -n {ns} logs {pod} -c {container} --tail 100 으로 확인하세요',
  },
  'k8s-pods.pod-not-ready.title': { en: '{pod} is not Ready ({reason})', ko: '{pod}이(가) Ready가 아님 ({reason})' },
  'k8s-pods.pod-not-ready.explanation': { en: 'Pod {where} is {phase} but not Ready{detail}.', ko: '{where} 파드가 {phase} 상태지만 Ready가 아닙니다{detail}.' },
  'k8s-pods.pod-not-ready.cause': { en: 'A container is starting or failing its readiness probe.', ko: '컨테이너가 시작 중이거나 readiness 프로브에 실패하고 있습니다.' },

  // Restarted, running again.
  'k8s-pods.restarts.title': { en: '{pod}: container {container} restarted {times} (running now)', ko: '{pod}: {container} 컨테이너가 {times} 재시작함 (지금은 실행 중)' },
  'k8s-pods.restarts.explanation': {
    en: 'Container {container} of pod {where} is running and Ready now, but has restarted {restarts} times; {lastExit}.{quoted}',
    ko: '{where} 파드의 {container} 컨테이너는 지금 실행 중이고 Ready지만, {restarts}번 재시작했습니다. {lastExit}.{quoted}',
  },
  'k8s-pods.restarts.quoted': { en: ' The crashed run logged the lines quoted below.', ko: ' 비정상 종료된 실행이 남긴 줄을 아래에 인용했습니다.' },
  'k8s-pods.restarts.cause.explained': { en: 'An earlier run stopped on this: {cause}', ko: '이전 실행이 이것 때문에 멈췄습니다: {cause}' },
  'k8s-pods.restarts.cause': {
    en: 'An earlier run crashed or was killed (failed liveness probe, dependency outage); it recovered on restart.',
    ko: '이전 실행이 비정상 종료되었거나 강제 종료되었고(liveness 프로브 실패, 의존 서비스 장애), 재시작 후 회복되었습니다.',
  },
  'k8s-pods.restarts.next': { en: 'kubectl -n {ns} logs {pod} -c {container} --previous --tail 200', ko: '이전 실행의 로그 확인: kubectl -n {ns} logs {pod} -c {container} --previous --tail 200' },

  // A failed pod.
  'k8s-pods.failed.title': { en: '{pod} has failed{reason}', ko: '{pod}이(가) 실패함{reason}' },
  'k8s-pods.failed.explanation': { en: 'Pod {where} is in phase Failed{detail}{job}.', ko: '{where} 파드가 Failed 단계입니다{detail}{job}.' },
  'k8s-pods.failed.job': { en: '; it belongs to a Job, which may have retried in another pod', ko: '. Job에 속한 파드라서 Job이 다른 파드로 재시도했을 수 있습니다' },
  'k8s-pods.failed.cause.evicted': { en: 'The node ran short of memory or disk and evicted the pod.', ko: '노드의 메모리나 디스크가 부족해서 파드를 축출(evict)했습니다.' },
  'k8s-pods.failed.cause': { en: 'Its containers exited with an error; their last state says which.', ko: '컨테이너가 오류로 종료되었습니다. 어느 컨테이너인지는 마지막 상태에 있습니다.' },

  // A pod no node accepts.
  'k8s-pods.unschedulable.title': { en: '{pod} cannot be scheduled{reason}', ko: '{pod}을(를) 스케줄할 수 없음{reason}' },
  'k8s-pods.unschedulable.explanation': { en: 'No node accepts pod {pod}{detail}.', ko: '{pod} 파드를 받아 주는 노드가 없습니다{detail}.' },
  'k8s-pods.unschedulable.cause': {
    en: 'Node selectors/labels (openstack-helm: openstack-control-plane=enabled, openstack-compute-node=enabled), taints, or not enough CPU/memory on the labelled nodes.',
    ko: '노드 셀렉터/레이블(openstack-helm: openstack-control-plane=enabled, openstack-compute-node=enabled), taint, 또는 레이블이 붙은 노드의 CPU/메모리 부족입니다.',
  },
  'k8s-pods.unschedulable.next': { en: 'kubectl -n {ns} describe pod {pod}; kubectl get nodes --show-labels', ko: '파드 이벤트와 노드 레이블 확인: kubectl -n {ns} describe pod {pod}; kubectl get nodes --show-labels' },

  // The namespace as a whole.
  'k8s-pods.list.skipped.title': { en: 'Pods were not listed', ko: '파드 목록을 읽지 못함' },
  'k8s-pods.list.skipped.incomplete': { en: 'The pod list step did not complete ({why}); no pod was checked.', ko: '파드 목록 단계가 끝나지 않았습니다({why}). 어떤 파드도 확인하지 않았습니다.' },
  'k8s-pods.list.skipped.not-run': { en: 'The pod list step did not run; no pod was checked.', ko: '파드 목록 단계가 실행되지 않았습니다. 어떤 파드도 확인하지 않았습니다.' },
  'k8s-pods.list.skipped.no-section': { en: 'kubectl printed no namespace section: {why}', ko: 'kubectl이 네임스페이스 섹션을 출력하지 않았습니다: {why}' },
  'k8s-pods.list.ns-failed.title': { en: 'Pods in namespace {ns} could not be listed', ko: '{ns} 네임스페이스의 파드 목록을 읽지 못함' },
  'k8s-pods.list.ns-failed.explanation': { en: 'kubectl get pods -n {ns} failed: {why}', ko: 'kubectl get pods -n {ns} 실패: {why}' },
  'k8s-pods.no-output': { en: 'no output', ko: '출력 없음' },
  'k8s-pods.ns-empty.title': { en: 'No pods in namespace {ns}', ko: '{ns} 네임스페이스에 파드가 없음' },
  'k8s-pods.ns-empty.explanation': {
    en: 'kubectl lists no pods in namespace {ns}: nothing is deployed there, or the namespace name is wrong.',
    ko: 'kubectl이 {ns} 네임스페이스에서 파드를 하나도 나열하지 않습니다. 거기에 배포된 것이 없거나, 네임스페이스 이름이 틀렸습니다.',
  },
  'k8s-pods.ns-empty.next': { en: 'kubectl get namespaces', ko: '네임스페이스 목록 확인: kubectl get namespaces' },
  'k8s-pods.ns-ok.title': { en: 'All {count} pods in namespace {ns} are Running and Ready', ko: '{ns} 네임스페이스의 파드 {count}개 모두 Running이고 Ready임' },
  'k8s-pods.ns-ok.explanation': {
    en: 'Every pod in {ns} is Running with all containers Ready and no restarts{jobs}.',
    ko: '{ns}의 모든 파드가 Running이고, 모든 컨테이너가 Ready이며 재시작이 없습니다{jobs}.',
  },
  'k8s-pods.ns-ok.jobs': { en: '; {count} completed Job pods were ignored', ko: '. 완료된 Job 파드 {count}개는 제외했습니다' },

  // Warning events.
  'k8s-pods.events.skipped.title': { en: 'Warning events were not read', ko: 'Warning 이벤트를 읽지 않음' },
  'k8s-pods.events.skipped.incomplete': { en: 'The events step did not complete ({why}).', ko: '이벤트 단계가 끝나지 않았습니다({why}).' },
  'k8s-pods.events.skipped.not-run': { en: 'The events step did not run.', ko: '이벤트 단계가 실행되지 않았습니다.' },
  'k8s-pods.events.ns-failed.title': { en: 'Warning events in namespace {ns} could not be read', ko: '{ns} 네임스페이스의 Warning 이벤트를 읽지 못함' },
  'k8s-pods.events.ns-failed.explanation': {
    en: 'kubectl get events -n {ns} --field-selector type=Warning failed: {why}',
    ko: 'kubectl get events -n {ns} --field-selector type=Warning 실패: {why}',
  },
  'k8s-pods.events.none.title': { en: 'No Warning events in namespace {ns}', ko: '{ns} 네임스페이스에 Warning 이벤트 없음' },
  'k8s-pods.events.none.explanation': {
    en: 'kubectl reports no Warning events in {ns} (events are kept for about an hour).',
    ko: 'kubectl이 {ns}에서 Warning 이벤트를 보고하지 않습니다(이벤트는 한 시간 정도 보관됩니다).',
  },
  'k8s-pods.events.title.one': { en: '{object} in {ns}: {count} Warning event ({reasons})', ko: '{ns}의 {object}: Warning 이벤트 {count}건 ({reasons})' },
  'k8s-pods.events.title': { en: '{object} in {ns}: {count} Warning events ({reasons})', ko: '{ns}의 {object}: Warning 이벤트 {count}건 ({reasons})' },
  'k8s-pods.events.explanation': {
    en: 'Kubernetes recorded Warning events for {object} within the last hour: {events}.',
    ko: 'Kubernetes가 지난 한 시간 안에 {object}에 대한 Warning 이벤트를 기록했습니다: {events}.',
  },
  'k8s-pods.events.cause': {
    en: 'See the event messages; they come from the scheduler, the kubelet or a controller acting on this object.',
    ko: '이벤트 메시지를 보세요. 스케줄러, kubelet, 또는 이 오브젝트를 다루는 컨트롤러가 남긴 것입니다.',
  },
  'k8s-pods.events.next': {
    en: 'kubectl -n {ns} get events --field-selector involvedObject.name={name} --sort-by=.lastTimestamp',
    ko: '이 오브젝트의 이벤트를 시간순으로 보기: kubectl -n {ns} get events --field-selector involvedObject.name={name} --sort-by=.lastTimestamp',
  },
};
