import { describe, expect, it } from 'vitest';
import { faults } from './faults.js';
import { gatewayNode, planLab, type LabFlavor } from './layout.js';

/**
 * `lab faults` lists every fault with the nodes it affects, on whatever lab is up: a fault that
 * cannot be made on this lab's shape (one compute, the light control plane) is still listed, so
 * `affects` must name nodes of this lab and never throw (a second gateway chassis on a one-compute
 * lab emptied the whole listing once).
 */
describe('lab faults: the nodes each affects', () => {
  for (const flavor of ['packages', 'kolla', 'openstack-helm'] as LabFlavor[]) {
    for (const computes of [1, 2, 50]) {
      it(`${flavor}, ${computes} compute(s): every fault names nodes of the lab`, () => {
        const l = planLab({ id: 'test', root: '/tmp/stackscope-lab-test', flavor, subnet: 1, computes, controlPlane: 'full', rabbitmqNodes: 3 });
        const names = new Set(l.nodes.map((n) => n.name));
        for (const f of faults) {
          const affected = f.affects?.(l) ?? [];
          expect(affected.every((n) => names.has(n)), `${f.id}: ${affected.join(', ')}`).toBe(true);
        }
      });
    }
  }

  it('the gateway fault names the gateway chassis and the compute it adds, and only the gateway on a one-compute lab', () => {
    const f = faults.find((x) => x.id === 'ovn-gateway-bfd-down');
    const two = planLab({ id: 'test', root: '/tmp/stackscope-lab-test', flavor: 'packages', subnet: 1, computes: 2 });
    expect(f?.affects?.(two)).toEqual([gatewayNode(two).name, 'compute-2']);
    const one = planLab({ id: 'test', root: '/tmp/stackscope-lab-test', flavor: 'packages', subnet: 1, computes: 1 });
    expect(f?.affects?.(one)).toEqual(['compute-1']);
  });
});
