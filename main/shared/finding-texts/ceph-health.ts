/** ceph-health's finding texts (playbooks/catalogue/ceph-health), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const cephHealthTexts: Record<string, Record<Lang, string>> = {
  'ceph-health.code.title': { en: 'Ceph {code}: {summary}', ko: 'Ceph 상태 점검 {code}: {summary}' },
  'ceph-health.code.explanation': {
    en: 'Ceph (asked from {node}) raises {code}, rated {rated}: {means} It lists {details} detail line(s); the first are quoted.{muted}',
    ko: '{node}에서 조회한 Ceph가 {code}({rated})를 보고합니다: {means} 상세 줄 {details}개 중 앞부분을 인용했습니다.{muted}',
  },
  'ceph-health.code.muted': { en: ' The check is muted (ceph health mute): someone decided to live with it for now.', ko: ' 이 점검은 음소거(ceph health mute)되어 있습니다. 누군가 당분간 감수하기로 한 상태입니다.' },

  'ceph-health.code.osd-down.means': {
    en: 'one or more OSDs are down; their placement groups run with fewer copies, and another failure can block I/O of Cinder volumes and RBD-backed instances.',
    ko: 'OSD가 하나 이상 down 상태입니다. 해당 PG는 복제본이 줄어든 채 동작하며, 장애가 하나 더 생기면 Cinder 볼륨과 RBD 기반 인스턴스의 I/O가 멈출 수 있습니다.',
  },
  'ceph-health.code.osd-down.cause': {
    en: 'The ceph-osd daemon stopped or crashed (often a failing disk), its host is down, or the OSD lost its heartbeat on the cluster network.',
    ko: 'ceph-osd 데몬이 멈췄거나 비정상 종료했거나(디스크 고장이 흔함), 호스트가 꺼졌거나, 클러스터 네트워크에서 OSD의 하트비트가 끊겼습니다.',
  },
  'ceph-health.code.osd-down.next': {
    en: '`ceph osd tree down` to see which OSDs and hosts; on that host `systemctl status ceph-osd@ID` (or `cephadm logs --name osd.ID`), the kernel-log playbook for disk errors, then restart the OSD.',
    ko: '`ceph osd tree down`으로 해당 OSD와 호스트를 확인하고, 그 호스트에서 `systemctl status ceph-osd@ID`(또는 `cephadm logs --name osd.ID`), 디스크 오류는 kernel-log 플레이북으로 확인한 뒤 OSD를 다시 시작하세요.',
  },
  'ceph-health.code.osd-host-down.means': {
    en: 'every OSD of one or more hosts is down: the host itself is probably down or cut off.',
    ko: '하나 이상의 호스트에서 모든 OSD가 down 상태입니다. 호스트 자체가 꺼졌거나 네트워크에서 끊겼을 가능성이 큽니다.',
  },
  'ceph-health.code.osd-host-down.cause': { en: 'The storage host is powered off, rebooting or unreachable on the cluster network.', ko: '스토리지 호스트가 꺼졌거나 재부팅 중이거나 클러스터 네트워크에서 닿지 않습니다.' },
  'ceph-health.code.osd-host-down.next': { en: '`ceph osd tree down`; ping the host on the public and cluster networks, check its console.', ko: '`ceph osd tree down`을 실행하고, 퍼블릭·클러스터 네트워크에서 호스트에 ping을 보내고 콘솔을 확인하세요.' },

  'ceph-health.code.osd-nearfull.means': {
    en: 'OSDs passed the nearfull ratio (85 % by default). At the full ratio (95 %) Ceph stops all writes to the pools on them.',
    ko: 'OSD 사용률이 nearfull 비율(기본 85 %)을 넘었습니다. full 비율(95 %)에 이르면 해당 OSD에 있는 풀에 대한 모든 쓰기가 멈춥니다.',
  },
  'ceph-health.code.osd-nearfull.cause': { en: 'The cluster is running out of raw capacity, or data is unevenly spread across OSDs (weights, few PGs).', ko: '클러스터의 원시 용량이 부족해지고 있거나, 데이터가 OSD 사이에 고르지 않게 분산되어 있습니다(가중치, 적은 PG 수).' },
  'ceph-health.code.osd-nearfull.next': { en: '`ceph osd df tree` and `ceph df`: add OSDs, delete unused volumes/images/snapshots, or rebalance (`ceph balancer status`).', ko: '`ceph osd df tree`와 `ceph df`로 확인하고, OSD를 추가하거나 쓰지 않는 볼륨·이미지·스냅샷을 지우거나 재분산(`ceph balancer status`)하세요.' },
  'ceph-health.code.osd-backfillfull.means': { en: 'OSDs are too full to receive backfill: recovery after a failure cannot complete.', ko: 'OSD가 너무 차서 backfill을 받을 수 없습니다. 장애 뒤의 복구가 끝나지 못합니다.' },
  'ceph-health.code.osd-backfillfull.cause': { en: 'Capacity is short, made worse by an OSD that is down or out.', ko: '용량이 부족하며, down 또는 out 상태인 OSD 때문에 더 악화되었습니다.' },
  'ceph-health.code.osd-backfillfull.next': { en: '`ceph osd df tree`; add capacity or bring the failed OSDs back before anything else.', ko: '`ceph osd df tree`로 확인하고, 무엇보다 먼저 용량을 늘리거나 실패한 OSD를 복구하세요.' },
  'ceph-health.code.osd-full.means': {
    en: 'OSDs reached the full ratio: Ceph blocks writes to their pools, so Cinder volumes and RBD-backed instance disks hang on I/O.',
    ko: 'OSD가 full 비율에 도달했습니다. Ceph가 해당 풀에 대한 쓰기를 막으므로 Cinder 볼륨과 RBD 기반 인스턴스 디스크의 I/O가 멈춥니다.',
  },
  'ceph-health.code.osd-full.cause': { en: 'Raw capacity ran out (or one OSD got far more than its share).', ko: '원시 용량이 바닥났습니다(또는 한 OSD에 몫보다 훨씬 많은 데이터가 몰렸습니다).' },
  'ceph-health.code.osd-full.next': {
    en: '`ceph osd df tree`; free space (delete volumes/snapshots) or add OSDs; only as a short bridge, `ceph osd set-full-ratio 0.96`.',
    ko: '`ceph osd df tree`로 확인하고 공간을 비우거나(볼륨·스냅샷 삭제) OSD를 추가하세요. 잠시 버티는 용도로만 `ceph osd set-full-ratio 0.96`을 쓰세요.',
  },
  'ceph-health.code.pool-nearfull.means': { en: 'pools are close to their quota or to the space their OSDs have left.', ko: '풀이 쿼터 또는 OSD의 남은 공간에 가까워졌습니다.' },
  'ceph-health.code.pool-nearfull.cause': { en: 'A pool quota that is too small, or the cluster itself running out of capacity.', ko: '풀 쿼터가 너무 작거나, 클러스터 자체의 용량이 부족해지고 있습니다.' },
  'ceph-health.code.pool-nearfull.next': { en: '`ceph df detail` and `ceph osd pool get-quota POOL`; raise the quota or add capacity.', ko: '`ceph df detail`과 `ceph osd pool get-quota POOL`로 확인하고, 쿼터를 늘리거나 용량을 추가하세요.' },
  'ceph-health.code.pool-full.means': { en: 'pools are full: writes to them (volumes, images, instance disks) are refused.', ko: '풀이 가득 찼습니다. 볼륨·이미지·인스턴스 디스크에 대한 쓰기가 거부됩니다.' },
  'ceph-health.code.pool-full.cause': { en: 'The pool hit its quota, or its OSDs are full.', ko: '풀이 쿼터에 도달했거나 풀의 OSD가 가득 찼습니다.' },
  'ceph-health.code.pool-full.next': { en: '`ceph df detail`; raise the quota (`ceph osd pool set-quota POOL max_bytes …`) or free space.', ko: '`ceph df detail`로 확인하고 쿼터를 늘리거나(`ceph osd pool set-quota POOL max_bytes …`) 공간을 비우세요.' },

  'ceph-health.code.pg-degraded.means': {
    en: 'some data has fewer copies than the pool wants; I/O still works while Ceph recovers, but another failure may lose availability.',
    ko: '일부 데이터의 복제본 수가 풀 설정보다 적습니다. Ceph가 복구하는 동안 I/O는 계속되지만 장애가 하나 더 생기면 가용성을 잃을 수 있습니다.',
  },
  'ceph-health.code.pg-degraded.cause': { en: 'Usually an OSD that is down (see OSD_DOWN), or recovery still under way after one came back.', ko: '대개 down 상태인 OSD(OSD_DOWN 참고) 때문이거나, OSD가 돌아온 뒤 복구가 아직 진행 중입니다.' },
  'ceph-health.code.pg-degraded.next': { en: 'Fix OSD_DOWN first; `ceph pg dump_stuck degraded` and watch `ceph -s` until recovery ends.', ko: 'OSD_DOWN을 먼저 해결하고, `ceph pg dump_stuck degraded`로 확인한 뒤 복구가 끝날 때까지 `ceph -s`를 지켜보세요.' },
  'ceph-health.code.pg-availability.means': {
    en: 'placement groups are inactive: I/O to their objects blocks, so volumes and instances using them hang.',
    ko: '배치 그룹(PG)이 inactive 상태입니다. 해당 객체에 대한 I/O가 멈추므로 이를 쓰는 볼륨과 인스턴스가 멈춥니다.',
  },
  'ceph-health.code.pg-availability.cause': { en: 'Too many OSDs of those PGs are down (fewer than min_size copies), or PGs are stuck peering.', ko: '해당 PG의 OSD가 너무 많이 down 상태이거나(min_size보다 적은 복제본), PG가 peering에서 멈췄습니다.' },
  'ceph-health.code.pg-availability.next': { en: '`ceph pg dump_stuck inactive`, then `ceph pg PGID query` for one of them; bring the down OSDs back first.', ko: '`ceph pg dump_stuck inactive`를 실행하고 그중 하나에 `ceph pg PGID query`를 실행하세요. down 상태인 OSD를 먼저 되살리세요.' },

  'ceph-health.code.slow-ops.means': {
    en: 'requests to OSDs or monitors are taking longer than 30 s: guests see I/O stalls and Cinder operations time out.',
    ko: 'OSD나 모니터에 대한 요청이 30초 넘게 걸리고 있습니다. 게스트는 I/O 지연을 겪고 Cinder 작업은 시간 초과됩니다.',
  },
  'ceph-health.code.slow-ops.cause': { en: 'A slow or failing disk, network errors or drops between OSDs, or an overloaded OSD host.', ko: '느리거나 고장 나는 디스크, OSD 사이의 네트워크 오류나 패킷 손실, 또는 과부하된 OSD 호스트입니다.' },
  'ceph-health.code.slow-ops.next': {
    en: '`ceph osd perf` for the slowest OSDs; on their host `ceph daemon osd.ID dump_ops_in_flight`, `smartctl -a` and the kernel-log playbook; check NIC errors with `ip -s link`.',
    ko: '`ceph osd perf`로 가장 느린 OSD를 찾고, 그 호스트에서 `ceph daemon osd.ID dump_ops_in_flight`, `smartctl -a`, kernel-log 플레이북을 확인하고, `ip -s link`로 NIC 오류를 보세요.',
  },
  'ceph-health.code.mon-clock-skew.means': {
    en: 'monitor clocks differ by more than mon_clock_drift_allowed (0.05 s): monitors can lose quorum and leases expire.',
    ko: '모니터 사이 시계 차이가 mon_clock_drift_allowed(0.05초)를 넘었습니다. 모니터가 쿼럼을 잃고 lease가 만료될 수 있습니다.',
  },
  'ceph-health.code.mon-clock-skew.cause': { en: 'chronyd/ntpd is not running or not synchronised on a monitor host.', ko: '모니터 호스트에서 chronyd/ntpd가 실행되지 않거나 동기화되지 않았습니다.' },
  'ceph-health.code.mon-clock-skew.next': { en: 'Run the clock-sync playbook; `ceph time-sync-status`; `chronyc tracking` on the monitor hosts.', ko: 'clock-sync 플레이북을 실행하고, `ceph time-sync-status`와 모니터 호스트의 `chronyc tracking`을 확인하세요.' },
  'ceph-health.code.mon-down.means': {
    en: 'a monitor is out of quorum; the others still hold it, but one more failure can stop the whole cluster.',
    ko: '모니터 하나가 쿼럼에서 빠졌습니다. 나머지가 쿼럼을 유지하고 있지만 하나만 더 실패하면 클러스터 전체가 멈출 수 있습니다.',
  },
  'ceph-health.code.mon-down.cause': { en: 'The ceph-mon daemon stopped (its store on a full disk is common), its host is down, or it cannot reach the others.', ko: 'ceph-mon 데몬이 멈췄거나(저장소 디스크가 가득 찬 경우가 흔함), 호스트가 꺼졌거나, 다른 모니터에 닿지 못합니다.' },
  'ceph-health.code.mon-down.next': { en: '`ceph quorum_status -f json-pretty`; on that host `systemctl status ceph-mon@HOST` (or `cephadm logs --name mon.HOST`) and `df -h /var/lib/ceph`.', ko: '`ceph quorum_status -f json-pretty`로 확인하고, 해당 호스트에서 `systemctl status ceph-mon@HOST`(또는 `cephadm logs --name mon.HOST`)와 `df -h /var/lib/ceph`를 확인하세요.' },

  'ceph-health.code.other.means': { en: 'Ceph raises a health check this playbook has no specific advice for.', ko: 'Ceph가 이 플레이북에 별도 안내가 없는 health check를 보고합니다.' },
  'ceph-health.code.other.cause': { en: 'See the code in Ceph’s health-check list.', ko: 'Ceph health check 목록에서 해당 코드를 확인하세요.' },
  'ceph-health.code.other.next': { en: '`ceph health detail`; https://docs.ceph.com/en/latest/rados/operations/health-checks/ (search for {code}).', ko: '`ceph health detail`을 실행하고 https://docs.ceph.com/en/latest/rados/operations/health-checks/ 에서 {code}를 찾아보세요.' },

  'ceph-health.ok.title': { en: 'Ceph reports {status} with no health check raised', ko: 'Ceph 상태 {status}, 보고된 health check 없음' },
  'ceph-health.ok.explanation': { en: 'Asked from {node}, Ceph raises no health check.', ko: '{node}에서 조회한 Ceph가 health check를 하나도 보고하지 않습니다.' },
  'ceph-health.ok.explanation.counts': {
    en: 'Asked from {node}, Ceph raises no health check: {up} of {osds} OSDs up and {in} in, {clean} of {pgs} placement groups active+clean.',
    ko: '{node}에서 조회한 Ceph가 health check를 하나도 보고하지 않습니다: OSD {osds}개 중 {up}개 up, {in}개 in, PG {pgs}개 중 {clean}개 active+clean.',
  },

  'ceph-health.not-here.title': { en: 'Not checked: no Ceph here', ko: '점검 안 함: Ceph 없음' },
  'ceph-health.not-here.explanation': {
    en: 'No Ceph client or no Ceph configuration on {nodes}: this cloud does not seem to use Ceph from its controllers, so no Ceph health was checked. If Ceph does serve it from containers (cephadm, Rook), its client is not on the hosts: install ceph-common and a keyring on a controller, or ask `cephadm shell -- ceph health detail` or the Rook toolbox.',
    ko: '{nodes}에 Ceph 클라이언트나 Ceph 설정이 없습니다. 이 클라우드는 컨트롤러에서 Ceph를 쓰지 않는 것으로 보이며, Ceph 상태는 점검하지 않았습니다. Ceph가 컨테이너(cephadm, Rook)로 운영된다면 클라이언트가 호스트에 없을 수 있으니, 컨트롤러에 ceph-common과 keyring을 설치하거나 `cephadm shell -- ceph health detail` 또는 Rook toolbox로 확인하세요.',
  },
  'ceph-health.unreachable.title': { en: 'Ceph is configured but its monitors do not answer from {nodes}', ko: 'Ceph가 설정되어 있지만 {nodes}에서 모니터가 응답하지 않음' },
  'ceph-health.unreachable.explanation': {
    en: 'The ceph client on {nodes} has a configuration but gave up connecting to the monitors. If the monitors are down or out of quorum, every RBD volume, image and instance disk stops.',
    ko: '{nodes}의 ceph 클라이언트에는 설정이 있지만 모니터 연결을 포기했습니다. 모니터가 down이거나 쿼럼이 없으면 모든 RBD 볼륨·이미지·인스턴스 디스크가 멈춥니다.',
  },
  'ceph-health.unreachable.cause': { en: 'Monitors down or without quorum, a firewall or network problem between the controllers and the monitors, or a stale mon_host in ceph.conf.', ko: '모니터가 down이거나 쿼럼이 없거나, 컨트롤러와 모니터 사이의 방화벽·네트워크 문제, 또는 ceph.conf의 오래된 mon_host입니다.' },
  'ceph-health.unreachable.next': { en: 'On a monitor host: `ceph daemon mon.$(hostname -s) mon_status`; from the controller: `grep mon_host /etc/ceph/ceph.conf` and `nc -zv MON_IP 3300`.', ko: '모니터 호스트에서 `ceph daemon mon.$(hostname -s) mon_status`, 컨트롤러에서 `grep mon_host /etc/ceph/ceph.conf`와 `nc -zv MON_IP 3300`을 실행하세요.' },
  'ceph-health.failed.title': { en: 'Could not read Ceph health', ko: 'Ceph 상태를 읽지 못함' },
  'ceph-health.failed.explanation': { en: 'ceph on {node} answered: {line}.{hint} No Ceph health was checked.', ko: '{node}의 ceph 응답: {line}.{hint} Ceph 상태는 점검하지 않았습니다.' },
  'ceph-health.failed.keyring': { en: ' The client could not authenticate: the admin keyring is missing or not readable by this user.', ko: ' 클라이언트가 인증하지 못했습니다. admin keyring이 없거나 이 사용자가 읽을 수 없습니다.' },
  'ceph-health.exit-code': { en: 'exit code {code}', ko: '종료 코드 {code}' },
  'ceph-health.not-run.title': { en: 'Not checked: Ceph health', ko: '점검 안 함: Ceph 상태' },
  'ceph-health.not-run.explanation': { en: 'The ceph command did not complete on any controller ({why}).', ko: 'ceph 명령이 어느 컨트롤러에서도 끝나지 않았습니다({why}).' },
  'ceph-health.not-run.none': { en: 'no controller', ko: '컨트롤러 없음' },
};
