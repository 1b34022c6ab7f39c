/**
 * certificates: certs.sh output → facts. `== now EPOCH` (the node's clock), then one section per
 * certificate file (`== file PATH KIND`) or TLS address (`== served ADDR:PORT CRT`) with openssl's
 * `notAfter=`, `subject=`, `issuer=`, `sha256 Fingerprint=` and a `verify …` line.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface Cert {
  kind: 'file' | 'served';
  /** The file path, or the address served. */
  where: string;
  /** haproxy, kolla, ovs, ovn, libvirt (files); the certificate file HAProxy names (served). */
  tag: string;
  notAfter: string | null;
  /** Seconds since the epoch, or null when openssl's date could not be read. */
  notAfterSec: number | null;
  subject: string;
  issuer: string;
  fingerprint: string;
  verify: string;
  unreadable: boolean;
  error: string | null;
  lines: string[];
}

export interface NodeCerts {
  now: number | null;
  nowLine: string | null;
  certs: Cert[];
  complete: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** openssl's `Dec  5 12:00:00 2027 GMT` as seconds since the epoch. */
export function parseOpensslDate(s: string): number | null {
  const m = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s+(\d{4})\s*(?:GMT|UTC|Z)?$/.exec(s.trim());
  if (!m) return null;
  const mon = MONTHS.indexOf(m[1] ?? '');
  if (mon < 0) return null;
  return Date.UTC(Number(m[6]), mon, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000;
}

export function parseCerts(stdout: string): NodeCerts {
  const ls = lines(stdout);
  const nowLine = ls.find((l) => l.startsWith('== now ')) ?? null;
  const now = nowLine ? Number(nowLine.slice('== now '.length)) : NaN;
  const certs: Cert[] = [];
  let cur: Cert | null = null;
  for (const l of ls) {
    let m: RegExpExecArray | null;
    if (l.startsWith('== ')) {
      cur = null;
      if ((m = /^== file (\S+) (\S+)( unreadable)?$/.exec(l))) cur = { kind: 'file', where: m[1] ?? '', tag: m[2] ?? '', unreadable: Boolean(m[3]) } as Cert;
      else if ((m = /^== served (\S+) (\S+)$/.exec(l))) cur = { kind: 'served', where: m[1] ?? '', tag: m[2] ?? '', unreadable: false } as Cert;
      if (cur) {
        Object.assign(cur, { notAfter: null, notAfterSec: null, subject: '', issuer: '', fingerprint: '', verify: '', error: null, lines: [l] });
        certs.push(cur);
      }
      continue;
    }
    if (!cur) continue;
    if (l.startsWith('notAfter=')) {
      cur.notAfter = l.slice('notAfter='.length).trim();
      cur.notAfterSec = parseOpensslDate(cur.notAfter);
      cur.lines.push(l);
    } else if (l.startsWith('subject=')) {
      cur.subject = l.slice('subject='.length).trim();
      cur.lines.push(l);
    } else if (l.startsWith('issuer=')) {
      cur.issuer = l.slice('issuer='.length).trim();
      cur.lines.push(l);
    } else if (l.startsWith('sha256 Fingerprint=')) cur.fingerprint = l.slice('sha256 Fingerprint='.length).trim();
    else if (l.startsWith('verify ')) {
      cur.verify = l.slice('verify '.length).trim();
      cur.lines.push(l);
    } else if (l.startsWith('error ')) {
      cur.error = l.slice('error '.length).trim();
      cur.lines.push(l);
    }
  }
  return { now: Number.isFinite(now) ? now : null, nowLine, certs, complete: ls.includes('== end') };
}

/** A verify result that says the certificate or its chain is wrong (not merely that this node does not know the issuer). */
export function verifyProblem(v: string): string | null {
  if (!v || /(^|\s)OK$/.test(v) || /^Verify return code: 0 /.test(v)) return null;
  // 2/20: issuer unknown here, 18/19: self-signed (a CA file, or a private CA), 10: expired (the dates say it).
  if (/unable to get (local )?issuer certificate|self[- ]signed certificate|certificate has expired|return code: (2|10|18|19|20|21) /i.test(v)) return null;
  if (/signature failure|not yet valid|invalid CA certificate|unsupported certificate purpose|path length|hostname mismatch|certificate revoked|return code: \d+ /i.test(v)) return v;
  return null;
}
