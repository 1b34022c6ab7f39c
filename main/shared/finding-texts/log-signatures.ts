/**
 * The engine's log-signature findings (playbooks/engine/log-signatures.ts), in English and Korean:
 * the frame around each signature's own texts (`<playbook>.sig.<id>.*`, in the playbook's table).
 */
import type { Lang } from '../../contract/types.js';

export const logSignaturesTexts: Record<string, Record<Lang, string>> = {
  'log-signatures.parts': { en: '{parts}', ko: '{parts}' },

  'log-signatures.title.seen': { en: '{title} on {node}: {count} times in the last {window}', ko: '{node}: {title} — 최근 {window} 동안 {count}회' },
  'log-signatures.title.below': { en: '{title} on {node}: {count} times in the last {window}, below the threshold', ko: '{node}: {title} — 최근 {window} 동안 {count}회(기준 미만)' },
  'log-signatures.title.none': { en: '{title}: not seen in the last {window}', ko: '{title}: 최근 {window} 동안 나타나지 않음' },
  'log-signatures.title.skipped': { en: '{title}: not checked on {nodes}', ko: '{title}: {nodes}에서 확인하지 못함' },

  'log-signatures.seen': {
    en: 'The {step} output of {node} has {count} matching lines in the last {window}, by each line’s own time on the node’s clock; the first and last are quoted.',
    ko: '{node}의 {step} 출력에서 최근 {window} 동안(각 줄의 시각을 노드 시계로 셈) 일치하는 줄이 {count}개 있습니다. 처음과 마지막 줄을 인용합니다.',
  },
  'log-signatures.partial': {
    en: 'The lines read go back only {span}, less than the window: there may be more.',
    ko: '읽은 줄은 {span} 전까지만 거슬러 올라가 시간 범위보다 짧습니다. 실제로는 더 있을 수 있습니다.',
  },
  'log-signatures.undated': {
    en: '{count} of them carry no time of their own and are counted as the signature says.',
    ko: '그중 {count}개는 자체 시각이 없어 시그니처 설정대로 범위 안으로 셉니다.',
  },
  'log-signatures.below': {
    en: 'It takes {min} in {window} to count as a problem.',
    ko: '{window} 동안 {min}회 이상이어야 문제로 봅니다.',
  },
  'log-signatures.none': {
    en: 'No line of the {steps} output matched in the last {window} on {nodes}, by each node’s own clock.',
    ko: '{nodes}의 {steps} 출력에서 최근 {window} 동안(각 노드 시계 기준) 일치하는 줄이 없습니다.',
  },
  'log-signatures.none.partial': {
    en: 'The lines read cover less than the window ({nodes}: how far back they go), so older matches would not be seen.',
    ko: '읽은 줄이 시간 범위보다 짧아({nodes}: 거슬러 올라간 시간) 그보다 오래된 일치는 보이지 않습니다.',
  },
  'log-signatures.skipped.node': { en: '{node}: {why}.', ko: '{node}: {why}.' },
  'log-signatures.title.at-start': { en: '{title} on {node}: {count} times right after the service started, none since', ko: '{node}의 {title}: 서비스가 시작된 직후에만 {count}회, 그 뒤로는 없음' },
  'log-signatures.at-start': {
    en: '{count} matching lines came within {seconds} s after the service logged its start: the burst it is known to log before all its workers are up, counted apart.',
    ko: '일치하는 줄 {count}개가 서비스가 시작을 기록한 뒤 {seconds}초 안에 나왔습니다. 모든 워커가 뜨기 전에 남기는 것으로 알려진 일시적 기록이라 따로 셉니다.',
  },
  'log-signatures.at-start.none-since': {
    en: 'None came later, in the last {window}.',
    ko: '최근 {window} 동안 그 뒤로는 나오지 않았습니다.',
  },
  'log-signatures.absent': {
    en: 'The service has no log at all on {nodes} (no log file, no journal entry, no container): it does not run there, so those nodes were not looked at.',
    ko: '{nodes}에는 이 서비스의 로그가 전혀 없습니다(로그 파일, 저널 항목, 컨테이너 모두 없음). 그곳에서는 서비스가 실행되지 않으므로 그 노드는 살펴보지 않았습니다.',
  },
  'log-signatures.why.absent': {
    en: 'the service has no log there at all (no log file, no journal entry, no container)',
    ko: '그 노드에는 서비스 로그가 전혀 없음(로그 파일, 저널 항목, 컨테이너 모두 없음)',
  },

  'log-signatures.bug.affected': {
    en: 'This looks like LP#{lp}, fixed in {fixed}; installed here: {package} {installed}.',
    ko: 'LP#{lp}로 보입니다. {fixed}에서 수정되었고, 여기 설치된 버전은 {package} {installed}입니다.',
  },
  'log-signatures.bug.fixed': {
    en: 'The lines match LP#{lp}, but {package} {installed} installed here already has its fix ({fixed}): look for another cause.',
    ko: '이 줄들은 LP#{lp}와 일치하지만 여기 설치된 {package} {installed}에는 이미 수정({fixed})이 들어 있습니다. 다른 원인을 찾으세요.',
  },
  'log-signatures.bug.unknown': {
    en: 'It may be LP#{lp} (fixed in {fixed}), but the installed {package} could not be read here ({why}), so that is not claimed.',
    ko: 'LP#{lp}({fixed}에서 수정)일 수 있지만 여기 설치된 {package} 버전을 읽지 못해({why}) 그렇다고 판단하지 않습니다.',
  },
  'log-signatures.bug.cause': {
    en: 'Known bug LP#{lp} in {package} {installed} (https://bugs.launchpad.net/bugs/{lp}).',
    ko: '{package} {installed}의 알려진 버그 LP#{lp}(https://bugs.launchpad.net/bugs/{lp}).',
  },
  'log-signatures.bug.next': {
    en: 'Upgrade {package} to {fixed} or later.',
    ko: '{package}를 {fixed} 이상으로 업그레이드하세요.',
  },

  'log-signatures.why.no-output': { en: 'the package step did not run there', ko: '그 노드에서 패키지 확인 단계가 실행되지 않음' },
  'log-signatures.why.not-a-version': { en: '"{version}" is not a Debian version', ko: '"{version}"은(는) 데비안 버전 형식이 아님' },
  'log-signatures.why.tool': { en: 'dpkg-query said: {line}', ko: 'dpkg-query 출력: {line}' },
  'log-signatures.why.log-failed': { en: 'the log could not be read (exit {code})', ko: '로그를 읽지 못함(종료 코드 {code})' },
  'log-signatures.why.empty': { en: 'the log read was empty (the service logs elsewhere, or was just started)', ko: '읽은 로그가 비어 있음(서비스가 다른 곳에 기록하거나 막 시작됨)' },
  'log-signatures.why.no-times': { en: 'no line read carries a time, so none can be placed in the window', ko: '읽은 줄 중 시각이 있는 줄이 없어 어떤 줄도 시간 범위에 넣을 수 없음' },
  'log-signatures.why.no-clock': { en: 'the node’s clock could not be read, so no line can be placed in the window', ko: '노드 시계를 읽지 못해 어떤 줄도 시간 범위에 넣을 수 없음' },
};
