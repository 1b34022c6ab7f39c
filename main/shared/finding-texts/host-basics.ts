/** host-basics' finding texts (playbooks/catalogue/host-basics), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const hostBasicsTexts: Record<string, Record<Lang, string>> = {
  'host-basics.nodes': { en: '{list}', ko: '{list}' },
  'host-basics.nodes.more': { en: '{list} and {more} more', ko: '{list} 외 {more}개' },
  'host-basics.same-host': {
    en: ' These {count} nodes print one boot id ({boot}…): they share one kernel (containers or namespaces of one machine), so this is one host’s figure, not {count} machines’.',
    ko: ' 이 노드 {count}개는 같은 boot id({boot}…)를 출력합니다. 하나의 커널을 공유하므로(한 머신의 컨테이너나 네임스페이스) 이것은 머신 {count}대가 아니라 호스트 하나의 수치입니다.',
  },

  'host-basics.disk.title': { en: '{mount} is {pct}% full on {nodes}', ko: '{nodes}의 {mount} 사용률 {pct}%' },
  'host-basics.disk.explanation': {
    en: 'The filesystem {fs} mounted on {mount} is {pct}% used (warning above {warn}%, critical above {crit}%). It holds: {dirs}.',
    ko: '{mount}에 마운트된 파일시스템 {fs}의 사용률이 {pct}%입니다(경고 {warn}% 초과, 심각 {crit}% 초과). 확인한 폴더: {dirs}.',
  },
  'host-basics.disk.cause': {
    en: 'Logs that are not rotated, unused container images and volumes, instance disks of deleted servers, MariaDB binary logs or a RabbitMQ backlog. When it is full MariaDB stops, RabbitMQ blocks publishers (disk alarm) and new instances fail to build.',
    ko: '회전되지 않는 로그, 쓰지 않는 컨테이너 이미지와 볼륨, 삭제된 서버의 인스턴스 디스크, MariaDB 바이너리 로그, RabbitMQ에 쌓인 메시지입니다. 가득 차면 MariaDB가 멈추고 RabbitMQ가 발행자를 차단하며(disk alarm) 새 인스턴스 생성이 실패합니다.',
  },
  'host-basics.disk.next': {
    en: 'On {node}: `du -xh --max-depth=2 {mount} | sort -h | tail -20` to see what grew; `docker system df` (Kolla), `journalctl --disk-usage`, and the MariaDB binlogs (`SHOW BINARY LOGS`).',
    ko: '{node}에서 `du -xh --max-depth=2 {mount} | sort -h | tail -20`으로 커진 것을 찾고, `docker system df`(Kolla), `journalctl --disk-usage`, MariaDB 바이너리 로그(`SHOW BINARY LOGS`)를 확인하세요.',
  },
  'host-basics.inodes.title': { en: '{mount} has used {pct}% of its inodes on {nodes}', ko: '{nodes}의 {mount} inode 사용률 {pct}%' },
  'host-basics.inodes.explanation': {
    en: 'The filesystem {fs} mounted on {mount} has used {pct}% of its inodes (warning above {warn}%, critical above {crit}%): when none is left no file can be created, however much space is free. It holds: {dirs}.',
    ko: '{mount}에 마운트된 파일시스템 {fs}의 inode가 {pct}% 사용되었습니다(경고 {warn}% 초과, 심각 {crit}% 초과). 남은 inode가 없으면 공간이 비어 있어도 파일을 만들 수 없습니다. 확인한 폴더: {dirs}.',
  },
  'host-basics.inodes.cause': {
    en: 'Millions of small files: a session or cache folder never cleaned, container image layers, or log files rotated into many pieces.',
    ko: '작은 파일이 수백만 개 있습니다: 정리되지 않는 세션·캐시 폴더, 컨테이너 이미지 레이어, 잘게 회전된 로그 파일입니다.',
  },
  'host-basics.inodes.next': {
    en: 'On {node}: `du -x --inodes --max-depth=3 {mount} | sort -n | tail -20` to find the folder with the most files.',
    ko: '{node}에서 `du -x --inodes --max-depth=3 {mount} | sort -n | tail -20`으로 파일이 가장 많은 폴더를 찾으세요.',
  },

  'host-basics.load.title': { en: 'Load {fifteen} (15 min) on {cores} core(s) on {nodes}: {per} per core', ko: '{nodes}: 코어 {cores}개에 부하 {fifteen}(15분), 코어당 {per}' },
  'host-basics.load.explanation': {
    en: 'The load average is {one} / {five} / {fifteen} (1 / 5 / 15 min) on {cores} core(s): for at least a quarter of an hour each core had more than {warn} tasks running or waiting (a warning above {warn} per core over both 5 and 15 minutes).{same}',
    ko: '부하 평균이 {one} / {five} / {fifteen}(1 / 5 / 15분)이고 코어는 {cores}개입니다. 적어도 15분 동안 코어마다 실행 중이거나 대기 중인 태스크가 {warn}개를 넘었습니다(5분과 15분 모두 코어당 {warn}을 넘으면 경고).{same}',
  },
  'host-basics.load.cause': {
    en: 'More work than cores: over-committed instances (cpu_allocation_ratio), a runaway process, or tasks waiting on slow storage (load counts those too).',
    ko: '코어보다 일이 많습니다: 과할당된 인스턴스(cpu_allocation_ratio), 폭주하는 프로세스, 또는 느린 스토리지를 기다리는 태스크(부하에 함께 계산됨)입니다.',
  },
  'host-basics.load.next': {
    en: 'On {node}: `top -b -n1 | head -20` for what runs, `vmstat 5 3` (r: waiting for CPU, b and wa: waiting for I/O), and `cat /proc/pressure/cpu`.',
    ko: '{node}에서 `top -b -n1 | head -20`으로 무엇이 실행 중인지, `vmstat 5 3`(r: CPU 대기, b와 wa: I/O 대기), `cat /proc/pressure/cpu`를 확인하세요.',
  },
  'host-basics.load.busy.title': { en: '{nodes} is busy: load {fifteen} (15 min) on {cores} core(s)', ko: '{nodes} 사용량 높음: 코어 {cores}개에 부하 {fifteen}(15분)' },
  'host-basics.load.shared.explanation': {
    en: 'The load average is {one} / {five} / {fifteen} (1 / 5 / 15 min) on {cores} core(s), {per} per core, above the warning level ({warn} per core over 5 and 15 minutes). But {count} nodes of this cluster run on this one kernel (boot id {boot}): the load is the whole machine\'s, with whatever else it runs, not any one node\'s, so it is said here and not counted as a problem of the cluster. If the cluster is slow, look at what runs on that machine (top, ps).',
    ko: '부하 평균이 {one} / {five} / {fifteen}(1 / 5 / 15분)이고 코어 {cores}개, 코어당 {per}로 경고 기준(5분과 15분 모두 코어당 {warn})보다 높습니다. 하지만 이 클러스터의 노드 {count}개가 한 커널(boot id {boot})에서 돕니다. 부하는 어느 한 노드가 아니라 그 머신 전체(다른 작업 포함)의 것이므로, 클러스터의 문제로 세지 않고 여기 알려 둡니다. 클러스터가 느리면 그 머신에서 무엇이 도는지 보세요(top, ps).',
  },
  'host-basics.load.busy.explanation': {
    en: 'The load average is {one} / {five} / {fifteen} (1 / 5 / 15 min) on {cores} core(s), {per} per core: busy, but below the warning ({warn} per core over 5 and 15 minutes); a host starting services or building does this for minutes.{same}',
    ko: '부하 평균이 {one} / {five} / {fifteen}(1 / 5 / 15분)이고 코어 {cores}개, 코어당 {per}입니다. 바쁘지만 경고 기준(5분과 15분 모두 코어당 {warn})보다 낮습니다. 서비스를 시작하거나 빌드하는 호스트는 몇 분씩 이렇게 됩니다.{same}',
  },

  'host-basics.memory.title': { en: 'Only {pct}% of memory available on {nodes} ({avail} of {total})', ko: '{nodes}의 사용 가능한 메모리 {pct}%뿐 ({total} 중 {avail})' },
  'host-basics.memory.explanation': {
    en: 'MemAvailable is {avail} of {total} ({pct}%; warning below {warn}%, critical below {crit}%): the kernel can hand out little more before it reclaims hard or the OOM killer picks a process.{same}',
    ko: 'MemAvailable이 {total} 중 {avail}({pct}%)입니다(경고 {warn}% 미만, 심각 {crit}% 미만). 커널이 더 내줄 메모리가 거의 없어 곧 강하게 회수하거나 OOM killer가 프로세스를 고릅니다.{same}',
  },
  'host-basics.memory.cause': {
    en: 'Too many instances for the RAM (ram_allocation_ratio above 1, reserved_host_memory_mb too low), or a service growing without bound (a leak, a huge RabbitMQ queue, MariaDB buffers larger than the host).',
    ko: 'RAM에 비해 인스턴스가 너무 많거나(ram_allocation_ratio 1 초과, reserved_host_memory_mb가 너무 낮음), 끝없이 커지는 서비스가 있습니다(누수, 거대한 RabbitMQ 큐, 호스트보다 큰 MariaDB 버퍼).',
  },
  'host-basics.memory.next': {
    en: 'On {node}: `ps -eo rss,pid,comm --sort=-rss | head -15` for the biggest processes, `free -m`, and run kernel-log for OOM kills.',
    ko: '{node}에서 `ps -eo rss,pid,comm --sort=-rss | head -15`로 가장 큰 프로세스를 찾고 `free -m`을 본 뒤, kernel-log로 OOM kill을 확인하세요.',
  },
  'host-basics.swap.title': { en: '{swapPct}% of swap in use on {nodes}', ko: '{nodes}에서 스왑 {swapPct}% 사용 중' },
  'host-basics.swap.explanation': {
    en: '{swapPct}% of {swap} swap is used while only {pct}% of memory is available (a warning above {swapUsed}% of swap with less than {swapMem}% available): the host is paging now, and every service on it slows down.{same}',
    ko: '사용 가능한 메모리가 {pct}%뿐인데 스왑 {swap}의 {swapPct}%가 사용 중입니다(스왑 {swapUsed}% 초과이면서 가용 메모리 {swapMem}% 미만이면 경고). 지금 페이징 중이라 이 호스트의 모든 서비스가 느려집니다.{same}',
  },
  'host-basics.swap.old.explanation': {
    en: '{swapPct}% of {swap} swap is used, but {pct}% of memory is available: pages moved out once and not needed since. Not a problem while memory stays free.{same}',
    ko: '스왑 {swap}의 {swapPct}%가 사용 중이지만 사용 가능한 메모리는 {pct}%입니다. 한 번 밀려난 뒤 다시 쓰이지 않은 페이지입니다. 메모리가 여유로운 동안은 문제가 아닙니다.{same}',
  },
  'host-basics.swap.cause': { en: 'Memory over-committed on this host (instances, services) so the kernel pages out memory in use.', ko: '이 호스트의 메모리가 과할당되어(인스턴스, 서비스) 커널이 사용 중인 메모리를 내보내고 있습니다.' },
  'host-basics.swap.next': {
    en: 'On {node}: `vmstat 5 3` (si/so above 0: paging right now), and which processes hold swap: `grep VmSwap /proc/*/status | sort -k2 -n | tail`.',
    ko: '{node}에서 `vmstat 5 3`(si/so가 0보다 크면 지금 페이징 중)과 스왑을 쥔 프로세스(`grep VmSwap /proc/*/status | sort -k2 -n | tail`)를 확인하세요.',
  },

  'host-basics.d.title': { en: '{count} process(es) stuck in I/O wait (D state) on {nodes}', ko: '{nodes}에서 프로세스 {count}개가 I/O 대기(D 상태)에 멈춤' },
  'host-basics.d.explanation': {
    en: '{count} of {total} processes were in uninterruptible sleep (D) at the moment of reading (a warning from {limit}): their I/O does not complete. One reading; read again to see whether they stay.{same}',
    ko: '읽은 순간 프로세스 {total}개 중 {count}개가 중단 불가 대기(D) 상태였습니다({limit}개부터 경고). I/O가 끝나지 않고 있습니다. 한 번 읽은 값이므로 다시 읽어 계속 남아 있는지 보세요.{same}',
  },
  'host-basics.d.cause': { en: 'Storage that stopped answering (NFS, iSCSI, Ceph RBD, a failing disk) or a saturated disk.', ko: '응답을 멈춘 스토리지(NFS, iSCSI, Ceph RBD, 고장 난 디스크)나 포화된 디스크입니다.' },
  'host-basics.d.next': {
    en: 'On {node}: `ps -eo stat,pid,wchan:32,comm | grep ^D` (what they wait in), `cat /proc/PID/stack` as root, and run kernel-log for hung tasks.',
    ko: '{node}에서 `ps -eo stat,pid,wchan:32,comm | grep ^D`(무엇을 기다리는지), root로 `cat /proc/PID/stack`을 보고, kernel-log로 hung task를 확인하세요.',
  },
  'host-basics.z.title': { en: '{count} zombie process(es) on {nodes}', ko: '{nodes}에 좀비 프로세스 {count}개' },
  'host-basics.z.explanation': {
    en: '{count} of {total} processes are zombies (a warning from {limit}): they have exited but their parent never collected them. They hold no memory, only process ids.{same}',
    ko: '프로세스 {total}개 중 {count}개가 좀비입니다({limit}개부터 경고). 종료했지만 부모 프로세스가 거두지 않았습니다. 메모리는 차지하지 않고 프로세스 ID만 차지합니다.{same}',
  },
  'host-basics.z.cause': { en: 'A parent process that does not reap its children (a container without an init, a stuck agent).', ko: '자식 프로세스를 거두지 않는 부모 프로세스입니다(init이 없는 컨테이너, 멈춘 에이전트).' },
  'host-basics.z.next': {
    en: 'On {node}: `ps -eo stat,ppid,pid,comm | awk \'$1 ~ /^Z/\'` and restart the parent (the PPID) they belong to.',
    ko: '{node}에서 `ps -eo stat,ppid,pid,comm | awk \'$1 ~ /^Z/\'`로 확인하고, 좀비가 속한 부모(PPID)를 다시 시작하세요.',
  },

  'host-basics.units.title': { en: '{node}: {count} failed systemd unit(s) ({units})', ko: '{node}: 실패한 systemd 유닛 {count}개 ({units})' },
  'host-basics.units.explanation': { en: 'systemd on {node} lists these units as failed: {units}. A failed unit is not running and systemd gave up restarting it.', ko: '{node}의 systemd가 다음 유닛을 failed로 표시합니다: {units}. failed 유닛은 실행 중이 아니며 systemd가 재시작을 포기한 상태입니다.' },
  'host-basics.units.cause': { en: 'The service exits at start (a config error, a dependency not reachable) or was killed (OOM) more often than its restart limit allows.', ko: '서비스가 시작하자마자 종료하거나(설정 오류, 연결할 수 없는 의존 서비스) 재시작 한도보다 자주 죽었습니다(OOM).' },
  'host-basics.units.next': { en: 'On {node}: `systemctl status {unit}` and `journalctl -u {unit} -n 50 --no-pager` for why; `systemctl reset-failed` after fixing it.', ko: '{node}에서 `systemctl status {unit}`와 `journalctl -u {unit} -n 50 --no-pager`로 원인을 보고, 고친 뒤 `systemctl reset-failed`를 실행하세요.' },
  'host-basics.units.error.title': { en: 'Could not list the failed systemd units on {node}', ko: '{node}의 실패한 systemd 유닛을 조회하지 못함' },
  'host-basics.units.error.explanation': { en: 'systemd runs on {node} but `systemctl --failed` did not answer (its error is quoted); the units were not checked.', ko: '{node}에서 systemd가 실행 중이지만 `systemctl --failed`가 응답하지 않았습니다(오류 인용). 유닛은 확인하지 못했습니다.' },
  'host-basics.units.none.title': { en: 'No systemd on {nodes}: no units to check', ko: '{nodes}에는 systemd가 없음: 확인할 유닛 없음' },
  'host-basics.units.none.explanation': {
    en: 'systemd is not running there (no /run/systemd/system, the test systemd itself uses), so there are no failed units to list; services are checked by the other playbooks.',
    ko: '그곳에서는 systemd가 실행 중이 아니므로(systemd 자신이 쓰는 검사인 /run/systemd/system이 없음) 실패한 유닛을 조회할 수 없습니다. 서비스는 다른 플레이북이 확인합니다.',
  },

  'host-basics.ok.title': { en: 'Disk, memory, load and processes within limits on {count} node(s) ({hosts} host(s))', ko: '노드 {count}개(호스트 {hosts}개)의 디스크, 메모리, 부하, 프로세스가 기준 안에 있음' },
  'host-basics.ok.explanation': { en: '{hosts}{disks}', ko: '{hosts}{disks}' },
  'host-basics.ok.host': { en: '{nodes}: {parts}.{same}', ko: '{nodes}: {parts}.{same}' },
  'host-basics.ok.load': { en: 'load {fifteen} (15 min) on {cores} core(s),', ko: '코어 {cores}개에 부하 {fifteen}(15분),' },
  'host-basics.ok.memory': { en: '{pct}% memory available', ko: '사용 가능한 메모리 {pct}%' },
  'host-basics.ok.disks': { en: ' Mounts: {disks} (all at most {warn}%).', ko: ' 마운트: {disks}(모두 {warn}% 이하).' },

  'host-basics.partial.title': { en: 'Could not read {missing} on {node}', ko: '{node}의 {missing} 정보를 읽지 못함' },
  'host-basics.partial.explanation': { en: 'The script on {node} printed no figure for these (a file not readable, df refusing or timing out on a mount); they were not checked there.', ko: '{node}의 스크립트가 이 항목의 값을 출력하지 않았습니다(읽을 수 없는 파일, 마운트에서 df 거부나 시간 초과). 그곳에서는 확인하지 못했습니다.' },
  'host-basics.unread.title': { en: 'Could not read the host figures on {nodes}', ko: '{nodes}의 호스트 정보를 읽지 못함' },
  'host-basics.unread.explanation': { en: 'The script printed neither load, memory nor disk use there: nothing was checked on those nodes.', ko: '그곳에서 스크립트가 부하, 메모리, 디스크 사용량 중 아무것도 출력하지 않았습니다. 그 노드에서는 아무것도 확인하지 못했습니다.' },
  'host-basics.not-run.title': { en: 'Host basics were not read', ko: '호스트 기본 정보를 읽지 않음' },
  'host-basics.not-run.explanation': { en: 'No node ran the step (no node of a matching role answered).', ko: '단계를 실행한 노드가 없습니다(맞는 역할의 노드가 응답하지 않음).' },
};
