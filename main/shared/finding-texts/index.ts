/**
 * Finding texts in the UI language. Analyzers that adopt it build their titles, explanations,
 * likely causes and next steps from message ids with parameters (`say()`): the English text is
 * rendered from the same table and stored as today (search, reports, older clients), and the
 * messages are stored beside it, so a reader in another language gets the same finding in its
 * words (`localizeFinding`). One table per analyzer, each id with every language
 * (finding-texts.test.ts checks the parity and the placeholders).
 */
import type { FindingMessage, FindingMessageParam, FindingTexts, Lang } from '../../contract/types.js';
import { apiErrorsTexts } from './api-errors.js';
import { catalogEndpointsTexts } from './catalog-endpoints.js';
import { certificatesTexts } from './certificates.js';
import { cephHealthTexts } from './ceph-health.js';
import { cinderVolumesTexts } from './cinder-volumes.js';
import { clockSyncTexts } from './clock-sync.js';
import { galeraBootstrapTexts } from './galera-bootstrap.js';
import { galeraTexts } from './galera.js';
import { haproxyBackendsTexts } from './haproxy-backends.js';
import { k8sNodesTexts } from './k8s-nodes.js';
import { hostBasicsTexts } from './host-basics.js';
import { instancesStuckTexts } from './instances-stuck.js';
import { k8sPodsTexts } from './k8s-pods.js';
import { kernelLogTexts } from './kernel-log.js';
import { kollaContainersTexts } from './kolla-containers.js';
import { keystoneHealthTexts } from './keystone-health.js';
import { logSignaturesTexts } from './log-signatures.js';
import { memcachedTexts } from './memcached.js';
import { mtuTexts } from './mtu.js';
import { droppedTrafficTexts } from './dropped-traffic.js';
import { neutronAgentsTexts } from './neutron-agents.js';
import { neutronOvnSyncTexts } from './neutron-ovn-sync.js';
import { novaCellsTexts } from './nova-cells.js';
import { novaComputeLogTexts } from './nova-compute-log.js';
import { novaServicesTexts } from './nova-services.js';
import { openstackLogSignaturesTexts } from './openstack-log-signatures.js';
import { ovnControllerLogTexts } from './ovn-controller-log.js';
import { ovnGatewayTexts } from './ovn-gateway.js';
import { ovnHealthTexts } from './ovn-health.js';
import { ovnTraceTexts } from './ovn-trace.js';
import { ovsHealthTexts } from './ovs-health.js';
import { ovsVswitchdLogTexts } from './ovs-vswitchd-log.js';
import { portBindingTexts } from './port-binding.js';
import { placementTexts } from './placement.js';
import { rabbitmqClusterTexts } from './rabbitmq-cluster.js';
import { rabbitmqQueuesTexts } from './rabbitmq-queues.js';
import { sysctlSettingsTexts } from './sysctl-settings.js';
import { configDriftTexts } from './config-drift.js';

export type MessageTable = Record<string, Record<Lang, string>>;

/** Every table, by analyzer; an analyzer adopting messages adds its own. */
export const findingTexts: MessageTable = { ...galeraTexts, ...galeraBootstrapTexts, ...k8sPodsTexts, ...novaServicesTexts, ...placementTexts, ...ovnHealthTexts, ...ovnGatewayTexts, ...ovnTraceTexts, ...ovsHealthTexts, ...logSignaturesTexts, ...openstackLogSignaturesTexts, ...cephHealthTexts, ...clockSyncTexts, ...kernelLogTexts, ...cinderVolumesTexts, ...rabbitmqClusterTexts, ...rabbitmqQueuesTexts, ...haproxyBackendsTexts, ...kollaContainersTexts, ...k8sNodesTexts, ...sysctlSettingsTexts, ...apiErrorsTexts, ...hostBasicsTexts, ...memcachedTexts, ...mtuTexts, ...ovsVswitchdLogTexts, ...ovnControllerLogTexts, ...neutronAgentsTexts, ...portBindingTexts, ...instancesStuckTexts, ...novaComputeLogTexts, ...novaCellsTexts, ...keystoneHealthTexts, ...certificatesTexts, ...catalogEndpointsTexts, ...configDriftTexts, ...neutronOvnSyncTexts, ...droppedTrafficTexts };

const joinList: Record<Lang, (items: string[]) => string> = {
  en: (xs) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1) ?? ''}`),
  ko: (xs) => xs.join(', '),
};

function isMessage(p: FindingMessageParam): p is FindingMessage {
  return typeof p === 'object' && !Array.isArray(p) && 'id' in p;
}

/** One message in `lang`, or null when the table lacks it (an older or newer analyzer): then the stored text is shown. */
export function renderMessage(m: FindingMessage, lang: Lang, table: MessageTable = findingTexts): string | null {
  const template = table[m.id]?.[lang];
  if (template === undefined) return null;
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_x, name: string) => {
    const p = m.params?.[name];
    if (p === undefined) {
      missing = true;
      return '';
    }
    if (typeof p === 'string' || typeof p === 'number') return String(p);
    if (Array.isArray(p)) {
      const parts = p.map((x) => renderMessage(x, lang, table));
      if (parts.some((x) => x === null)) missing = true;
      return parts.join(' ');
    }
    if (isMessage(p)) {
      const r = renderMessage(p, lang, table);
      if (r === null) missing = true;
      return r ?? '';
    }
    return joinList[lang](p.list);
  });
  return missing ? null : out;
}

/** A message: `say('galera.primary.title.many', { nodes: 'a, b' })`. */
export function say(id: string, params?: FindingMessage['params']): FindingMessage {
  return params ? { id, params } : { id };
}

/**
 * The English texts of a finding from its messages, with the messages kept beside them: what an
 * analyzer spreads into its finding. A message missing from the table is a programming error.
 */
export function texts(t: FindingTexts): { title: string; explanation: string; likelyCause: string; nextStep: string; text: FindingTexts } {
  const en = (m: FindingMessage | undefined): string => {
    if (!m) return '';
    const r = renderMessage(m, 'en');
    if (r === null) throw new Error(`finding text ${m.id}: no English template, or a parameter is missing (${JSON.stringify(m.params ?? {})})`);
    return r;
  };
  return { title: en(t.title), explanation: en(t.explanation), likelyCause: en(t.likelyCause), nextStep: en(t.nextStep), text: t };
}

interface LocalizableFinding {
  status: string;
  title: string;
  explanation: string;
  likelyCause: string;
  nextStep: string;
  skippedReason: string | null;
  text?: FindingTexts | null;
}

/** The finding with its texts in `lang` where its messages allow; the stored (English) text otherwise. */
export function localizeFinding<F extends LocalizableFinding>(f: F, lang: Lang): F {
  if (!f.text || lang === 'en') return f;
  const t = f.text;
  const pick = (m: FindingMessage | undefined, stored: string): string => (m ? (renderMessage(m, lang) ?? stored) : stored);
  const explanation = pick(t.explanation, f.explanation);
  return {
    ...f,
    title: pick(t.title, f.title),
    explanation,
    likelyCause: pick(t.likelyCause, f.likelyCause),
    nextStep: pick(t.nextStep, f.nextStep),
    // A check that could not be made gives its reason as its explanation.
    skippedReason: f.skippedReason !== null && f.skippedReason === f.explanation ? explanation : f.skippedReason,
  };
}
