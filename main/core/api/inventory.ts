import type { HandlerSlice, Services } from './services.js';

/** Clusters, nodes and the host keys they are trusted by. */
export const inventoryHandlers = (s: Services) =>
  ({
    'clusters.list': () => s.inventory.list(),
    'clusters.add': (i) => s.inventory.addCluster(i),
    'clusters.update': (i) => s.inventory.updateCluster(i),
    'clusters.remove': (i) => (s.inventory.removeCluster(i.id), null),
    'nodes.add': (i) => s.inventory.addNode(i),
    'nodes.update': (i) => s.inventory.updateNode(i),
    'nodes.remove': (i) => (s.inventory.removeNode(i.id), null),
    'hostKeys.probe': async (i) => {
      // The key's bytes stay in the core; clients see its type and fingerprint.
      const { presented: _presented, ...probe } = await s.hostKeys.probe(i.nodeId);
      return probe;
    },
    'hostKeys.trust': (i) => s.hostKeys.trust(i.nodeId, i.fingerprint),
    'hostKeys.probeCluster': async (i) => {
      const { presented: _presented, ...probes } = await s.hostKeys.probeCluster(i.clusterId);
      return probes;
    },
    'hostKeys.trustCluster': (i) => s.hostKeys.trustCluster(i.clusterId, i.confirmed),
  }) satisfies HandlerSlice;
