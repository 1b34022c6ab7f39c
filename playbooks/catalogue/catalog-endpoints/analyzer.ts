/**
 * catalog-endpoints: whether every endpoint the Keystone catalog hands to clients answers. Any HTTP
 * status is an answer (an API root gives 200/300, or 401 without a token); no answer, a 502/503/504
 * from the load balancer or a certificate that does not verify is a problem. A public or internal
 * endpoint of a core service (identity, compute, network, image, placement, block storage) that does
 * not answer is critical: every client or service that looks it up in the catalog fails.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { coreServices, parseEndpoints, tlsExits, type Endpoint } from './parse.js';

const STEP = 'endpoints';
/** endpoints.sh's limits: the first try of every endpoint, and the second try of one that did not answer in time. */
const FIRST_LIMIT_S = 5;
const RETRY_LIMIT_S = 15;

const vital = (e: Endpoint): boolean => coreServices.has(e.type) && (e.iface === 'public' || e.iface === 'internal');

/** Why the catalog could not be read, from what the client said. */
function listFailure(out: StepOutput): Finding {
  const text = `${out.stdout}\n${out.stderr}`;
  const first = out.stderr.split('\n').find((l) => l.trim()) ?? out.stdout.split('\n').find((l) => l.trim() && !l.startsWith('== '));
  const hint = /Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml/i.test(text)
    ? 'no-credentials'
    : /HTTP 401|Unauthorized|HTTP 403/i.test(text)
      ? 'rejected'
      : /Unable to establish connection|Connection refused|timed out|Max retries/i.test(text)
        ? 'unreachable'
        : 'other';
  const t = texts({ title: say('catalog-endpoints.list.title'), explanation: say('catalog-endpoints.list.explanation', { code: out.exitCode ?? '?' }), likelyCause: say(`catalog-endpoints.list.cause.${hint}`), nextStep: say('catalog-endpoints.list.next') });
  return { ...skipped('catalog.list', t.title, t.explanation, first ? [evidence(out, [first])] : []), likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

export const analyze: Analyzer = (input) => {
  const out = completed(input, STEP)[0];
  if (!out) return [];
  const cat = parseEndpoints(out.stdout);
  if (out.state === 'succeeded' && cat.noCatalog) {
    const endpoint = cat.noCatalog.split(' ').slice(3).join(' ');
    const t = texts({ title: say('catalog-endpoints.no-catalog.title'), explanation: say('catalog-endpoints.no-catalog.explanation', { endpoint }) });
    return [finding({ check: 'catalog.endpoints', severity: 'info', title: t.title, explanation: t.explanation, text: t.text, evidence: [evidence(out, [cat.noCatalog])] })];
  }
  if (out.state !== 'succeeded' || cat.failed || cat.listed === null) return [listFailure(out)];
  const found: Finding[] = [];
  const fine: Endpoint[] = [];
  const untrusted: Endpoint[] = [];
  const live = cat.endpoints.filter((e) => !e.disabled);
  for (const e of live) {
    const params = { type: e.type, iface: e.iface, url: e.url, code: e.code, error: e.error || `curl exit ${e.curlExit}` };
    const ev = [evidence(out, [e.line])];
    const tls = tlsExits.has(e.curlExit);
    // An issuer this controller does not trust (a private CA without OS_CACERT) says nothing about the certificate.
    if (tls && e.insecure !== null && e.insecure !== '000' && /unable to get local issuer|self[- ]signed certificate/i.test(e.error)) {
      untrusted.push(e);
      continue;
    }
    if (tls && e.insecure !== null && e.insecure !== '000') {
      const expired = /expired/i.test(e.error);
      found.push(
        finding({
          check: 'catalog.endpoint-tls',
          severity: expired && vital(e) ? 'critical' : 'warning',
          ...texts({
            title: say('catalog-endpoints.tls.title', params),
            explanation: say('catalog-endpoints.tls.explanation', { ...params, insecure: e.insecure }),
            likelyCause: say(expired ? 'catalog-endpoints.tls.cause.expired' : 'catalog-endpoints.tls.cause'),
            nextStep: say('catalog-endpoints.tls.next', params),
          }),
          evidence: ev,
          ...(expired ? { explainedBy: ['certificates.expiry'] } : {}),
        }),
      );
      continue;
    }
    // No answer in the first 5 s but one on the longer second try: slow, not down (its status read as the answer).
    if (e.code === '000' && e.again && e.again.code !== '000' && !/^5\d\d$/.test(e.again.code)) {
      const slow = { ...params, code: e.again.code, seconds: e.again.seconds.toFixed(1), first: FIRST_LIMIT_S };
      found.push(
        finding({
          check: 'catalog.endpoint-slow',
          severity: 'warning',
          ...texts({
            title: say('catalog-endpoints.slow.title', slow),
            explanation: say('catalog-endpoints.slow.explanation', slow),
            likelyCause: say('catalog-endpoints.slow.cause'),
            nextStep: say('catalog-endpoints.slow.next', slow),
          }),
          evidence: ev,
        }),
      );
      continue;
    }
    if (e.code === '000' && e.again && e.again.code !== '000') {
      params.code = e.again.code;
    } else if (e.code === '000') {
      found.push(
        finding({
          check: 'catalog.endpoint-down',
          severity: vital(e) ? 'critical' : 'warning',
          ...texts({
            title: say('catalog-endpoints.down.title', params),
            explanation: say(vital(e) ? 'catalog-endpoints.down.explanation.core' : 'catalog-endpoints.down.explanation', params),
            likelyCause: /refused/i.test(e.error)
              ? say('catalog-endpoints.down.cause.refused')
              : /resolve/i.test(e.error)
                ? say('catalog-endpoints.down.cause.dns')
                : e.again
                  ? say('catalog-endpoints.down.cause.timeout.again', { first: FIRST_LIMIT_S, retry: RETRY_LIMIT_S })
                  : say('catalog-endpoints.down.cause.timeout'),
            nextStep: say('catalog-endpoints.down.next', params),
          }),
          evidence: ev,
        }),
      );
      continue;
    }
    if (/^5\d\d$/.test(params.code)) {
      const noBackend = ['502', '503', '504'].includes(params.code);
      found.push(
        finding({
          check: 'catalog.endpoint-error',
          severity: noBackend && vital(e) ? 'critical' : 'warning',
          ...texts({
            title: say('catalog-endpoints.error.title', params),
            explanation: say('catalog-endpoints.error.explanation', params),
            likelyCause: say(noBackend ? 'catalog-endpoints.error.cause.backend' : 'catalog-endpoints.error.cause'),
            nextStep: say('catalog-endpoints.error.next', params),
          }),
          evidence: ev,
        }),
      );
      continue;
    }
    fine.push(e);
  }
  if (fine.length) {
    const services = [...new Set(fine.map((e) => e.type))];
    found.push(
      finding({
        check: 'catalog.endpoints',
        severity: 'ok',
        ...texts({
          title: say('catalog-endpoints.ok.title', { count: fine.length, services: services.length }),
          explanation: say('catalog-endpoints.ok.explanation', { count: fine.length, services: services.join(', '), slowest: Math.max(...fine.map((e) => e.seconds ?? 0)).toFixed(2) }),
        }),
        evidence: [evidence(out, [...(cat.headLine ? [cat.headLine] : []), ...fine.map((e) => e.line)])],
      }),
    );
  }
  if (untrusted.length) {
    found.push(
      finding({
        check: 'catalog.endpoint-issuer',
        severity: 'info',
        ...texts({
          title: say('catalog-endpoints.untrusted.title', { count: untrusted.length }),
          explanation: say('catalog-endpoints.untrusted.explanation', { count: untrusted.length, urls: untrusted.map((e) => e.url).join(', ') }),
          nextStep: say('catalog-endpoints.untrusted.next'),
        }),
        evidence: [evidence(out, untrusted.map((e) => e.line))],
      }),
    );
  }
  if (!live.length) {
    const t = texts({ title: say('catalog-endpoints.empty.title'), explanation: say('catalog-endpoints.empty.explanation', { count: cat.endpoints.length }), nextStep: say('catalog-endpoints.empty.next') });
    found.push(finding({ check: 'catalog.endpoints', severity: 'warning', title: t.title, explanation: t.explanation, nextStep: t.nextStep, text: t.text, evidence: cat.headLine ? [evidence(out, [cat.headLine])] : [] }));
  }
  return found;
};
