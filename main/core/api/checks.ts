import type { HandlerSlice, Services } from './services.js';

/** Whole-cluster checks: every applicable playbook in one case, fan-out bounded across them. */
export const checkHandlers = (s: Services) =>
  ({
    'checks.start': (i) => {
      const cluster = s.inventory.cluster(i.clusterId);
      // Everything that can be refused is refused before a case is opened or a run recorded.
      const plan = s.checks.plan(cluster, i.only, i.skip);
      if (i.caseId !== undefined) s.cases.require(i.caseId);
      s.secrets.requireSecrets(plan.targets, 'check this cluster', { sudo: true });
      const caseId = i.caseId ?? s.cases.create(`Check of ${cluster.name}`, 'auto', cluster.id).id;
      return s.checks.start(plan, caseId, i.caseId === undefined, i.concurrency);
    },
  }) satisfies HandlerSlice;
