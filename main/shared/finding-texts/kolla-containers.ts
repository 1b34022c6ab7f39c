/** kolla-containers' finding texts (playbooks/catalogue/kolla-containers), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const kollaContainersTexts: Record<string, Record<Lang, string>> = {
  'kolla-containers.role.core': {
    en: 'It is a core service: the cloud does not work fully without it.',
    ko: '핵심 서비스이므로 이것 없이는 클라우드가 제대로 동작하지 않습니다.',
  },
  'kolla-containers.role.other': {
    en: 'It is not a core service, but what it does is missing until it runs again.',
    ko: '핵심 서비스는 아니지만 다시 실행될 때까지 그 기능이 빠져 있습니다.',
  },

  'kolla-containers.down.title': { en: 'Container {name} is not running ({status}, exit code {exit}) on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) 실행 중이 아님 ({status}, 종료 코드 {exit})' },
  'kolla-containers.down.explanation': {
    en: '{engine} reports {name} as {status} with exit code {exit}, stopped {since} ago, on {count} node(s). {role} Its restart policy did not bring it back, so it stopped deliberately (docker stop, a deploy) or keeps failing at start. The end of its log is quoted.',
    ko: '{engine}이(가) {count}개 노드에서 {name}을(를) {status} 상태, 종료 코드 {exit}, {since} 전에 멈춘 것으로 보고합니다. {role} 재시작 정책이 다시 띄우지 않았으므로 일부러 멈췄거나(docker stop, 배포 작업) 시작할 때마다 실패하고 있습니다. 로그의 마지막 부분을 인용합니다.',
  },
  'kolla-containers.down.cause.clean': {
    en: 'Exit code 0: the process ended cleanly, usually because someone or something stopped the container (docker stop, kolla-ansible stop, a host maintenance) and nobody started it again.',
    ko: '종료 코드 0: 프로세스가 정상 종료되었습니다. 대개 누군가(또는 무언가)가 컨테이너를 멈추고(docker stop, kolla-ansible stop, 호스트 점검) 다시 시작하지 않은 경우입니다.',
  },
  'kolla-containers.down.cause.killed': {
    en: 'Exit code 137: the process was killed with SIGKILL (docker kill, a stop that timed out, or the kernel).',
    ko: '종료 코드 137: 프로세스가 SIGKILL로 죽었습니다(docker kill, 시간 초과된 stop, 또는 커널).',
  },
  'kolla-containers.down.cause.error': {
    en: 'A non-zero exit code: the service failed, typically on its configuration, a dependency it could not reach at start (database, RabbitMQ, Keystone) or a permission; the log lines say which.',
    ko: '0이 아닌 종료 코드: 서비스가 실패했습니다. 대개 설정 오류, 시작할 때 닿지 못한 의존 서비스(데이터베이스, RabbitMQ, Keystone) 또는 권한 문제이며, 로그 줄에 원인이 나옵니다.',
  },
  'kolla-containers.down.next': {
    en: 'On {nodes}: `{engine} logs --tail 50 {name}` and {log}; once the cause is fixed, `{engine} start {name}` (or `kolla-ansible deploy --limit <host> --tags <service>`).',
    ko: '{nodes}에서 `{engine} logs --tail 50 {name}`와 {log} 확인하고, 원인을 고친 뒤 `{engine} start {name}`(또는 `kolla-ansible deploy --limit <host> --tags <service>`)로 다시 시작하세요.',
  },

  'kolla-containers.oom.title': { en: 'Container {name} was killed for memory (OOMKilled) on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) 메모리 부족으로 종료됨 (OOMKilled)' },
  'kolla-containers.oom.explanation': {
    en: '{engine} reports OOMKilled for {name} on {count} node(s) (state {status}, exit code {exit}, {restarts} restart(s)): the kernel killed it because the container or the host ran out of memory. {role}',
    ko: '{engine}이(가) {count}개 노드에서 {name}을(를) OOMKilled로 보고합니다(상태 {status}, 종료 코드 {exit}, 재시작 {restarts}회). 컨테이너나 호스트의 메모리가 모자라 커널이 종료시켰습니다. {role}',
  },
  'kolla-containers.oom.cause': {
    en: 'A memory limit set for the container in Kolla (its dimensions) that is too small, or the host itself out of memory (too many services or instances on it, a leak).',
    ko: 'Kolla에서 이 컨테이너에 준 메모리 한도(dimensions)가 너무 작거나, 호스트 자체의 메모리가 부족합니다(서비스·인스턴스 과다, 메모리 누수).',
  },
  'kolla-containers.oom.next': {
    en: 'On {nodes}: `free -m`, `dmesg | grep -i oom` (the kernel-log playbook), `{engine} stats --no-stream {name}`; raise its limit in globals.yml (<service>_dimensions) or free memory on the host; {log}.',
    ko: '{nodes}에서 `free -m`, `dmesg | grep -i oom`(kernel-log 플레이북), `{engine} stats --no-stream {name}`을 확인하고, globals.yml의 한도(<service>_dimensions)를 늘리거나 호스트 메모리를 확보하세요. {log}',
  },

  'kolla-containers.restarting.title': { en: 'Container {name} is restarting ({restarts} restarts) on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) 재시작 중 (재시작 {restarts}회)' },
  'kolla-containers.restarting.explanation': {
    en: '{engine} is restarting {name} on {count} node(s) after it exited with code {exit}; it has been restarted {restarts} time(s). {role} It dies at start, so the service is not there between the attempts.',
    ko: '{engine}이(가) {count}개 노드에서 종료 코드 {exit}로 끝난 {name}을(를) 재시작하고 있으며, 지금까지 {restarts}회 재시작했습니다. {role} 시작하자마자 죽고 있으므로 시도 사이에는 서비스가 없습니다.',
  },
  'kolla-containers.restarting.cause': {
    en: 'The service fails at start: a wrong configuration (after a reconfigure or an upgrade), a dependency it cannot reach (database, RabbitMQ, Keystone), a missing file or permission.',
    ko: '서비스가 시작할 때 실패합니다: 잘못된 설정(reconfigure·업그레이드 후), 닿지 않는 의존 서비스(데이터베이스, RabbitMQ, Keystone), 없는 파일이나 권한 문제.',
  },
  'kolla-containers.restarting.next': {
    en: 'On {nodes}: {log}; `{engine} logs --tail 50 {name}` shows the start of each attempt; fix the cause, the restart policy then keeps it up.',
    ko: '{nodes}에서 {log} 확인하고, `{engine} logs --tail 50 {name}`으로 매번 시작하는 모습을 보세요. 원인을 고치면 재시작 정책이 계속 띄워 둡니다.',
  },

  'kolla-containers.unhealthy.title': { en: 'Container {name} is unhealthy on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) unhealthy' },
  'kolla-containers.unhealthy.explanation': {
    en: "{name} runs, but its Kolla health check fails on {count} node(s) (last check said: {check}). {role} Docker does not restart an unhealthy container: it stays broken until someone looks.",
    ko: '{name}은(는) 실행 중이지만 {count}개 노드에서 Kolla 헬스 체크가 실패합니다(마지막 체크 결과: {check}). {role} Docker는 unhealthy 컨테이너를 재시작하지 않으므로 누군가 살펴볼 때까지 고장 난 채로 남습니다.',
  },
  'kolla-containers.unhealthy.cause': {
    en: 'The process is alive but does not answer: its API port is not listening or returns errors, it hangs on the database or RabbitMQ, or (Galera) the node is not Synced.',
    ko: '프로세스는 살아 있지만 응답하지 않습니다: API 포트가 열려 있지 않거나 오류를 돌려주거나, 데이터베이스·RabbitMQ에서 멈춰 있거나, (Galera) 노드가 Synced 상태가 아닙니다.',
  },
  'kolla-containers.unhealthy.next': {
    en: "On {nodes}: `{engine} inspect --format '{{json .State.Health}}' {name}` (the last checks' output) and {log}; `{engine} restart {name}` once the cause is understood.",
    ko: "{nodes}에서 `{engine} inspect --format '{{json .State.Health}}' {name}`(최근 체크 출력)와 {log} 확인하고, 원인을 알게 되면 `{engine} restart {name}` 하세요.",
  },

  'kolla-containers.flapping.title': { en: 'Container {name} restarted {started} ago ({restarts} restarts) on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) {started} 전에 재시작됨 (재시작 {restarts}회)' },
  'kolla-containers.flapping.explanation': {
    en: '{name} runs again, but its restart policy restarted it {restarts} time(s), the last one {started} ago (within {recent} min) on {count} node(s): it keeps dying and may be about to do so again.',
    ko: '{name}은(는) 다시 실행 중이지만 {count}개 노드에서 재시작 정책이 {restarts}회 재시작했고 마지막은 {started} 전({recent}분 이내)입니다. 계속 죽고 있으며 곧 다시 죽을 수 있습니다.',
  },
  'kolla-containers.flapping.cause': {
    en: 'The service crashes now and then: lost connections to the database or RabbitMQ it does not survive, memory, or a bug; the log around its last exit says which.',
    ko: '서비스가 가끔씩 죽습니다: 버티지 못하는 데이터베이스·RabbitMQ 연결 끊김, 메모리, 또는 버그. 마지막 종료 무렵의 로그에 원인이 있습니다.',
  },
  'kolla-containers.flapping.next': {
    en: 'On {nodes}: {log} around the time of the restart; run this check again in a few minutes to see whether the count grows.',
    ko: '{nodes}에서 재시작 시각 전후의 {log} 확인하고, 몇 분 뒤 이 점검을 다시 실행해 횟수가 늘어나는지 보세요.',
  },

  'kolla-containers.restarted.title': { en: 'Container {name} was restarted {restarts} time(s) earlier on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) 이전에 {restarts}회 재시작됨' },
  'kolla-containers.restarted.explanation': {
    en: '{name} runs and is not unhealthy; its restart policy restarted it {restarts} time(s), the last one {started} ago, on {count} node(s). Not a problem now, a hint if something failed back then.',
    ko: '{name}은(는) 실행 중이고 unhealthy가 아닙니다. {count}개 노드에서 재시작 정책이 {restarts}회 재시작했고 마지막은 {started} 전입니다. 지금은 문제가 아니지만 그 무렵의 장애를 설명할 단서가 될 수 있습니다.',
  },
  'kolla-containers.restarted.cause': {
    en: 'An earlier crash (a dependency down for a while, memory, a bug) that the restart policy recovered from.',
    ko: '재시작 정책으로 복구된 이전의 비정상 종료(한동안 내려간 의존 서비스, 메모리, 버그).',
  },
  'kolla-containers.restarted.next': { en: 'If the time matches an incident: {log}.', ko: '그 시각이 장애와 겹친다면 {log} 확인하세요.' },

  'kolla-containers.starting.title': { en: 'Container {name} is still starting (health check pending) on {nodes}', ko: '{nodes}에서 컨테이너 {name}이(가) 아직 시작 중 (헬스 체크 대기)' },
  'kolla-containers.starting.explanation': {
    en: '{name} was started {started} ago and its health check has not passed yet on {count} node(s): check again in a minute.',
    ko: '{name}은(는) {started} 전에 시작되었고 {count}개 노드에서 헬스 체크를 아직 통과하지 않았습니다. 1분 뒤 다시 점검하세요.',
  },

  'kolla-containers.next.log': { en: '`tail -n 100 {file}`', ko: '`tail -n 100 {file}`를' },
  'kolla-containers.next.nolog': { en: '`{engine} logs --tail 100 {name}` (no log file of it under /var/log/kolla/)', ko: '`{engine} logs --tail 100 {name}`(/var/log/kolla/ 아래에 로그 파일이 없음)을' },

  'kolla-containers.ok.title': { en: 'All {count} containers running on {nodes} node(s)', ko: '노드 {nodes}개의 컨테이너 {count}개가 모두 실행 중' },
  'kolla-containers.ok.explanation': {
    en: 'Every container is running, none is unhealthy or restarted within the last minutes: {nodes}.',
    ko: '모든 컨테이너가 실행 중이고, unhealthy이거나 최근 몇 분 안에 재시작된 컨테이너가 없습니다: {nodes}.',
  },
  'kolla-containers.empty.title': { en: 'No containers on {node}', ko: '{node}에 컨테이너가 없음' },
  'kolla-containers.empty.explanation': {
    en: '{engine} on {node} answers but has no container at all: Kolla has deployed nothing there, or the node is not a Kolla host (its role in the inventory may be wrong).',
    ko: '{node}의 {engine}은(는) 응답하지만 컨테이너가 하나도 없습니다. Kolla가 이 노드에 아무것도 배포하지 않았거나 Kolla 호스트가 아닙니다(인벤토리의 역할이 틀렸을 수 있음).',
  },
  'kolla-containers.engine.title': { en: 'Could not check the containers on {node}', ko: '{node}의 컨테이너를 점검하지 못함' },
  'kolla-containers.engine.none': {
    en: 'Neither docker nor podman answered on {node} (what each said is quoted): if the engine daemon is down, every container of the node is down with it.',
    ko: '{node}에서 docker도 podman도 응답하지 않았습니다(각각의 응답을 인용). 엔진 데몬이 내려가 있다면 그 노드의 모든 컨테이너도 함께 내려가 있습니다.',
  },
  'kolla-containers.engine.failed': {
    en: 'The container listing on {node} failed (exit code {code}) or printed something else than expected (quoted).',
    ko: '{node}에서 컨테이너 조회가 실패했거나(종료 코드 {code}) 예상과 다른 내용을 출력했습니다(인용).',
  },
  'kolla-containers.engine.next': {
    en: 'On {node}: `systemctl status docker` (or podman), `docker ps -a` as root.',
    ko: '{node}에서 `systemctl status docker`(또는 podman)와 root로 `docker ps -a`를 확인하세요.',
  },
  'kolla-containers.not-run.title': { en: 'Not checked: Kolla containers', ko: '점검 안 함: Kolla 컨테이너' },
  'kolla-containers.not-run.explanation': { en: 'No node ran the container listing.', ko: '컨테이너 조회를 실행한 노드가 없습니다.' },
};
