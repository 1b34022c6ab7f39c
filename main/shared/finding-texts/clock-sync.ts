/** clock-sync's finding texts (playbooks/catalogue/clock-sync), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const clockSyncTexts: Record<string, Record<Lang, string>> = {
  'clock-sync.ahead': { en: 'ahead', ko: '빠름' },
  'clock-sync.behind': { en: 'behind', ko: '느림' },
  'clock-sync.offset.part': { en: ' It reports the clock {offset} off.', ko: ' 시계가 {offset} 어긋나 있다고 보고합니다.' },

  'clock-sync.unsynced.title': { en: '{node}: the clock is not synchronised ({source})', ko: '{node}: 시계가 동기화되지 않음 ({source})' },
  'clock-sync.unsynced.explanation': {
    en: '{source} on {node} is not synchronised to any time source, so the clock drifts freely.{offset} Keystone rejects tokens issued "in the future", Galera and RabbitMQ clusters misjudge timeouts, and logs of different nodes no longer line up.',
    ko: '{node}의 {source}이(가) 어떤 시간 소스와도 동기화되어 있지 않아 시계가 자유롭게 흘러갑니다.{offset} Keystone은 "미래에" 발급된 토큰을 거부하고, Galera·RabbitMQ 클러스터는 타임아웃을 잘못 판단하며, 노드 간 로그 시각도 맞지 않게 됩니다.',
  },
  'clock-sync.unsynced.cause': {
    en: 'The NTP servers are unreachable (firewall, UDP 123 blocked, DNS), none is configured, or the daemon just started and has not selected a source yet.',
    ko: 'NTP 서버에 닿지 않거나(방화벽, UDP 123 차단, DNS), 설정된 서버가 없거나, 데몬이 막 시작되어 아직 소스를 고르지 못했습니다.',
  },
  'clock-sync.offset.title': { en: '{node}: the clock is {offset} {way}', ko: '{node}: 시계가 {offset} {way}' },
  'clock-sync.offset.explanation': {
    en: '{source} on {node} measures the clock {offset} off true time (more than {warn} s is a warning, more than {crit} s critical): token validity, Galera and RabbitMQ peers and log correlation suffer.',
    ko: '{node}의 {source}이(가) 시계가 실제 시각과 {offset} 어긋나 있다고 측정합니다({warn}초 초과는 경고, {crit}초 초과는 심각). 토큰 유효성, Galera·RabbitMQ 피어, 로그 대조에 문제가 생깁니다.',
  },
  'clock-sync.offset.cause': {
    en: 'The daemon is correcting slowly (chrony slews by default; a large step needs makestep), or its source itself is wrong.',
    ko: '데몬이 천천히 보정하고 있거나(chrony는 기본적으로 slew하며 큰 차이는 makestep이 필요), 시간 소스 자체가 틀렸습니다.',
  },
  'clock-sync.next.chrony': { en: 'On {node}: `chronyc -n sources -v` (is any source reachable, `^*`?), then `chronyc makestep` once it is.', ko: '{node}에서 `chronyc -n sources -v`로 닿는 소스(`^*`)가 있는지 보고, 있으면 `chronyc makestep`을 실행하세요.' },
  'clock-sync.next.ntpd': { en: 'On {node}: `ntpq -pn` (reach column 0 = unreachable), check UDP 123 to the servers, restart ntpd with -g to allow a step.', ko: '{node}에서 `ntpq -pn`(reach 0이면 닿지 않음)을 보고, 서버로 가는 UDP 123을 확인한 뒤 -g 옵션으로 ntpd를 다시 시작해 한 번에 보정하세요.' },
  'clock-sync.next.timedatectl': { en: 'On {node}: `timedatectl timesync-status` or `chronyc tracking`; enable a time daemon (`timedatectl set-ntp true` or chrony).', ko: '{node}에서 `timedatectl timesync-status` 또는 `chronyc tracking`으로 확인하고, 시간 데몬을 켜세요(`timedatectl set-ntp true` 또는 chrony).' },

  'clock-sync.ok.title': { en: 'Clocks synchronised on {count} node(s)', ko: '노드 {count}개의 시계가 동기화됨' },
  'clock-sync.ok.explanation': { en: 'Synchronised and within 1 s: {nodes}.{worst}', ko: '동기화되어 있고 1초 이내: {nodes}.{worst}' },
  'clock-sync.ok.worst': { en: ' The largest offset is {offset}.', ko: ' 가장 큰 차이는 {offset}입니다.' },

  'clock-sync.none.title': { en: 'Could not check time sync on {nodes}: no chronyd/ntpd/timesyncd', ko: '{nodes}의 시간 동기화를 점검하지 못함: chronyd/ntpd/timesyncd 없음' },
  'clock-sync.none.explanation': {
    en: 'None of chronyc, ntpq or timedatectl answered on {count} node(s) (each tool’s answer is quoted). Their clocks are still compared with the other nodes’ (the spread check).',
    ko: '노드 {count}개에서 chronyc, ntpq, timedatectl 중 어느 것도 응답하지 않았습니다(각 도구의 응답을 인용). 이 노드의 시계도 다른 노드와의 비교(spread 점검)에는 포함됩니다.',
  },

  'clock-sync.spread.ok.title': { en: 'The clocks of {count} nodes agree (spread {spread})', ko: '노드 {count}개의 시계가 일치함 (차이 {spread})' },
  'clock-sync.spread.ok.explanation': {
    en: 'Each node read its clock once; corrected by when Stackscope sent and got each command (up to {rtt} either way), no two clocks are proven more than {warn} s apart.',
    ko: '각 노드가 시계를 한 번씩 읽었고, Stackscope가 명령을 보내고 받은 시각으로 보정하면(각각 최대 ±{rtt}) 어느 두 시계도 {warn}초 넘게 차이 난다고 할 수 없습니다.',
  },
  'clock-sync.spread.bad.title': { en: "{node}'s clock is {by} {way} of the other nodes", ko: '{node}의 시계가 다른 노드보다 {by} {way}' },
  'clock-sync.spread.bad.explanation': {
    en: 'Each of {count} nodes read its clock once; corrected by when Stackscope sent and got each command (up to {rtt} either way), they spread over {spread}, at least {atLeast} for certain.',
    ko: '노드 {count}개가 각각 시계를 한 번씩 읽었고, Stackscope가 명령을 보내고 받은 시각으로 보정하면(각각 최대 ±{rtt}) 차이는 {spread}이며 확실한 최소값은 {atLeast}입니다.',
  },
  'clock-sync.spread.cause': { en: 'That node’s time daemon is not running or not synchronised, or it uses a different (wrong) time source than the others.', ko: '해당 노드의 시간 데몬이 실행되지 않거나 동기화되지 않았거나, 다른 노드와 다른(잘못된) 시간 소스를 씁니다.' },
  'clock-sync.spread.next': { en: 'On {node}: `chronyc tracking` and `chronyc -n sources`; point every node at the same NTP servers.', ko: '{node}에서 `chronyc tracking`과 `chronyc -n sources`를 확인하고, 모든 노드가 같은 NTP 서버를 보게 하세요.' },
  'clock-sync.spread.untimed.title': { en: 'Clock readings of {count} nodes differ by {spread} (not corrected for timing)', ko: '노드 {count}개의 시계 값 차이 {spread} (시각 보정 없음)' },
  'clock-sync.spread.untimed.explanation': {
    en: 'The steps’ start and end times were not available, so a late start cannot be told from a skewed clock: the raw difference is shown for information only.',
    ko: '단계의 시작·종료 시각이 없어 늦게 시작한 것과 시계가 어긋난 것을 구분할 수 없으므로, 보정하지 않은 차이를 참고로만 보여 줍니다.',
  },
  'clock-sync.not-run.title': { en: 'Not checked: clocks', ko: '점검 안 함: 시계' },
  'clock-sync.not-run.explanation': { en: 'No node ran the clock steps.', ko: '시계 단계를 실행한 노드가 없습니다.' },
};
