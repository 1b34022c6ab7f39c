import { describe, expect, it } from 'vitest';
import { redactText, StreamRedactor } from './redact.js';

describe('redaction', () => {
  const samples: Array<[string, string, string]> = [
    ['oslo.db connection URL', 'connection = mysql+pymysql://nova:S3cr3tPass@10.0.0.5/nova?charset=utf8', 'S3cr3tPass'],
    ['oslo.messaging transport URL', 'transport_url = rabbit://openstack:rabbitPW99@ctl-1:5672,openstack:rabbitPW99@ctl-2:5672/', 'rabbitPW99'],
    ['keystone_authtoken password', 'password = k3ystoneAuthPw', 'k3ystoneAuthPw'],
    ['yaml secret', '  admin_password: "Adm1nYaml!"', 'Adm1nYaml!'],
    ['openrc', 'export OS_PASSWORD=OpenRcPassw0rd', 'OpenRcPassw0rd'],
    ['CLI flag', 'openstack --os-password CliPw123 server list', 'CliPw123'],
    ['CLI flag with =', 'mysql --password=DbRootPw -e "show status"', 'DbRootPw'],
    ['Fernet token', 'X-Subject-Token: gAAAAABlZ3xYk1m9Qw2LhT8vR0aB7nC6dE5fG4hI3jK2lM1nO0pQ9rS8tU7vW6xY5zA4bC3dE2fG1hI0jK', 'gAAAAABlZ3xY'],
    ['auth header', 'curl -H "X-Auth-Token: 9f8e7d6c5b4a"', '9f8e7d6c5b4a'],
    ['CLI flag with a space', 'mysqladmin --password DbSpacePw status', 'DbSpacePw'],
    ['JSON key', '{"auth": {"passwordCredentials": {"username": "admin", "password": "JsonPw-77"}}}', 'JsonPw-77'],
    ['kubectl env on one line', '{"name":"DB_PASSWORD","value":"K8sEnvPw"}', 'K8sEnvPw'],
    ['Galera SST auth', 'wsrep_sst_auth = "root:SstPw-42"', 'SstPw-42'],
    ['kolla passwords.yml', 'database_password: KollaDbPw9', 'KollaDbPw9'],
    ['nova.conf connection in a log line', '2024-05-02 10:01:02.123 7 ERROR oslo_db.sqlalchemy.engines [-] Database connection was found disconnected; url mysql+pymysql://nova:LogPw%21@mariadb.openstack.svc.cluster.local:3306/nova', 'LogPw%21'],
  ];
  for (const [name, line, secret] of samples) {
    it(`hides the ${name}`, () => {
      const out = redactText(line);
      expect(out).not.toContain(secret);
      expect(out).toContain('[REDACTED]');
    });
  }

  it('stays linear on a long line without breaks (a hex dump in a terminal), and still finds a URL glued to it', () => {
    const started = performance.now();
    expect(redactText(`${'ab12'.repeat(16384)}\n`)).toBe(`${'ab12'.repeat(16384)}\n`);
    expect(performance.now() - started).toBeLessThan(200); // was 2 s
    expect(redactText('0xdeadmysql://nova:GluedPw@db/nova')).toBe('0xdeadmysql://nova:[REDACTED]@db/nova');
  });

  it('hides a secret env value in pretty-printed kubectl JSON', () => {
    const json = '          "env": [\n            {\n              "name": "MYSQL_ROOT_PASSWORD",\n              "value": "PrettyK8sPw"\n            },\n            {\n              "name": "NAMESPACE",\n              "value": "openstack"\n            }\n';
    const out = redactText(json);
    expect(out).not.toContain('PrettyK8sPw');
    expect(out).toContain('"value": "[REDACTED]"');
    expect(out).toContain('"value": "openstack"');
  });

  it('keeps the quotes around a redacted auth header in a stored command', () => {
    expect(redactText(`curl -H "X-Auth-Token: $T" -H 'X-Auth-Token: abc123'`)).toBe(`curl -H "X-Auth-Token: [REDACTED]" -H 'X-Auth-Token: [REDACTED]'`);
  });

  it('hides a password written in prose, and keeps what a sentence says about one', () => {
    expect(redactText('Root password is Xy9!pw, rotate after the incident')).toBe('Root password is [REDACTED] rotate after the incident');
    expect(redactText('the rabbit password was now "a b c"')).toBe('the rabbit password was now [REDACTED]');
    expect(redactText('DB 비밀번호는 Kor3aPw 입니다')).toBe('DB 비밀번호는 [REDACTED] 입니다');
    // A finding's own explanation (engine-findings notOnNode) says where secrets are read: no value follows.
    const kept = 'Access denied: the password is wrong; the token was expired; the password is not set; Secrets are read only on the node that holds them';
    expect(redactText(kept)).toBe(kept);
  });

  it('keeps ordinary diagnostic output intact', () => {
    const text = 'ERROR 1045 (28000): Access denied for user \'placement\'@\'10.0.0.5\' (using password: YES)\nwsrep_cluster_status\tPrimary\nerror: "could not open network device tap1 (No such device)"\n';
    expect(redactText(text)).toBe(text);
  });

  it('replaces a private key block whole, across chunk boundaries', () => {
    const r = new StreamRedactor();
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\nAAAABG5vbmUAAAA\n-----END OPENSSH PRIVATE KEY-----\nafter\n';
    let out = '';
    for (let i = 0; i < key.length; i += 7) out += r.push(key.slice(i, i + 7));
    out += r.end();
    expect(out).toBe('[REDACTED PRIVATE KEY]\nafter\n');
  });

  it('never lets a secret through when it is split across chunks', () => {
    const r = new StreamRedactor(() => ['hunter2-literal']);
    const out = r.push('login with hunt') + r.push('er2-literal now\n') + r.end();
    expect(out).toBe('login with [REDACTED] now\n');
  });

  it('holds back only the incomplete last line', () => {
    const r = new StreamRedactor();
    expect(r.push('one\ntw')).toBe('one\n');
    expect(r.push('o\r\n')).toBe('two\r\n');
    expect(r.end()).toBe('');
  });
});
