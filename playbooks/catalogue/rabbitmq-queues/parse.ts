/**
 * rabbitmq-queues: the lines queues.sh prints. The usual form is two samples of every queue,
 * `sample 1 vhost=/ queue=conductor ready=0 unacked=0 consumers=1`, with `sample 2 after 3004 ms`
 * between them; where the broker lacks the functions eval uses, one `rabbitmqctl list_queues name
 * messages_ready messages_unacknowledged consumers` of the default vhost (tab-separated) after a
 * `stackscope: list_queues …` line.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface QueueRow {
  vhost: string;
  name: string;
  /** null where the broker printed no number (a queue whose node is down prints '' or an atom). */
  ready: number | null;
  unacked: number | null;
  consumers: number | null;
  line: string;
}

export interface QueueSamples {
  /** Rows of the first sample (or of the single list_queues). */
  first: QueueRow[];
  /** Rows of the second sample; null with a single list_queues. */
  second: QueueRow[] | null;
  /** Milliseconds between the samples, as the broker measured them. */
  gapMs: number | null;
  gapLine: string;
}

const num = (x: string | undefined): number | null => (x !== undefined && /^\d+$/.test(x) ? Number(x) : null);
const SAMPLE = /^sample ([12]) vhost=(.*?) queue=(.*) ready=(\S*) unacked=(\S*) consumers=(\S*)$/;
const GAP = /^sample 2 after (\d+) ms$/;

/** The samples of queues.sh's output; null when it holds neither form (rabbitmqctl failed). */
export function parseQueues(stdout: string): QueueSamples | null {
  const ls = lines(stdout);
  const gapLine = ls.find((l) => GAP.test(l)) ?? '';
  if (gapLine || ls.includes('stackscope: samples done')) {
    const rows = (which: string): QueueRow[] =>
      ls.flatMap((line) => {
        const m = SAMPLE.exec(line);
        return m && m[1] === which ? [{ vhost: m[2] ?? '', name: m[3] ?? '', ready: num(m[4]), unacked: num(m[5]), consumers: num(m[6]), line }] : [];
      });
    return { first: rows('1'), second: gapLine ? rows('2') : null, gapMs: num(GAP.exec(gapLine)?.[1]), gapLine };
  }
  const at = ls.findIndex((l) => l.startsWith('stackscope: list_queues '));
  if (at < 0) return null;
  const first = ls.slice(at + 1).flatMap((line) => {
    const f = line.split('\t');
    if (f.length !== 4 || (f[0] === 'name' && f[1] === 'messages_ready')) return [];
    return [{ vhost: '/', name: f[0] ?? '', ready: num(f[1]), unacked: num(f[2]), consumers: num(f[3]), line }];
  });
  return { first, second: null, gapMs: null, gapLine: '' };
}

/** What should consume a queue, from its name (oslo.messaging's topics, fanouts and replies). */
export interface Consumer {
  /** reply: an RPC caller's reply queue; fanout: one service instance's fanout queue; notifications; topic: a service's RPC topic. */
  kind: 'reply' | 'fanout' | 'notifications' | 'topic';
  /** The topic without its host (`compute.cmp-7` → compute), or the fanout's topic. */
  topic: string;
  /** The host of a per-host topic queue (`compute.cmp-7` → cmp-7). */
  host: string | null;
  /** The service that consumes it (`nova-compute`), the topic when unknown; '' for replies and notifications (the analyzer says who). */
  service: string;
}

/** oslo.messaging topics of the common services → the service that serves them. */
const services: Record<string, string> = {
  conductor: 'nova-conductor',
  scheduler: 'nova-scheduler',
  compute: 'nova-compute',
  consoleauth: 'nova-consoleauth',
  'q-plugin': 'neutron-server',
  'q-reports-plugin': 'neutron-server',
  'q-server-resource-versions': 'neutron-server',
  dhcp_agent: 'neutron-dhcp-agent',
  l3_agent: 'neutron-l3-agent',
  metering_agent: 'neutron-metering-agent',
  'cinder-scheduler': 'cinder-scheduler',
  'cinder-volume': 'cinder-volume',
  'cinder-backup': 'cinder-backup',
  engine: 'heat-engine',
  'heat-engine-listener': 'heat-engine',
  octavia_prov: 'octavia-driver-agent',
  'magnum-conductor': 'magnum-conductor',
  'manila-share': 'manila-share',
  'manila-scheduler': 'manila-scheduler',
  'manila-data': 'manila-data',
  'barbican.workers': 'barbican-worker',
  'designate-central': 'designate-central',
  'designate-worker': 'designate-worker',
  'designate-producer': 'designate-producer',
};

export function consumerOf(name: string): Consumer {
  if (/^reply_[0-9a-f]{32}$/.test(name)) return { kind: 'reply', topic: name, host: null, service: '' };
  const fanout = /^(.+)_fanout_[0-9a-f]{32}$/.exec(name);
  if (fanout) {
    const topic = fanout[1] ?? name;
    return { kind: 'fanout', topic, host: null, service: services[topic] ?? topic };
  }
  if (/^(versioned_)?notifications(_designate)?\.\w+$/.test(name) || /^notifications_\w+\.\w+$/.test(name)) return { kind: 'notifications', topic: name, host: null, service: '' };
  const known = Object.keys(services)
    .filter((t) => name === t || name.startsWith(`${t}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (known) return { kind: 'topic', topic: known, host: name === known ? null : name.slice(known.length + 1), service: services[known] ?? known };
  const dot = name.indexOf('.');
  const topic = dot > 0 ? name.slice(0, dot) : name;
  return { kind: 'topic', topic, host: dot > 0 ? name.slice(dot + 1) : null, service: topic };
}

/** Why queues.sh printed no samples, from its text and exit code. */
export type NoSamples = 'no-cli' | 'no-container' | 'no-data' | 'timeout' | 'not-running' | 'other';

export function whyNoSamples(text: string, exitCode: number | null): NoSamples {
  if (exitCode === 127 || /rabbitmqctl: (command )?not found|executable file not found/.test(text)) return 'no-cli';
  if (/No such container|pods? "?[\w.-]+"? not found|container not found/i.test(text)) return 'no-container';
  if (/^stackscope: no RabbitMQ data in /m.test(text)) return 'no-data';
  if (exitCode === 75 || /timed out|timeout/i.test(text)) return 'timeout';
  if (exitCode === 69 || /unable to perform an operation on node|epmd reports|nodedown|Target node is not running/.test(text)) return 'not-running';
  return 'other';
}
