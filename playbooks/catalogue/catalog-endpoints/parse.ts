/**
 * catalog-endpoints: endpoints.sh output → facts. `== endpoints N`, then one line per endpoint:
 * `ep TYPE INTERFACE URL -> CODE SECONDSs curl=EXIT insecure=CODE|- [again=CODE:SECONDS|-] [curl's error]`, or
 * `ep TYPE INTERFACE URL disabled`; `== list failed` when the catalog could not be read.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface Endpoint {
  type: string;
  iface: string;
  url: string;
  disabled: boolean;
  /** HTTP status; '000' when nothing answered. */
  code: string;
  seconds: number | null;
  curlExit: number;
  /** The status without TLS verification, when the verified request failed on TLS; null otherwise. */
  insecure: string | null;
  /** The second try of an endpoint that did not answer in time (curl 28), with a longer limit; null when there was none. */
  again: { code: string; seconds: number } | null;
  error: string;
  line: string;
}

export interface Catalog {
  listed: number | null;
  failed: boolean;
  endpoints: Endpoint[];
  headLine: string | null;
  /** `== no-catalog AUTH_TYPE ENDPOINT`: the credentials name one service and no Keystone. */
  noCatalog: string | null;
}

export function parseEndpoints(stdout: string): Catalog {
  const ls = lines(stdout);
  const head = ls.find((l) => l.startsWith('== endpoints ')) ?? null;
  const out: Catalog = { listed: head ? Number(head.slice('== endpoints '.length)) : null, failed: ls.includes('== list failed'), endpoints: [], headLine: head, noCatalog: ls.find((l) => l.startsWith('== no-catalog ')) ?? null };
  for (const l of ls) {
    let m = /^ep (\S+) (\S+) (\S+) disabled$/.exec(l);
    if (m) {
      out.endpoints.push({ type: m[1] ?? '', iface: m[2] ?? '', url: m[3] ?? '', disabled: true, code: '', seconds: null, curlExit: 0, insecure: null, again: null, error: '', line: l });
      continue;
    }
    m = /^ep (\S+) (\S+) (\S+) -> (\d{3}) ([\d.]+)s curl=(\d+) insecure=(\S+)(?: again=(?:-|(\d{3}):([\d.]+)))?(?: (.*))?$/.exec(l);
    if (m) {
      out.endpoints.push({
        type: m[1] ?? '',
        iface: m[2] ?? '',
        url: m[3] ?? '',
        disabled: false,
        code: m[4] ?? '000',
        seconds: Number(m[5]),
        curlExit: Number(m[6]),
        insecure: m[7] === '-' ? null : (m[7] ?? null),
        again: m[8] ? { code: m[8], seconds: Number(m[9]) } : null,
        error: (m[10] ?? '').trim(),
        line: l,
      });
    }
  }
  return out;
}

/** Services without which the cloud does not work: a dead public or internal endpoint of one is critical. */
export const coreServices = new Set(['identity', 'compute', 'network', 'image', 'placement', 'volume', 'volumev2', 'volumev3', 'block-storage']);

/** curl's exit codes for a TLS failure (35 handshake, 51/60 verification, 58/77/83/90/91 certificates). */
export const tlsExits = new Set([35, 51, 58, 60, 77, 83, 90, 91]);
