import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import type { LabLayout } from '../layout.js';
import { run } from '../proc.js';

/**
 * The lab's own certificate authority and the public VIP's certificate, made with `openssl` at
 * `lab up` as an operator makes them for Kolla's kolla_enable_tls_external (a private CA whose
 * certificate clients trust through OS_CACERT). Everything lives in the lab's tls/ folder; the
 * keys are mode 0600.
 */
export const tlsDir = (l: LabLayout): string => join(l.root, 'tls');

/** The lab CA's certificate: clients' OS_CACERT / cafile / --os-cacert for the public endpoints. */
export const labCaFile = (l: LabLayout): string => join(tlsDir(l), 'ca.crt');
const caKey = (l: LabLayout): string => join(tlsDir(l), 'ca.key');
const serverKey = (l: LabLayout): string => join(tlsDir(l), 'public.key');
const serverCsr = (l: LabLayout): string => join(tlsDir(l), 'public.csr');
const serverExt = (l: LabLayout): string => join(tlsDir(l), 'public.ext');

/** ECDSA P-256 keys: made in milliseconds where RSA keys take a second or more on a busy machine. */
const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];

/** Validity of the CA and of the public VIP's certificate as made at `lab up`. */
export const CERT_DAYS = 365;

/** The CA (1 year) and the key and signing request of the public VIP's certificate. */
export async function makeLabCa(l: LabLayout): Promise<void> {
  const dir = tlsDir(l);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const subj = (cn: string): string => `/O=Stackscope practice lab ${l.id}/CN=${cn}`;
  await Promise.all([
    run(['openssl', 'req', '-x509', ...KEY, '-nodes', '-keyout', caKey(l), '-out', labCaFile(l), '-days', String(CERT_DAYS), '-subj', subj('Stackscope lab CA'),
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
    run(['openssl', 'req', ...KEY, '-nodes', '-keyout', serverKey(l), '-out', serverCsr(l), '-subj', subj(l.publicVip)]),
  ]);
  writeFileSync(serverExt(l), `subjectAltName = IP:${l.publicVip}\nextendedKeyUsage = serverAuth\nbasicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature\n`);
}

/**
 * A certificate for the public VIP signed by the lab CA, valid `days` days from now, as HAProxy
 * reads it (certificate then key in one PEM); mode 0600 since it holds the key.
 */
export async function publicVipPem(l: LabLayout, days: number): Promise<string> {
  const cert = await run(['openssl', 'x509', '-req', '-in', serverCsr(l), '-CA', labCaFile(l), '-CAkey', caKey(l), '-set_serial', `0x${Date.now().toString(16)}`, '-days', String(days), '-extfile', serverExt(l)]);
  return `${cert.trim()}\n${readFileSync(serverKey(l), 'utf8').trim()}\n`;
}

/** Written whole (mode 0600) and renamed into place, so an HAProxy reload never reads half a PEM. */
export function writeSecretFile(file: string, text: string): void {
  rmSync(`${file}.tmp`, { force: true });
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The certificate a TLS endpoint serves, checked against the lab CA: its notAfter and whether it verifies. */
export function servedCertificate(l: LabLayout, host: string, port: number): Promise<{ validTo: Date; authorized: boolean; error?: string }> {
  const ca = existsSync(labCaFile(l)) ? readFileSync(labCaFile(l)) : undefined;
  return new Promise((resolve, reject) => {
    const s = connect({ host, port, ca, servername: undefined, rejectUnauthorized: false, timeout: 5000 }, () => {
      const cert = s.getPeerCertificate();
      resolve({ validTo: new Date(cert.valid_to), authorized: s.authorized, ...(s.authorizationError ? { error: String(s.authorizationError) } : {}) });
      s.end();
    });
    s.once('timeout', () => {
      s.destroy();
      reject(new Error(`TLS to ${host}:${port} timed out`));
    });
    s.once('error', reject);
  });
}
