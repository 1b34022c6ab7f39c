import type { HandlerSlice, Services } from './services.js';

/** The playbook catalogue: listed, run on a cluster, and values offered for its parameters. */
export const playbookHandlers = (s: Services) =>
  ({
    'playbooks.list': () => s.playbooks.list(),
    'playbooks.run': (i) => {
      const cluster = s.inventory.cluster(i.clusterId);
      s.secrets.requireSecrets(s.playbooks.targets(i.playbookId, cluster, i.nodeNames), 'run this playbook');
      const run = s.playbooks.start({
        caseId: i.caseId,
        cluster,
        playbookId: i.playbookId,
        params: i.params,
        nodeNames: i.nodeNames,
        allowMutating: i.allowMutating,
        ...(i.concurrency ? { concurrency: i.concurrency } : {}),
      });
      return { runId: run.id };
    },
    'playbooks.suggest': (i) => {
      const cluster = s.inventory.cluster(i.clusterId);
      // Suggestions are read on the controllers.
      s.secrets.requireSecrets(cluster.nodes.filter((n) => n.roles.includes('controller')), 'list what the cluster has');
      return s.suggestions.suggest(cluster, i.kind);
    },
  }) satisfies HandlerSlice;
