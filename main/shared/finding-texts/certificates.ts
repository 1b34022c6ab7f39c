/** certificates' finding texts (playbooks/catalogue/certificates), in English and Korean. */
import type { Lang } from '../../contract/types.js';

export const certificatesTexts: Record<string, Record<Lang, string>> = {
  'certificates.expired.title': { en: 'Certificate expired: {subject}', ko: '인증서 만료됨: {subject}' },
  'certificates.expired.explanation': {
    en: 'The certificate {subject} (issuer {issuer}) expired on {notAfter}, {days} days ago by the node\'s clock. It is at {where}. Clients that verify TLS refuse the connection.',
    ko: '인증서 {subject}(발급자 {issuer})는 {notAfter}에 만료되었습니다(노드 시계 기준 {days}일 전). 위치: {where}. TLS를 검증하는 클라이언트는 연결을 거부합니다.',
  },
  'certificates.expiring.title': { en: 'Certificate expires in {days} days: {subject}', ko: '인증서가 {days}일 뒤 만료됨: {subject}' },
  'certificates.expiring.explanation': {
    en: 'The certificate {subject} (issuer {issuer}) is valid until {notAfter}, {days} days from now by the node\'s clock (under {crit} days is critical, under {warn} a warning). It is at {where}. When it expires, clients that verify TLS refuse the connection.',
    ko: '인증서 {subject}(발급자 {issuer})는 {notAfter}까지, 노드 시계 기준 {days}일 남았습니다({crit}일 미만은 심각, {warn}일 미만은 경고). 위치: {where}. 만료되면 TLS를 검증하는 클라이언트가 연결을 거부합니다.',
  },
  'certificates.expiring.cause': {
    en: 'The certificate was not renewed in time: a manual renewal was missed, or the automation that renews it (certbot, cert-manager, kolla-ansible certificates) failed or does not cover this file.',
    ko: '인증서가 제때 갱신되지 않았습니다. 수동 갱신을 놓쳤거나, 갱신 자동화(certbot, cert-manager, kolla-ansible certificates)가 실패했거나 이 파일을 다루지 않습니다.',
  },
  'certificates.next.haproxy': {
    en: 'Renew it (same subject and SAN), put certificate, chain and key in {where}, reload HAProxy on every controller, then check: echo | openssl s_client -connect ADDRESS:PORT 2>/dev/null | openssl x509 -noout -enddate',
    ko: '인증서를 갱신하고(같은 subject와 SAN) 인증서·체인·키를 {where}에 넣은 뒤 모든 컨트롤러의 HAProxy를 reload하고 확인하세요: echo | openssl s_client -connect 주소:포트 2>/dev/null | openssl x509 -noout -enddate',
  },
  'certificates.next.ovs': {
    en: 'Renew it with the PKI that signed it (ovs-pki sign, or your CA), replace {where} and restart the OVS/OVN daemon that loads it (ovsdb-server, ovn-controller, northd).',
    ko: '서명한 PKI(ovs-pki sign 또는 사용 중인 CA)로 갱신해 {where}을(를) 바꾸고, 그것을 읽는 OVS/OVN 데몬(ovsdb-server, ovn-controller, northd)을 재시작하세요.',
  },
  'certificates.next.libvirt': {
    en: 'Renew it with the CA of /etc/pki/CA/cacert.pem (certtool or your CA), replace {where} and restart libvirtd: live migration between computes needs valid certificates on both sides.',
    ko: '/etc/pki/CA/cacert.pem의 CA(certtool 또는 사용 중인 CA)로 갱신해 {where}을(를) 바꾸고 libvirtd를 재시작하세요. 컴퓨트 간 라이브 마이그레이션은 양쪽 모두 유효한 인증서가 필요합니다.',
  },
  'certificates.chain.title': { en: 'Certificate chain does not verify: {subject}', ko: '인증서 체인 검증 실패: {subject}' },
  'certificates.chain.explanation': {
    en: 'openssl verify said "{verify}" for {subject} (issuer {issuer}, valid until {notAfter}) at {where}.',
    ko: 'openssl verify가 {where}의 {subject}(발급자 {issuer}, {notAfter}까지 유효)에 대해 "{verify}"라고 했습니다.',
  },
  'certificates.chain.cause': {
    en: 'The file holds the wrong intermediate, a certificate not yet valid (a clock or a date mistake), or one not meant for a TLS server.',
    ko: '파일에 잘못된 중간 인증서가 있거나, 아직 유효하지 않은 인증서(시계 또는 날짜 실수)이거나, TLS 서버용이 아닌 인증서입니다.',
  },
  'certificates.chain.next': {
    en: 'Rebuild the file as leaf, intermediates, key (in that order) and check it: openssl verify -CAfile ROOT_CA -untrusted FILE FILE',
    ko: '파일을 leaf, 중간 인증서, 키 순서로 다시 만들고 확인하세요: openssl verify -CAfile ROOT_CA -untrusted FILE FILE',
  },
  'certificates.stale.title': { en: '{node}: HAProxy serves another certificate at {addr} than its file holds', ko: '{node}: HAProxy가 {addr}에서 파일과 다른 인증서를 제공함' },
  'certificates.stale.explanation': {
    en: 'HAProxy on {node} serves at {addr} a certificate valid until {served}, while {file} now holds one valid until {onDisk}: the file was replaced and HAProxy not reloaded.',
    ko: '{node}의 HAProxy는 {addr}에서 {served}까지 유효한 인증서를 제공하지만, {file}에는 이제 {onDisk}까지 유효한 인증서가 있습니다. 파일은 바뀌었지만 HAProxy를 reload하지 않았습니다.',
  },
  'certificates.stale.cause': { en: 'The certificate was renewed on disk without reloading HAProxy.', ko: '디스크의 인증서는 갱신했지만 HAProxy를 reload하지 않았습니다.' },
  'certificates.stale.next': { en: 'Reload HAProxy on {node} (systemctl reload haproxy, or docker kill -s HUP haproxy on Kolla).', ko: '{node}의 HAProxy를 reload하세요(systemctl reload haproxy, Kolla는 docker kill -s HUP haproxy).' },
  'certificates.no-tls.title': { en: 'No TLS handshake at {addr}', ko: '{addr}에서 TLS 핸드셰이크 실패' },
  'certificates.no-tls.explanation': {
    en: 'HAProxy is configured to serve TLS at {addr}, but openssl s_client from {nodes} got no certificate there.',
    ko: 'HAProxy는 {addr}에서 TLS를 제공하도록 설정되어 있지만, {nodes}에서 openssl s_client로 인증서를 받지 못했습니다.',
  },
  'certificates.no-tls.cause': {
    en: 'The address is not held by any controller (keepalived), HAProxy is down or did not load this frontend, or a firewall drops the port.',
    ko: '어느 컨트롤러도 그 주소를 갖고 있지 않거나(keepalived), HAProxy가 멈췄거나 이 frontend를 읽지 않았거나, 방화벽이 포트를 막습니다.',
  },
  'certificates.no-tls.next': { en: 'Run haproxy-backends; then echo | openssl s_client -connect {addr}', ko: 'haproxy-backends를 실행하고 echo | openssl s_client -connect {addr}로 확인하세요' },
  'certificates.ok.title': { en: '{count} certificate(s) valid for more than {warn} days', ko: '인증서 {count}개가 {warn}일 넘게 유효함' },
  'certificates.ok.explanation': {
    en: 'Every certificate found on {nodes} ({count} distinct) is valid for more than 30 days by the nodes\' clocks; the soonest to expire has {days} days left ({subject}).',
    ko: '{nodes}에서 찾은 모든 인증서({count}개)가 노드 시계 기준 30일 넘게 유효합니다. 가장 먼저 만료되는 것은 {days}일 남았습니다({subject}).',
  },
  'certificates.none.title': { en: 'No certificate files here', ko: '인증서 파일 없음' },
  'certificates.none.explanation': {
    en: 'No HAProxy TLS frontend, Kolla certificate, OVS/OVN or libvirt PKI file was found on {nodes}: nothing to check.',
    ko: '{nodes}에서 HAProxy TLS frontend, Kolla 인증서, OVS/OVN 또는 libvirt PKI 파일을 찾지 못했습니다. 확인할 것이 없습니다.',
  },
  'certificates.unreadable.title': { en: '{count} certificate file(s) could not be read', ko: '인증서 파일 {count}개를 읽지 못함' },
  'certificates.unreadable.explanation': { en: 'Not readable by the user of the step: {list}. Their dates were not checked.', ko: '단계 사용자가 읽을 수 없습니다: {list}. 만료일을 확인하지 않았습니다.' },
  'certificates.failed.title': { en: 'Certificates could not be listed on {nodes}', ko: '{nodes}에서 인증서 목록을 얻지 못함' },
  'certificates.failed.explanation': { en: 'The step on {nodes} failed or stopped before its end; the certificates there were not checked.', ko: '{nodes}의 단계가 실패했거나 끝나기 전에 멈췄습니다. 그곳의 인증서는 확인하지 않았습니다.' },
};
