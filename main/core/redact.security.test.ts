import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretKind } from './redact-names.js';
import { redactLine, redactText, StreamRedactor } from './redact.js';
import { corpusDir, corpusFiles, encodedPlanted, leaks, negativesFile } from './testing/secret-corpus.js';

// Redaction attacked with what nodes really print (testing/secret-corpus/SOURCE.md says where each
// shape comes from). Every planted value must go; ordinary diagnostic output must stay.

/** The text pushed through one redactor in pieces of `size` characters. */
function streamed(text: string, size: number): string {
  const r = new StreamRedactor();
  let out = '';
  for (let i = 0; i < text.length; i += size) out += r.push(text.slice(i, i + size));
  return out + r.end();
}

describe('the secret corpus', () => {
  const files = corpusFiles();

  it('has planted values in every file, some only in base64', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(leaks(f.text).length, f.name).toBeGreaterThan(0);
    expect(files.flatMap((f) => encodedPlanted(f.text)).length).toBeGreaterThan(10);
  });

  for (const { name, text } of files) {
    it(`keeps nothing planted from ${name}, whole, streamed in pieces, and as a terminal prints it`, () => {
      const whole = redactText(text);
      expect(leaks(whole)).toEqual([]);
      expect(whole).toContain('[REDACTED');
      // Exports redact stored text once more: the second pass must change nothing.
      expect(redactText(whole)).toBe(whole);
      for (const size of [1, 7, 4096]) expect(streamed(text, size)).toBe(whole);
      const crlf = text.replace(/\n/g, '\r\n');
      expect(streamed(crlf, 5)).toBe(redactText(crlf));
      expect(leaks(redactText(crlf))).toEqual([]);
    });
  }

  it('leaves ordinary diagnostic output byte for byte', () => {
    const text = readFileSync(join(corpusDir, negativesFile), 'utf8');
    const out = redactText(text);
    const changed = out.split('\n').filter((l, i) => l !== text.split('\n')[i]);
    expect(changed).toEqual([]);
    expect(out).toBe(text);
  });
});

describe('which names hold a secret', () => {
  it('reads the name, not a word inside it', () => {
    const kinds = (names: string[]): Array<string | null> => names.map((n) => secretKind(n));
    expect(kinds(['db_password', 'ROOT_PASS', 'MYSQL_PWD', 'X-Auth-Token', 'adminPassword', 'aws_secret_access_key', 'secret_key_base', 'csrftoken', 'FERNET_KEY_0', 'rabbitmq_cluster_cookie'])).toEqual(['secret', 'secret', 'secret', 'secret', 'secret', 'key', 'secret', 'secret', 'key', 'secret']);
    expect(kinds(['password_hash_algorithm', 'token_expiration', 'rbd_secret_uuid', 'secretName', 'secretKeyRef', 'OS_PASSWORD_FILE', 'tokens', 'max_tokens', 'PWD', 'pass', 'key_type', 'public_key', 'in_key', 'aws_access_key_id', 'access_key', 'auth_type'])).toEqual(Array(16).fill(null));
    expect(kinds(['Authorization', 'key', 'api_key'])).toEqual(['authorization', 'bare-key', 'key']);
  });
});

describe('private key blocks (item 8)', () => {
  const body = ['MIIEowIBAAKCAQEAkeyLine1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'keyLine2yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'];

  it('redacts the text before a BEGIN marker and after an END marker on the same line', () => {
    const text = `password=Xyz-before -----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY----- token=Abc-after\nnext line\n`;
    expect(redactText(text)).toBe('password=[REDACTED] [REDACTED PRIVATE KEY]\n token=[REDACTED]\nnext line\n');
  });

  it('redacts a key inside a one-line JSON string (literal \\n), and what follows it on the line', () => {
    const key = `-----BEGIN OPENSSH PRIVATE KEY-----\\n${body.join('\\n')}\\n-----END OPENSSH PRIVATE KEY-----\\n`;
    expect(redactText(`{"password": "Pw-1", "key": "${key}", "token": "Tk-2"}\n`)).toBe('{"password": "[REDACTED]", "key": "[REDACTED PRIVATE KEY]", "token": "[REDACTED]"}\n');
    // The string is cut at the end of its line: the key ends there, the next line is read as usual.
    expect(redactText(`{"key": "-----BEGIN EC PRIVATE KEY-----\\n${body[0]}\nconnection = mysql://u:DbPw@db/x\n`)).toBe('{"key": "[REDACTED PRIVATE KEY]\nconnection = mysql://u:[REDACTED]@db/x\n');
  });

  it('never drops output silently after a BEGIN without END: the block ends where key material ends, with a mark', () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n+------+\n| ID   |\npassword = after-the-cut\n`;
    expect(redactText(text)).toBe('[REDACTED PRIVATE KEY]\n[REDACTED PRIVATE KEY: no END marker; 2 lines hidden]\n+------+\n| ID   |\npassword = [REDACTED]\n');
    // The output ends inside the block: said so too.
    expect(redactText(`-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n`)).toBe('[REDACTED PRIVATE KEY]\n[REDACTED PRIVATE KEY: the output ended before its END marker; 2 lines hidden]');
  });

  it('caps a block that never ends and resumes normal redaction, marking the cut', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `QUJD${String(i).padStart(60, 'x')}`);
    const out = redactText(`-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\nafter\n`).split('\n');
    expect(out[0]).toBe('[REDACTED PRIVATE KEY]');
    expect(out[1]).toBe('[REDACTED PRIVATE KEY: no END marker within 1000 lines; resuming]');
    expect(out[2]).toBe(lines[1000]);
    expect(out.at(-2)).toBe('after');
  });

  it('knows encrypted PKCS#8, OpenSSH, PGP and headers inside a PEM block, also when grep prefixes each line', () => {
    for (const kind of ['ENCRYPTED PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'PRIVATE KEY']) {
      expect(redactText(`a\n-----BEGIN ${kind}-----\n${body.join('\n')}\n-----END ${kind}-----\nb\n`)).toBe('a\n[REDACTED PRIVATE KEY]\nb\n');
    }
    expect(redactText(`-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${body.join('\n')}\n=PLnT\n-----END PGP PRIVATE KEY BLOCK-----\nb\n`)).toBe('[REDACTED PRIVATE KEY]\nb\n');
    expect(redactText(`-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,5F2C1A7D9B3E4F60\n\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\n`)).toBe('[REDACTED PRIVATE KEY]\n');
    const p = '/etc/kolla/certs/private/backend.key:';
    expect(redactText(`${p}-----BEGIN PRIVATE KEY-----\n${body.map((l) => p + l).join('\n')}\n${p}-----END PRIVATE KEY-----\n`)).toBe(`${p}[REDACTED PRIVATE KEY]\n`);
  });

  it('finds a marker split by colour codes, and a PEM key encoded in base64 (kubeconfig client-key-data)', () => {
    expect(redactText(`\x1b[01;31m-----BEGIN RSA \x1b[mPRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\n`)).toBe('[REDACTED PRIVATE KEY]\n');
    const pem = Buffer.from(`-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----\n`).toString('base64');
    expect(redactLine(`    client-key-data: ${pem}`)).toBe('    client-key-data: [REDACTED]');
    const cert = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIUQ\n-----END CERTIFICATE-----\n').toString('base64');
    expect(redactLine(`    certificate-authority-data: ${cert}`)).toBe(`    certificate-authority-data: ${cert}`);
  });
});

describe('secrets that were stored as they are (item 9)', () => {
  const cases: Array<[string, string]> = [
    ['> Authorization: Bearer eyJhbGciOi.abc.def', '> Authorization: Bearer [REDACTED]'],
    ["curl -H 'Authorization: Basic YWRtaW46c2VjcmV0' http://x", "curl -H 'Authorization: Basic [REDACTED]' http://x"],
    ["echo 'password=Hunter2-echo' >> /etc/x.conf", "echo 'password=[REDACTED]' >> /etc/x.conf"],
    ['mysql -uroot -pS3cret-mysql -e "select 1"', 'mysql -uroot -p[REDACTED] -e "select 1"'],
    ["mysqladmin -u root -p'S3cret quoted' -P3306 status", "mysqladmin -u root -p'[REDACTED]' -P3306 status"],
    ['root  4821  0.0  0.1 /bin/sh -c mysqldump -h db -P3306 -uroot -pPsPw --all-databases', 'root  4821  0.0  0.1 /bin/sh -c mysqldump -h db -P3306 -uroot -p[REDACTED] --all-databases'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG', 'aws_secret_access_key = [REDACTED]'],
    ['api_key = 0123456789abcdef', 'api_key = [REDACTED]'],
    ['ROOT_PASS=RootPassValue', 'ROOT_PASS=[REDACTED]'],
    ['{"data":{"db-pass":"ZGJwYXNz","db-user":"bm92YQ=="},"kind":"Secret"}', '{"data":{"db-pass":"[REDACTED]","db-user":"[REDACTED]"},"kind":"Secret"}'],
    ['keystone_admin_password: KsAdminPw', 'keystone_admin_password: [REDACTED]'],
    ['horizon_secret_key: HorizonSecretKeyValue', 'horizon_secret_key: [REDACTED]'],
    ['osprofiler_secret: OsprofilerSecret', 'osprofiler_secret: [REDACTED]'],
    ['password = two words', 'password = [REDACTED]'],
    ['    "DB_ROOT_PASSWORD=DockerEnvPw",', '    "DB_ROOT_PASSWORD=[REDACTED]",'],
    ['\tkey = AQBzJxpdAAAAABAAz7bvlGbfrfKeKfO7QHDqgw==', '\tkey = [REDACTED]'],
    ['AQBzJxpdAAAAABAAz7bvlGbfrfKeKfO7QHDqgw==', '[REDACTED]'],
    ['curl -s -u admin:CurlPw http://x', 'curl -s -u admin:[REDACTED] http://x'],
    ['| secret       | AppCredSecret |', '| secret       | [REDACTED]    |'],
    ['    auth_pass VrrpPw', '    auth_pass [REDACTED]'],
    ['   stats auth openstack:HaproxyPw', '   stats auth openstack:[REDACTED]'],
    ['rabbitmqctl change_password openstack RmqPw', 'rabbitmqctl change_password openstack [REDACTED]'],
    ['sshpass -p SshPassPw ssh root@h', 'sshpass -p [REDACTED] ssh root@h'],
    ['redis-cli -h h -a RedisPw info', 'redis-cli -h h -a [REDACTED] info'],
    ['openssl pkcs12 -passout pass:OpensslPw -out b.p12', 'openssl pkcs12 -passout pass:[REDACTED] -out b.p12'],
    ['ipmitool -I lanplus -H h -U admin -P IpmiPw power status', 'ipmitool -I lanplus -H h -U admin -P [REDACTED] power status'],
    ['Cookie: sessionid=abc; csrftoken=def', 'Cookie: [REDACTED]'],
    ["headers={'Authorization': 'Bearer PyTok'}", "headers={'Authorization': 'Bearer [REDACTED]'}"],
    ['--os-application-credential-secret AcSecret', '--os-application-credential-secret [REDACTED]'],
    ['WSREP_SST_AUTH=root:SstEnvPw', 'WSREP_SST_AUTH=root:[REDACTED]'],
    ["MariaDB [(none)]> CREATE USER 'x'@'%' IDENTIFIED BY 'SqlPw';", "MariaDB [(none)]> CREATE USER 'x'@'%' IDENTIFIED BY '[REDACTED]';"],
  ];
  for (const [input, expected] of cases) {
    it(`redacts ${input.slice(0, 60)}`, () => expect(redactText(input)).toBe(expected));
  }

  it('hides every value under a Secret\'s data and stringData in kubectl YAML, across lines', () => {
    const yaml = 'apiVersion: v1\ndata:\n  db-pass: ZGJwYXNz\n  DB_CONNECTION: bXlzcWw=\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  token: plainTok\n  conf: |\n    line one\n    default_pass = x\n  other: value with spaces\ntype: Opaque\n';
    expect(redactText(yaml)).toBe('apiVersion: v1\ndata:\n  db-pass: [REDACTED]\n  DB_CONNECTION: [REDACTED]\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  token: [REDACTED]\n  conf: |\n    [REDACTED]\n    [REDACTED]\n  other: [REDACTED]\ntype: Opaque\n');
  });

  it('hides every value under data in pretty-printed kubectl JSON, and only there', () => {
    const json = '{\n    "apiVersion": "v1",\n    "data": {\n        "db-pass": "ZGJwYXNz",\n        "user": "bm92YQ=="\n    },\n    "kind": "Secret",\n    "metadata": {\n        "name": "db"\n    }\n}\n';
    expect(redactText(json)).toBe(json.replace('"ZGJwYXNz"', '"[REDACTED]"').replace('"bm92YQ=="', '"[REDACTED]"'));
  });

  it('hides a secret env value in kubectl YAML (name on one line, value on the next)', () => {
    expect(redactText('    - name: DB_PASSWORD\n      value: EnvPw\n    - name: NAMESPACE\n      value: openstack\n')).toBe('    - name: DB_PASSWORD\n      value: [REDACTED]\n    - name: NAMESPACE\n      value: openstack\n');
  });

  it('stays linear on long hostile lines for every new rule', () => {
    const hostile = [
      'a='.repeat(32768),
      'password='.repeat(8000),
      '"data":{'.repeat(8000),
      '-----BEGIN '.repeat(6000),
      `password${' '.repeat(65000)}x`,
      `key:${' '.repeat(65000)}`,
      'mysql -p'.repeat(8000),
      'curl -u a:'.repeat(6000),
      `"${'\\"'.repeat(30000)}`,
      'x-'.repeat(32768),
      `${'| secret '.repeat(7000)}|`,
      'LS0tLS1CRUdJT'.repeat(5000),
    ];
    for (const line of hostile) {
      const started = performance.now();
      redactText(`${line}\n`);
      streamed(`data:\n  ${line}\n`, 4096);
      expect(performance.now() - started, line.slice(0, 30)).toBeLessThan(400);
    }
  });
});
