import { describe, expect, it } from 'vitest';
import { planLab, type LabNode } from './layout.js';
import { nodeEnv } from './nodes.js';
import { rabbitComponent, rabbitEnv, rabbitNodes, transportUrl } from './rabbitmq.js';

const lab = (rabbitmqNodes?: number) => planLab({ id: 'ab12', root: '/tmp/stackscope-lab-x', flavor: 'packages', subnet: 7, computes: 1, rabbitmqNodes });
const node = (l: ReturnType<typeof lab>, name: string): LabNode => l.nodes.find((n) => n.name === name) as LabNode;

describe('RabbitMQ nodes of the lab', () => {
  it('keeps the single broker as it always was: rabbit@localhost on controller-1, short names', () => {
    const l = lab();
    expect(rabbitNodes(l).map((n) => n.name)).toEqual(['controller-1']);
    const c = rabbitComponent(l);
    expect(c).toMatchObject({ name: 'rabbitmq@controller-1', node: 'controller-1', pod: { name: 'rabbitmq-rabbitmq-0' }, container: { name: 'rabbitmq', service: 'rabbitmq' } });
    expect(c.env).toEqual(rabbitEnv(node(l, 'controller-1')));
    expect(c.env).toMatchObject({ RABBITMQ_NODENAME: 'rabbit@localhost', HOME: '/tmp/stackscope-lab-x/controller-1/home', RABBITMQ_NODE_IP_ADDRESS: '198.18.7.11' });
    expect(c.env.RABBITMQ_USE_LONGNAME).toBeUndefined();
    // rabbitmqctl on controller-1 only; the other controllers have no broker.
    expect(nodeEnv(l, node(l, 'controller-1')).RABBITMQ_NODENAME).toBe('rabbit@localhost');
    expect(nodeEnv(l, node(l, 'controller-2')).RABBITMQ_NODENAME).toBeUndefined();
    expect(transportUrl(l, 'openstack', 'p/w')).toBe('rabbit://openstack:p%2Fw@198.18.7.11:5672/');
  });

  it('names a cluster by address (the namespaces share one hostname), one broker per controller', () => {
    const l = lab(3);
    expect(rabbitNodes(l).map((n) => n.name)).toEqual(['controller-1', 'controller-2', 'controller-3']);
    for (const [i, n] of rabbitNodes(l).entries()) {
      const env = nodeEnv(l, n);
      expect(env).toMatchObject({ RABBITMQ_NODENAME: `rabbit@198.18.7.1${i + 1}`, RABBITMQ_USE_LONGNAME: 'true' });
      expect(rabbitEnv(n, l)).toMatchObject({ RABBITMQ_NODENAME: env.RABBITMQ_NODENAME, HOME: env.HOME });
    }
    expect(nodeEnv(l, node(l, 'compute-1')).RABBITMQ_NODENAME).toBeUndefined();
    expect(transportUrl(l, 'openstack', 'pw')).toBe('rabbit://openstack:pw@198.18.7.11:5672,openstack:pw@198.18.7.12:5672,openstack:pw@198.18.7.13:5672/');
  });

  it('refuses other sizes', () => {
    expect(() => lab(2)).toThrow(/--rabbitmq-nodes must be 1 or 3/);
  });
});
