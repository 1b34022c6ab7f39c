/** api-errors' finding texts (playbooks/catalogue/api-errors), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const apiErrorsTexts: Record<string, Record<Lang, string>> = {
  'api-errors.nosrv.title.now': { en: '{backend}: no server available, {count} request(s) answered 503 in 24 h, the last {minutes} min ago', ko: '{backend}: 사용 가능한 서버 없음, 24시간 동안 요청 {count}개가 503, 마지막은 {minutes}분 전' },
  'api-errors.nosrv.title.blip': { en: '{backend}: {count} request(s) found no server in 24 h (last at {last})', ko: '{backend}: 24시간 동안 요청 {count}개가 서버를 찾지 못함 (마지막 {last})' },
  'api-errors.nosrv.title.earlier': { en: '{backend}: no server was available in the last 24 h (last at {last}, {count} request(s) answered 503)', ko: '{backend}: 지난 24시간 중 사용 가능한 서버가 없던 때가 있음 (마지막 {last}, 요청 {count}개가 503)' },
  'api-errors.nosrv.explanation': {
    en: 'HAProxy answered {count} request(s) for {backend} with 503 and no server (<NOSRV>) in {hours} hour(s) between {first} and {last}: every server of the backend was down, so the API was unreachable through the VIP (clients saw "503 Service Unavailable").',
    ko: 'HAProxy가 {first}부터 {last}까지 {hours}개 시간대에 {backend} 요청 {count}개를 서버 없이(<NOSRV>) 503으로 응답했습니다. 백엔드의 모든 서버가 down이어서 VIP로는 API에 닿을 수 없었습니다(클라이언트는 "503 Service Unavailable"을 받음).',
  },
  'api-errors.nosrv.explanation.one': {
    en: 'HAProxy answered {count} request(s) for {backend} with 503 and no server (<NOSRV>) in the hour from {first}: every server of the backend was down, so the API was unreachable through the VIP (clients saw "503 Service Unavailable").',
    ko: 'HAProxy가 {first}부터 한 시간 동안 {backend} 요청 {count}개를 서버 없이(<NOSRV>) 503으로 응답했습니다. 백엔드의 모든 서버가 down이어서 VIP로는 API에 닿을 수 없었습니다(클라이언트는 "503 Service Unavailable"을 받음).',
  },
  'api-errors.nosrv.cause': {
    en: 'The {backend} service is stopped or failing its health check on every controller (crashed, stuck on the database or RabbitMQ, or its port not listening after a restart).',
    ko: '모든 컨트롤러에서 {backend} 서비스가 멈췄거나 헬스 체크에 실패하고 있습니다(충돌, 데이터베이스·RabbitMQ에서 멈춤, 재시작 후 포트가 열리지 않음).',
  },
  'api-errors.nosrv.next': {
    en: 'Run haproxy-backends for which servers of {backend} are DOWN and why (Layer4/Layer7), then the service on each controller: its unit or container state and the last lines of its log; `grep "{backend}" haproxy.log | grep -E "is DOWN|is UP"` for when it went.',
    ko: 'haproxy-backends로 {backend}의 어느 서버가 왜(Layer4/Layer7) DOWN인지 보고, 각 컨트롤러에서 서비스의 유닛·컨테이너 상태와 로그 마지막 줄을 확인하세요. 언제 그랬는지는 `grep "{backend}" haproxy.log | grep -E "is DOWN|is UP"`로 봅니다.',
  },

  'api-errors.5xx.title': { en: '{backend}: {pct} % of requests answered 5xx in the hour from {hour} ({errors} of {requests})', ko: '{backend}: {hour}부터 한 시간 동안 요청의 {pct}%가 5xx ({requests}개 중 {errors}개)' },
  'api-errors.5xx.explanation': {
    en: 'Through HAProxy, {backend} answered {errors} of {requests} requests with a 5xx in its worst hour of the last 24 h (from {hour}, {pct} %; more than {limit} % and at least {min} errors is a warning). Over 24 h: {errors24} of {requests24} ({pct24} %). {recent} 503s with no server at all are counted apart.',
    ko: 'HAProxy를 거쳐 {backend}가 지난 24시간 중 가장 나쁜 시간대({hour}부터, {pct}%)에 요청 {requests}개 중 {errors}개를 5xx로 응답했습니다({limit}% 초과이면서 오류가 {min}개 이상이면 경고). 24시간 전체: {requests24}개 중 {errors24}개({pct24}%). {recent} 서버가 하나도 없던 503은 따로 셉니다.',
  },
  'api-errors.5xx.recent': { en: 'In the last hour: {errors} of {requests} ({pct} %).', ko: '최근 한 시간: {requests}개 중 {errors}개({pct}%).' },
  'api-errors.5xx.recent.none': { en: 'No request reached it in the last hour.', ko: '최근 한 시간에는 요청이 없었습니다.' },
  'api-errors.5xx.cause': {
    en: 'The {backend} service fails requests (500: a traceback in its log, often the database or RabbitMQ; 502: a worker died mid-answer; 504: it answered slower than HAProxy\'s timeout).',
    ko: '{backend} 서비스가 요청을 실패시키고 있습니다(500: 로그의 traceback, 흔히 데이터베이스나 RabbitMQ; 502: 응답 중 워커가 죽음; 504: HAProxy 제한 시간보다 늦게 응답).',
  },
  'api-errors.5xx.next': {
    en: 'Match the example lines\' times with the {backend} service\'s own log on the server they name (ERROR and Traceback around that time); `awk \'$11 ~ /^5/\' haproxy.log | grep " {backend}/"` lists them all with the server that answered.',
    ko: '예시 줄의 시각을 그 줄이 가리키는 서버에 있는 {backend} 서비스 로그(그 시각 전후의 ERROR와 Traceback)와 맞춰 보세요. `awk \'$11 ~ /^5/\' haproxy.log | grep " {backend}/"`로 응답한 서버와 함께 전부 볼 수 있습니다.',
  },

  'api-errors.ok.title': { en: 'No missing servers or 5xx spikes behind HAProxy in 24 h ({count} backends)', ko: '24시간 동안 HAProxy 뒤에 서버 없음이나 5xx 급증 없음 (백엔드 {count}개)' },
  'api-errors.ok.explanation': {
    en: 'Requests and 5xx answers per backend over the last 24 h: {backends}. No 503 without a server, and no hour above {limit} % 5xx. Read from {nodes}.',
    ko: '지난 24시간 백엔드별 요청 수와 5xx 응답 수: {backends}. 서버 없는 503이 없고, 5xx가 {limit}%를 넘은 시간대도 없습니다. 읽은 곳: {nodes}.',
  },
  'api-errors.no-requests.title': { en: 'HAProxy logged no API request in the last 24 h', ko: 'HAProxy가 지난 24시간 동안 API 요청을 기록하지 않음' },
  'api-errors.no-requests.explanation': { en: 'The HAProxy log on {nodes} was read but holds no request line of the last 24 h (option httplog off, logging to another place, or no traffic): nothing to count.', ko: '{nodes}의 HAProxy 로그를 읽었지만 지난 24시간의 요청 줄이 없습니다(option httplog 꺼짐, 다른 곳에 기록, 또는 트래픽 없음). 셀 것이 없습니다.' },
  'api-errors.absent.title': { en: 'No HAProxy on the controllers: API errors not counted here', ko: '컨트롤러에 HAProxy 없음: 여기서는 API 오류를 세지 않음' },
  'api-errors.absent.explanation': {
    en: 'No HAProxy process runs on {nodes} and none of its log files exist (an openstack-helm cloud fronts its APIs with an ingress, or the APIs are reached directly). Nothing is claimed about API errors.',
    ko: '{nodes}에서 HAProxy 프로세스가 돌지 않고 로그 파일도 없습니다(openstack-helm은 ingress로 API를 노출하거나, API에 직접 접속함). API 오류에 대해서는 아무것도 판단하지 않습니다.',
  },
  'api-errors.unread.title': { en: 'Could not read the HAProxy log on {nodes}', ko: '{nodes}에서 HAProxy 로그를 읽지 못함' },
  'api-errors.unread.explanation': {
    en: 'HAProxy runs there, but the step failed or found no log (not /var/log/kolla/haproxy/haproxy.log, /var/log/haproxy.log, a file HAProxy holds open, or the journal): its API errors were not counted.',
    ko: '그곳에서 HAProxy가 돌지만 단계가 실패했거나 로그를 찾지 못했습니다(/var/log/kolla/haproxy/haproxy.log, /var/log/haproxy.log, HAProxy가 연 파일, 저널 모두 없음). 그 API 오류는 세지 않았습니다.',
  },
  'api-errors.not-run.title': { en: 'API errors not checked', ko: 'API 오류를 확인하지 않음' },
  'api-errors.not-run.explanation': { en: 'The step did not run on any controller.', ko: '어느 컨트롤러에서도 단계가 실행되지 않았습니다.' },
};
