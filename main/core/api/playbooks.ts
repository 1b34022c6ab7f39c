import type { HandlerSlice, Services } from './services.js';

/** The playbook catalogue: listed, run on a cluster, and values offered for its parameters. */
export const playbookHandlers = (s: Services) =>
  ({
    'playbooks.list': () => s.playbooks.list(),
    'playbooks.run': (i) => {
      const cluster = s.inventory.cluster(i.clusterId);
      const req = { cluster, playbookId: i.playbookId, params: i.params, nodeNames: i.nodeNames, allowMutating: i.allowMutating, ...(i.concurrency ? { concurrency: i.concurrency } : {}) };
      // Refused input (and a missing secret) leaves nothing behind: the case is chosen after.
      s.secrets.requireSecrets(s.playbooks.check(req), 'run this playbook', { sudo: true });
      const { caseId, caseChoice } = s.cases.forRun(cluster.id, i, `${i.playbookId} on ${cluster.name}`);
      return { runId: s.playbooks.start({ caseId, ...req }).id, caseId, caseChoice };
    },
    'playbooks.suggest': (i) => {
      const cluster = s.inventory.cluster(i.clusterId);
      // Suggestions are read on the controllers.
      s.secrets.requireSecrets(cluster.nodes.filter((n) => n.roles.includes('controller')), 'list what the cluster has', { sudo: true });
      return s.suggestions.suggest(cluster, i.kind);
    },
  }) satisfies HandlerSlice;
